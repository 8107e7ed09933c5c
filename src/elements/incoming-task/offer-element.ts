/**
 * What `<cc-incoming-task>` and `<cc-task-list>` share about offers: reading tasks and the agent
 * from the store, the Accept / Decline buttons (visible, enabled and busy exactly as the model's
 * `controlsFor` says), running the command, the `cc-task-accepted` / `cc-task-declined` events
 * after the store accepted it, and the failure shown inline.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CcElement } from '../base/cc-element.js';
import { mediaLabel } from '../base/media-icon.js';
import { customerLabel } from './task-text.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { DeskRoleController, DeskRoleOptions } from '../base/desk-roles.js';
import { controlsFor, NO_AGENT, type AgentView, type CcError, type ControlState, type Controls, type Task } from '../../model/index.js';

declare global {
  interface HTMLElementEventMap {
    /** The agent accepted an offer and the store accepted the command. */
    'cc-task-accepted': CustomEvent<{ taskId: string }>;
    /** The agent declined an offer and the store accepted the command. */
    'cc-task-declined': CustomEvent<{ taskId: string }>;
  }
}

/** The two commands an offer takes. */
export type OfferCommand = 'accept' | 'decline';
/** Per command: its button's class, label and label while busy, and the event once the store accepted it. */
const COMMANDS: Readonly<Record<OfferCommand, readonly [string, MessageKey, MessageKey, 'cc-task-accepted' | 'cc-task-declined']>> = {
  accept: ['success', 'Accept', 'Accepting…', 'cc-task-accepted'],
  decline: ['danger', 'Decline', 'Declining…', 'cc-task-declined'],
};
const OFFER_COMMANDS = Object.keys(COMMANDS) as OfferCommand[];

const isOfferFailure = (error: CcError | undefined): error is CcError => error !== undefined && error.command in COMMANDS;

/** A failure this element's own click produced, valid while the task has not changed since. */
interface LocalFailure {
  error: CcError;
  rev: number | undefined;
}

/**
 * After Accept the agent handles the task: the focus (when it was on the offer's element, or
 * nowhere) goes to the task's call controls, else to its row in the task list.
 */
export const afterAccept: DeskRoleOptions['handOff'] = { next: (taskId) => ({ roles: ['controls', 'list'], taskId }) };

export abstract class CcOfferElement extends CcElement {
  /** The element's place on the desk; its `handOff` is `afterAccept`. */
  protected abstract readonly desk: DeskRoleController;

  protected readonly tasksValue = this.observe((s) => s.tasks$);
  protected readonly agentValue = this.observe((s) => s.agent$);

  /**
   * Whether every offer failure is announced (role="alert"), or only those of clicks made in this
   * element (so two elements showing one offer do not both announce the same failure).
   */
  protected announceAllOfferErrors = true;

  /** Failures of this element's own clicks, by task id (changed in place, then requestUpdate()). */
  #offerFailures = new Map<string, LocalFailure>();

  /** Every live task, in the store's stable order. */
  protected get tasks(): readonly Task[] {
    return this.tasksValue.value ?? [];
  }

  protected get agentView(): AgentView {
    return this.agentValue.value ?? this.store?.agent ?? NO_AGENT;
  }

  protected controlsOf(task: Task): Controls {
    return controlsFor(task, this.agentView);
  }

  /** Now on the store's clock. */
  protected now(): number {
    return this.store?.now() ?? 0;
  }

  /** Who the task is from: the customer's name, number or address, else "unknown customer". */
  protected customer(task: Task): string {
    return customerLabel(task) ?? this.t('Unknown customer');
  }

  /** The media icon and name of a task (`nameId` ids the name, for aria-labelledby). */
  protected renderMedia(task: Task, nameId?: string): TemplateResult {
    return mediaLabel(task.media, this.i18n.media(task.media), nameId);
  }

  /** A message with a `{time}` duration in it, or '' without a duration. */
  protected timeText(key: MessageKey, ms: number | undefined): string {
    return ms === undefined ? '' : this.t(key, { time: this.i18n.duration(ms) });
  }

  /** Run accept or decline for the task the user acted on; fires the event when the store accepted it. */
  protected async respond(taskId: string, command: OfferCommand): Promise<void> {
    const task = this.tasks.find((t) => t.id === taskId);
    if (!task) return;
    const control = this.controlsOf(task)[command];
    if (!control.visible || !control.enabled) return;
    this.#setFailure(taskId, undefined);
    const { ok } = await this.command((store) => store[command](taskId), {
      command,
      taskId,
      onError: (error) => this.#setFailure(taskId, { error, rev: this.store?.tasks.find((t) => t.id === taskId)?.rev }),
    });
    if (!ok) return;
    this.emit(COMMANDS[command][3], { taskId });
    if (command === 'accept') await this.#onAccepted(taskId);
  }

  /** After Accept the agent handles the task: it becomes the selected one, and the focus moves to it. */
  async #onAccepted(taskId: string): Promise<void> {
    const store = this.store;
    if (!store) return;
    store.select(taskId);
    await this.desk.handOff(taskId);
  }

  /** The accept/decline failure to show for a task: the task's own, else one from this element's click. */
  protected offerError(task: Task): CcError | undefined {
    if (isOfferFailure(task.error)) return task.error;
    const local = this.#offerFailures.get(task.id);
    return local && (local.rev === undefined || local.rev === task.rev) ? local.error : undefined;
  }

  /**
   * Accept and Decline for an offer. `labelId` names what the buttons act on (the button's
   * accessible name is its text followed by that element's text); `idPrefix` keeps ids unique.
   */
  protected renderOfferActions(task: Task, labelId: string, idPrefix: string): TemplateResult | typeof nothing {
    const controls = this.controlsOf(task);
    const shown = OFFER_COMMANDS.filter((command) => controls[command].visible);
    if (shown.length === 0) return nothing;
    return html`<div class="offer-actions" part="offer-actions">
      ${shown.map((command) => this.#renderOfferButton(task, command, controls[command], `${idPrefix}-${command}`, labelId))}
    </div>`;
  }

  /** The failure of an offer's last accept/decline, inline; announced when it is ours to announce. */
  protected renderOfferError(task: Task): TemplateResult | typeof nothing {
    const error = this.offerError(task);
    if (!error) return nothing;
    const announce = this.announceAllOfferErrors || this.#offerFailures.has(task.id);
    return html`<p class="error" part="error" role=${ifDefined(announce ? 'alert' : undefined)}>${this.i18n.error(error)}</p>`;
  }

  #renderOfferButton(task: Task, command: OfferCommand, control: ControlState, id: string, labelId: string): TemplateResult {
    const [cls, label, busyLabel] = COMMANDS[command];
    // A busy button keeps focus (aria-disabled, not disabled) so a keyboard user is not thrown out.
    return html`<button
      id=${id}
      type="button"
      part=${command}
      class=${cls}
      ?disabled=${!control.enabled && !control.busy}
      aria-disabled=${control.busy}
      aria-busy=${control.busy}
      aria-labelledby="${id}-text ${labelId}"
      @click=${() => void this.respond(task.id, command)}
    >
      ${control.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span id="${id}-text">${this.t(control.busy ? busyLabel : label)}</span>
    </button>`;
  }

  #setFailure(taskId: string, failure: LocalFailure | undefined): void {
    if (failure) this.#offerFailures.set(taskId, failure);
    else this.#offerFailures.delete(taskId);
    this.requestUpdate();
  }
}
