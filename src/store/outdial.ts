/**
 * Outdial: the agent dials a customer. The number is checked against the profile's dial plan and
 * the caller id against its list; the call that results arrives as a task event like any other.
 * @module
 */
import type { ContactCenter } from '../backends/contact-center.js';
import { validateDialNumber } from '../model/index.js';
import type { ErrorCode } from '../model/domain.js';
import { defined } from '../model/payload.js';
import type { StoreState } from './state.js';
import { userDataProblem } from './validate.js';

/**
 * Dial `number` (with the caller id `aniId`, and `userData` attached to the new call, when given);
 * refused or failed with a CcError.
 */
export function outdial(
  state: StoreState,
  backend: ContactCenter,
  number: string,
  aniId?: string,
  userData?: Record<string, string>,
): Promise<void> {
  if (state.stopped) return state.stoppedRefusal('outdial');
  const refused = (code: ErrorCode, reason: string): Promise<never> => state.refuse(state.refusal(code, 'outdial', reason));
  const profile = state.agent.profile;
  if (!profile) return refused('INVALID_STATE', 'not connected');
  if (!profile.outdial.enabled) return refused('FORBIDDEN', 'outdial is not enabled for this agent');
  if (typeof number !== 'string') return refused('INVALID_PARAMETERS', 'a number is required');
  const checked = validateDialNumber(number, profile);
  if (!checked.ok) return refused('INVALID_PARAMETERS', checked.reason);
  const ani = aniId === undefined ? undefined : profile.outdial.anis.find((candidate) => candidate.id === aniId);
  if (aniId !== undefined && !ani) return refused('INVALID_PARAMETERS', `unknown caller id ${JSON.stringify(aniId)}`);
  if (state.list.all.some((task) => task.media === 'telephony')) return refused('INVALID_STATE', 'a call is already in progress');
  const dataProblem = userData === undefined ? undefined : userDataProblem(userData);
  if (dataProblem) return refused('INVALID_PARAMETERS', dataProblem);
  return backend.outdial(defined({ destination: checked.number, origin: ani?.number, userData })).catch(state.rejected('outdial'));
}
