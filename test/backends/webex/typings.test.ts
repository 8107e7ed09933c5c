/**
 * The adapter against the SDK's published typings (@webex/contact-center 3.12.0, dist/types).
 * The checks that matter run in `npm run lint` (tsc): each `Expect<…>` below stops compiling
 * when the SDK's declarations and the adapter or the model part ways. The adapter itself calls
 * the SDK only through types picked from those declarations (src/backends/webex/sdk.ts).
 */
import { expect } from '@open-wc/testing';
import type {
  CC_EVENTS,
  ConsultEndPayload as SdkConsultEnd,
  ConsultPayload as SdkConsult,
  ResumeRecordingPayload as SdkResumeRecording,
  TransferPayLoad as SdkTransfer,
  WrapupPayLoad as SdkWrapup,
  AgentContact as SdkAgentContact,
} from '@webex/contact-center';
import type { ConsultEndPayload, ConsultPayload, ResumeRecordingPayload, TransferPayload, WrapupPayload } from '../../../src/backends/contact-center.js';
import { TASK_EVENTS, type TaskEventName } from '../../../src/model/events.js';
import type { TaskMessage } from '../../../src/model/domain.js';
import type { WebexCc, WebexTask } from '../../../src/backends/webex/sdk.js';
import { WebexContactCenter } from '../../../src/backends/webex/index.js';

type Expect<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The port's payloads are what the SDK's Task operations take.
export type PayloadChecks = [
  Expect<Extends<ConsultPayload, SdkConsult>>,
  Expect<Extends<ConsultEndPayload, SdkConsultEnd>>,
  Expect<Extends<TransferPayload, SdkTransfer>>,
  Expect<Extends<WrapupPayload, SdkWrapup>>,
  Expect<Extends<ResumeRecordingPayload, SdkResumeRecording>>,
];

/** The websocket event names the SDK declares (its `CC_EVENTS` type alias does not resolve: the values do). */
type SdkEvent = (typeof CC_EVENTS)[keyof typeof CC_EVENTS];
/**
 * Event names the reducer reads that the SDK 3.12.0 does not declare: the seed's spelling of the
 * blind-transfer failure (the adapter renames AgentBlindTransferFailed to it), ContactUpdated (the
 * adapter synthesises it to confirm a WebRTC mute) and ContactUpdateFailed (no data-write API).
 */
type NotInSdk = Exclude<TaskEventName, SdkEvent>;
// …and the spelling the SDK's blind-transfer request waits for, which the adapter renames to the seed's.
export type EventChecks = [Expect<Same<NotInSdk, 'AgentBlindTransferFailedEvent' | 'ContactUpdated' | 'ContactUpdateFailed'>>, Expect<Extends<'AgentBlindTransferFailed', SdkEvent>>];

// The fields of an SDK frame the reducer relies on have the types the model expects.
type Fields = 'interactionId' | 'agentId' | 'mediaResourceId' | 'consultMediaResourceId' | 'owner' | 'isConferencing';
export type FrameChecks = [Expect<Extends<Pick<SdkAgentContact['data'], Fields>, Pick<TaskMessage, Fields>>>];

// The adapter's SDK surface is the SDK's own: a real instance fits it.
export type SurfaceChecks = [Expect<Extends<WebexTask['hold'], (mediaResourceId?: string) => Promise<unknown>>>, Expect<Extends<WebexCc['setAgentState'], (d: { state: string; auxCodeId: string }) => Promise<unknown>>>];

describe('Webex typings', () => {
  it('the adapter forwards every task event the reducer reads, plus the SDK spelling of the blind-transfer failure', () => {
    const listened: string[] = [];
    const cc = { on: (event: string) => listened.push(event), off: () => undefined } as unknown as WebexCc;
    const backend = new WebexContactCenter(cc, {});
    void backend.connect().catch(() => undefined);
    expect(listened).to.include.members([...TASK_EVENTS, 'AgentBlindTransferFailed', 'task:incoming', 'task:hydrate', 'agent:stateChange']);
  });
});
