/**
 * The part of the Webex Contact Center SDK (`@webex/contact-center`, 3.12.0) the adapter uses,
 * typed from the SDK's own published declarations (`import type`: nothing of the SDK is
 * bundled). When the typings change a method the adapter calls, `npm run lint` fails here.
 *
 * `on` / `off` come from the SDK's untyped base class (WebexPlugin), so they are declared here.
 * @module
 */
import type ContactCenterPlugin from '@webex/contact-center';
import type { AgentLogin, ITask, Profile } from '@webex/contact-center';

/** The `webex.cc` methods the adapter calls, exactly as the SDK declares them. */
export type WebexCcMethods = Pick<
  ContactCenterPlugin,
  | 'register'
  | 'stationLogin'
  | 'stationLogout'
  | 'setAgentState'
  | 'startOutdial'
  | 'getOutdialAniEntries'
  | 'getBuddyAgents'
  | 'getQueues'
  | 'getEntryPoints'
  | 'addressBook'
>;

/** A listener on the SDK's event emitter. */
export type WebexListener = (payload: never) => void;

/** `webex.cc`: the SDK's Contact Center plugin. */
export interface WebexCc extends WebexCcMethods {
  on(event: string, listener: WebexListener): void;
  off(event: string, listener: WebexListener): void;
}

/** The Task operations the adapter calls (seed 003), as the SDK declares them. */
export type WebexTask = Pick<
  ITask,
  | 'data'
  | 'accept'
  | 'decline'
  | 'hold'
  | 'resume'
  | 'toggleMute'
  | 'pauseRecording'
  | 'resumeRecording'
  | 'consult'
  | 'endConsult'
  | 'consultTransfer'
  | 'consultConference'
  | 'exitConference'
  | 'transfer'
  | 'end'
  | 'wrapup'
  | 'cancelAutoWrapupTimer'
>;

export type WebexProfile = Profile;
export type WebexLogin = AgentLogin;
export type WebexLoginOption = AgentLogin['loginOption'];

/** A Webex SDK instance (what `Webex.init` answers): `cc` once `ready`. */
export interface WebexInstance {
  readonly cc: WebexCc;
  readonly ready?: boolean;
  once(event: 'ready', listener: () => void): void;
}

/** The SDK's default export (`window.Webex` from the UMD build). */
export interface WebexStatic {
  init(attrs: { credentials?: { access_token: string } | string; config?: Record<string, unknown> }): WebexInstance;
}
