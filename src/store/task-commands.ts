/**
 * Task commands: the seed's Task operations (accept, hold, consult, transfer, wrap-up …) as store
 * methods. Each is refused without a backend call when its input or the task's state does not
 * allow it; otherwise it takes off as a command flight (see commands.ts): the task marked pending,
 * the backend called, the mark cleared by the confirming event, by a failure or by the timeout.
 * Also the changes that are not backend calls: the selection and the host's markdone block.
 * @module
 */
import type { ContactCenter } from '../backends/contact-center.js';
import { blockMarkdone, canIssue, isCcError, markPending, unblockMarkdone, validateDialNumber } from '../model/index.js';
import type { CcError, ConsultInfo, Destination, DestinationType, Task, TaskCommand } from '../model/domain.js';
import { ccError } from '../model/failure.js';
import { defined } from '../model/payload.js';
import type { CommandFlights, Flight } from './commands.js';
import { LABELS } from './errors.js';
import type { StoreState } from './state.js';
import type { CcStore } from './types.js';
import { destinationProblem, DESTINATION_TYPES, keyProblem, userDataProblem } from './validate.js';

/** The part of the store's surface this module provides: every task command, selection, markdone. */
export type TaskCommands = Pick<CcStore, TaskCommand | 'select' | 'blockMarkdone' | 'unblockMarkdone'>;

/** What a task command does once it is allowed: the backend call, and the consult it starts. */
interface Plan {
  call(): Promise<void>;
  /** Recorded on the task with the pending mark (whom we are calling). */
  consult?: ConsultInfo;
}

/**
 * Why a command's input is refused, checked before the task's state is: a reason (an
 * INVALID_PARAMETERS refusal), another CcError, or undefined when the input is fine.
 */
type Check = (task: Task) => string | CcError | undefined;

/** Where a consult transfer goes: the consult we started, else whom the contact center says. */
export function consultTarget(task: Task): { to: string; destinationType: DestinationType } | undefined {
  const destination = task.consult?.destination;
  if (destination) return { to: destination.id, destinationType: destination.type };
  const agent = task.data.destAgentId;
  if (!agent) return undefined;
  const type = task.data.destinationType;
  return { to: agent, destinationType: type && DESTINATION_TYPES.has(type) ? (type as DestinationType) : 'agent' };
}

export function taskCommands(state: StoreState, flights: CommandFlights, backend: ContactCenter): TaskCommands {
  /**
   * The common path of every task command: refusals without a backend call, then the pending
   * mark, the call, its timeout, and failure handling.
   */
  const run = (command: TaskCommand, taskId: string, plan: (task: Task) => Plan | CcError, check?: Check): Promise<void> => {
    if (state.stopped) return state.stoppedRefusal(command, taskId);
    const task = state.list.get(taskId);
    if (!task) return state.refuse(state.refusal('NOT_FOUND', command, `no live task ${JSON.stringify(String(taskId))}`, taskId));
    const planned = prepare(command, task, plan, check);
    if (isCcError(planned)) return state.refuse(planned);
    const marked = markPending(task, command, state.now());
    const flight: Flight = { command, mark: marked.pending, taskId, consultBefore: planned.consult && task.consult };
    const putMark = (): void => state.commit([planned.consult ? { ...marked, consult: planned.consult } : marked]);
    return flights.launch(flight, putMark, planned.call);
  };

  /** Why the command cannot be issued on the task now, or its plan. */
  const prepare = (command: TaskCommand, task: Task, plan: (task: Task) => Plan | CcError, check?: Check): Plan | CcError => {
    const problem = check?.(task);
    if (typeof problem === 'string') return state.refusal('INVALID_PARAMETERS', command, problem, task.id);
    if (problem) return problem;
    if (task.pending) {
      return state.refusal('INVALID_STATE', command, `${LABELS[task.pending.command]} is still pending`, task.id);
    }
    if (!canIssue(task, command, state.agent)) {
      return ccError('INVALID_STATE', command, `${LABELS[command]} is not possible while the task is ${task.state}`, state.now(), task.id);
    }
    return plan(task);
  };

  /** A command that is just the backend call of the same name with the task id. */
  const plain =
    (command: 'accept' | 'decline' | 'hold' | 'resume' | 'toggleMute' | 'pauseRecording' | 'consultConference' | 'exitConference' | 'end') =>
    (taskId: string): Promise<void> =>
      run(command, taskId, () => ({ call: () => backend[command](taskId) }));

  /**
   * A consult or transfer: the destination checked, a dial number normalised by the profile's dial
   * plan. A consult holds the customer and is recorded on the task as initiated.
   */
  const toDestination =
    (command: 'consult' | 'transfer') =>
    (taskId: string, destination: Destination): Promise<void> => {
      let target: Destination;
      const consult = command === 'consult';
      return run(
        command,
        taskId,
        () => ({
          consult: consult ? { destination: target, status: 'CONSULT_INITIATED' } : undefined,
          call: () =>
            backend[command](taskId, defined({ to: target.id, destinationType: target.type, holdParticipants: consult || undefined })),
        }),
        () => {
          const problem = destinationProblem(destination);
          if (problem) return problem;
          target = { ...destination };
          if (destination.type !== 'dialNumber') return undefined;
          const profile = state.agent.profile;
          if (!profile) return state.refusal('INVALID_STATE', command, 'not connected', taskId);
          const checked = validateDialNumber(destination.id, profile);
          if (!checked.ok) return checked.reason;
          target.id = checked.number;
          return undefined;
        },
      );
    };

  const wrapUpCode = (id: string) => state.agent.profile?.wrapUpCodes.find((candidate) => candidate.id === id);

  /** Apply a host-imposed change to a live task (not a backend call). */
  const change = (taskId: string, update: (task: Task) => Task): void => {
    const task = state.list.get(taskId);
    if (!state.stopped && task) state.commit([update(task)]);
  };

  return {
    accept: plain('accept'),
    decline: plain('decline'),
    hold: plain('hold'),
    resume: plain('resume'),
    toggleMute: plain('toggleMute'),
    pauseRecording: plain('pauseRecording'),
    consultConference: plain('consultConference'),
    exitConference: plain('exitConference'),
    end: plain('end'),

    resumeRecording: (taskId) =>
      run('resumeRecording', taskId, () => ({ call: () => backend.resumeRecording(taskId, { autoResumed: false }) })),

    consult: toDestination('consult'),
    transfer: toDestination('transfer'),

    endConsult: (taskId) =>
      run('endConsult', taskId, (task) => {
        const destination = task.consult?.destination;
        const queueId = destination?.type === 'queue' ? destination.id : undefined;
        return { call: () => backend.endConsult(taskId, defined({ isConsult: true, taskId, queueId })) };
      }),

    consultTransfer: (taskId) =>
      run('consultTransfer', taskId, (task) => {
        const target = consultTarget(task);
        return target
          ? { call: () => backend.consultTransfer(taskId, target) }
          : state.refusal('INVALID_STATE', 'consultTransfer', 'nobody is being consulted', taskId);
      }),

    switchLeg: (taskId) =>
      run('switchLeg', taskId, (task) => {
        const leg = task.data.consultMediaResourceId;
        // On the consult leg: hold it (back to the customer). On the main leg: resume the consult leg.
        return leg
          ? { call: () => backend[task.activeLeg === 'consult' ? 'hold' : 'resume'](taskId, leg) }
          : state.refusal('INVALID_STATE', 'switchLeg', 'there is no consult leg', taskId);
      }),

    wrapup: (taskId, input) =>
      run(
        'wrapup',
        taskId,
        () => {
          const notes = input.notes?.trim();
          const wrapUpReason = notes ? notes : (wrapUpCode(input.auxCodeId)?.name ?? input.auxCodeId);
          return { call: () => backend.wrapup(taskId, { auxCodeId: input.auxCodeId, wrapUpReason }) };
        },
        (task) => {
          if (typeof input?.auxCodeId !== 'string' || input.auxCodeId.trim() === '') return 'a wrap-up code is required';
          if (input.notes !== undefined && typeof input.notes !== 'string') return 'notes must be text';
          if (!wrapUpCode(input.auxCodeId)) return `unknown wrap-up code ${JSON.stringify(input.auxCodeId)}`;
          return task.markdoneBlocked === undefined
            ? undefined
            : ccError('MARKDONE_BLOCKED', 'wrapup', task.markdoneBlocked, state.now(), taskId);
        },
      ),

    setUserData: (taskId, values) =>
      run(
        'setUserData',
        taskId,
        () => ({ call: () => backend.setUserData(taskId, { ...values }) }),
        () => userDataProblem(values),
      ),

    deleteUserData: (taskId, key) =>
      run(
        'deleteUserData',
        taskId,
        () => ({ call: () => backend.deleteUserData(taskId, key) }),
        () => keyProblem(key),
      ),

    select(taskId) {
      // Nothing changes but the selection; commit publishes it.
      if (!state.stopped && state.list.select(taskId)) state.commit([]);
    },

    blockMarkdone: (taskId, warning) => change(taskId, (task) => blockMarkdone(task, String(warning))),
    unblockMarkdone: (taskId) => change(taskId, unblockMarkdone),
  };
}
