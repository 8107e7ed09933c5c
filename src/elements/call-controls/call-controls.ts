import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { CcElement } from '../base/cc-element.js';
import { define } from '../base/define.js';
import { tokens } from '../base/tokens.js';
import { controlsFor, NO_AGENT, type AgentView, type CcError, type ControlName, type Task, type TaskCommand } from '../../model/index.js';
import { controlBar, ending, taskTone, type BarControl } from '../../model/desk.js';
import { DeskRoleController } from '../base/desk-roles.js';
import { controlIcon } from './icons.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { CcStore } from '../../store/types.js';
import { callControlsStyles } from './call-controls.styles.js';
import type { PickerMode } from '../consult-picker/consult-picker.js';

/** Commands that take only the task id. */
type SimpleCommand = Exclude<ControlName, 'accept' | 'decline' | 'consult' | 'transfer' | 'wrapup'>;

/** Failures another element shows where the agent acted: offers, wrap-up, task data. */
const SHOWN_ELSEWHERE: ReadonlySet<string> = new Set(['accept', 'decline', 'wrapup', 'setUserData', 'deleteUserData']);
/** After these the task leaves the agent's hands: the focus moves on to what comes next. */
const HANDS_OFF: ReadonlySet<ControlName> = new Set(['end', 'consultTransfer', 'exitConference', 'transfer']);
/** Toggles keep one label; `aria-pressed` says whether they are on. */
const LABEL: Partial<Record<ControlName, ControlName>> = { resume: 'hold', resumeRecording: 'pauseRecording' };
const DANGER: ReadonlySet<ControlName> = new Set(['end', 'exitConference']);
const isPicker = (name: ControlName): name is PickerMode => name === 'consult' || name === 'transfer';
/** Whom the agent consults, as the agent reads it ('' when not consulting). */
const consultName = ({ consult }: Task): string => (consult ? (consult.destination.name ?? consult.destination.id) : '');
/** The event each of these commands fires (after `cc-task-command`) once the store accepted it. */
const ACCEPTED: Partial<Record<ControlName, 'cc-task-held' | 'cc-task-resumed' | 'cc-task-ended'>> = {
  hold: 'cc-task-held',
  resume: 'cc-task-resumed',
  end: 'cc-task-ended',
};

declare global {
  interface HTMLElementTagNameMap {
    'cc-call-controls': CcCallControls;
  }
  interface HTMLElementEventMap {
    /** The store accepted a command on a task (from a control, or a destination chosen in the picker). */
    'cc-task-command': CustomEvent<{ taskId: string; command: TaskCommand }>;
    /** The store accepted Hold. */
    'cc-task-held': CustomEvent<{ taskId: string }>;
    /** The store accepted Resume. */
    'cc-task-resumed': CustomEvent<{ taskId: string }>;
    /** The store accepted End. */
    'cc-task-ended': CustomEvent<{ taskId: string }>;
  }
}

/** Define `<cc-consult-picker>` (its chunk loads once); false when it could not load. */
const loadPicker = (): Promise<boolean> =>
  import('../consult-picker/consult-picker.js').then(
    () => true,
    (error: unknown) => {
      console.error('cc-elements: <cc-consult-picker> could not load', error);
      return false;
    },
  );

/**
 * @tagname cc-call-controls
 * @summary The control bar of the selected task: icon and text buttons that keep their places.
 *
 * A voice call always shows Hold, Mute, Recording, Consult, Transfer and End in that order; a chat,
 * email or social task Transfer and End. While consulting or in conference a second row holds
 * Switch, End consult, Complete transfer, Merge and Leave conference. A control that does not
 * apply stays in its place, disabled (`aria-disabled`, so it keeps the focus) with the reason as
 * its description; Hold, Mute and Pause recording are toggles (`aria-pressed`). The status line
 * shows the state in its state colour, and why the contact ended. After End, Complete transfer,
 * Leave conference or a blind transfer the focus moves on: to `<cc-wrapup-form>` when the task
 * wraps up, else to the next task's controls, the task list or the agent state.
 *
 * Consult and Transfer open an embedded `<cc-consult-picker>` (a disclosure; Escape closes it and
 * returns focus). While consulting it shows whom the agent consults and the consult status.
 * Failures show inline and are announced.
 *
 * @fires cc-task-command - `{ taskId, command }` after the store accepted a command.
 * @fires cc-task-held - `{ taskId }` after the store accepted Hold.
 * @fires cc-task-resumed - `{ taskId }` after the store accepted Resume.
 * @fires cc-task-ended - `{ taskId }` after the store accepted End.
 * @fires cc-destination-selected - (from the embedded picker) `{ taskId, mode, destination }`.
 * @fires cc-error - a command failed; `detail` is the CcError (also shown inline).
 *
 * @csspart status - The live status line (task state, mute, recording, consult).
 * @csspart controls - The group of buttons.
 * @csspart consult-controls - The consult row (while consulting or in conference).
 * @csspart control - Every control button; each also has `control-<name>` (e.g. `control-hold`).
 * @csspart icon - The icon of a control.
 * @csspart spinner - The progress indicator inside a busy button.
 * @csspart picker - The region holding the embedded consult picker.
 * @csspart error - The inline failure message (role="alert").
 *
 * @cssproperty --cc-color-surface - Background.
 * @cssproperty --cc-color-surface-raised - Button and picker background.
 * @cssproperty --cc-color-text - Text colour.
 * @cssproperty --cc-color-text-muted - Secondary text.
 * @cssproperty --cc-color-border - Borders.
 * @cssproperty --cc-color-accent - Open-picker indicator; a pressed toggle.
 * @cssproperty --cc-color-hold - The state on hold; the pressed Hold.
 * @cssproperty --cc-color-consult - The state while consulting or in conference.
 * @cssproperty --cc-color-wrapup - The state in wrap-up.
 * @cssproperty --cc-color-danger - End / leave buttons and errors.
 * @cssproperty --cc-color-on-danger - Text on danger buttons.
 * @cssproperty --cc-color-focus - Focus ring.
 * @cssproperty --cc-space - Spacing unit.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-font-family - Font.
 * @cssproperty --cc-font-size - Font size.
 */
export class CcCallControls extends CcElement {
  static override styles = [tokens, callControlsStyles];

  readonly #task = this.observe((s) => s.selectedTask$);
  readonly #agent = this.observe((s) => s.agent$);

  /** Which picker is open, if any. */
  @state() private pickerMode?: PickerMode;
  /** A failure of this element's last command that the task may not carry (a refusal). */
  @state() private failure?: { error: CcError; taskId: string; rev: number };

  /**
   * The slot whose command ran, or whose picker Escape closed: once the task is no longer pending,
   * focus returns there (or to the first control) if it was lost.
   */
  #focusSlot?: string;
  #lastTaskId?: string;

  /**
   * On the desk as its controls: the focus comes to the first enabled control of the selected
   * task's bar (else its first control). After End, Complete transfer, Leave conference or a blind
   * transfer, once the task has left this bar (wrapping up, or gone), the focus moves on: to the
   * wrap-up form, else to the next task's controls, the task list, the agent state.
   */
  readonly #desk = new DeskRoleController(this, 'controls', () => this.store, {
    shows: () => this.#task.value?.id,
    focus: () => {
      const buttons = [...(this.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[data-slot]') ?? [])];
      const target = buttons.find((b) => b.getAttribute('aria-disabled') !== 'true') ?? buttons[0];
      target?.focus();
      return !!target;
    },
    handOff: {
      left: (id) => {
        const task = this.#task.value;
        return task?.id !== id || (!task.pending && task.state === 'WRAPPING_UP');
      },
      next: (id) =>
        this.store?.tasks.find((t) => t.id === id)?.state === 'WRAPPING_UP'
          ? { roles: ['wrapup'], taskId: id }
          : { roles: ['controls', 'list', 'agent'] },
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const task = this.#task.value;
    if (task?.id !== this.#lastTaskId) {
      this.#lastTaskId = task?.id;
      this.pickerMode = undefined;
      this.failure = undefined;
    }
    // Close the picker when its control goes away (the customer hung up, say) — but not while it is
    // sending a choice: the confirming event may come first, and the picker must stay connected to
    // deliver its cc-destination-selected.
    if (
      this.pickerMode &&
      task &&
      !controlsFor(task, this.#agentView)[this.pickerMode].visible &&
      !this.shadowRoot?.querySelector('cc-consult-picker')?.busy
    ) {
      this.pickerMode = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const root = this.shadowRoot;
    if (!root) return;
    const slot = this.#focusSlot;
    if (slot && !this.#task.value?.pending) {
      this.#focusSlot = undefined;
      const lost = !root.activeElement && (document.activeElement === document.body || !document.activeElement);
      if (lost) {
        const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-slot]:not([aria-disabled="true"])')];
        (buttons.find((b) => b.dataset.slot === slot) ?? buttons[0])?.focus();
      }
    }
  }

  protected override render(): TemplateResult {
    if (!this.store) return html`<p class="muted">${this.t('Place this element inside <cc-provider>.')}</p>`;
    const task = this.#task.value;
    // Without a task the bar is empty (the task details say "No task selected." once).
    if (!task) return html``;
    const bar = controlBar(task, this.#agentView);
    const error = this.#visibleError(task);
    return html`
      <div class="root tone-${taskTone(task)}" @keydown=${this.#onKeydown}>
        <p class="status" part="status" role="status">${this.#renderStatus(task)}</p>
        ${this.#renderRow(task, bar.main, 'controls', 'Task controls')}
        ${bar.consult.length ? this.#renderRow(task, bar.consult, 'consult-controls', 'Consult controls') : nothing}
        ${this.pickerMode
          ? html`<section
              class="picker"
              part="picker"
              aria-label=${this.t(`callControls.pickerLabel.${this.pickerMode}`)}
              @cc-destination-selected=${this.#onDestinationSelected}
            >
              <cc-consult-picker id="picker" mode=${this.pickerMode}></cc-consult-picker>
            </section>`
          : nothing}
        <p class="error" part="error" role="alert">${error ? this.i18n.error(error) : nothing}</p>
      </div>
    `;
  }

  get #agentView(): AgentView {
    return this.#agent.value ?? NO_AGENT;
  }

  #renderRow(task: Task, row: readonly BarControl[], part: string, label: 'Task controls' | 'Consult controls'): TemplateResult {
    // The reasons sit beside the buttons (a description inside a button would join its name).
    return html`<div class="buttons" part=${part} role="group" aria-label=${this.t(label)}>
        ${repeat(row, (c) => c.slot, (c) => this.#renderButton(task, c))}
      </div>
      <div class="visually-hidden">
        ${row.map((c) => (c.reason ? html`<span id="why-${c.slot}">${this.t(`reason.${c.reason}`)}</span>` : nothing))}
      </div>`;
  }

  #renderStatus(task: Task): TemplateResult {
    const consult = task.consult;
    const name = consultName(task);
    const consultStatus = task.data.consultStatus ?? consult?.status;
    const inConsult = consult && (task.state === 'CONSULTING' || task.state === 'CONFERENCING');
    const count = task.data.conferenceParticipantsCount;
    const ended = ending(task);
    // "Consulting with Ana" says the state already: no "Consulting Consulting with Ana".
    const consultText = inConsult && consultStatus ? this.t(`callControls.consult.${consultStatus}`, { name }) : '';
    return html`${consultText
        ? html`<span class="state consult" part="consult">${consultText}</span>`
        : html`<span class="state">${this.i18n.state(task.state)}</span>`}
      ${ended && task.state === 'WRAPPING_UP' ? html`<span class="ended">${this.t(`ending.${ended}` as MessageKey)}</span>` : nothing}
      ${task.muted ? html`<span>${this.t('Microphone muted')}</span>` : nothing}
      ${task.recording === 'PAUSED' ? html`<span>${this.t('Recording paused')}</span>` : nothing}
      ${inConsult && task.state === 'CONSULTING' && consultStatus === 'CONSULT_ACCEPTED'
        ? html`<span class="leg">${this.t(`callControls.leg.${task.activeLeg}`, { name })}</span>`
        : nothing}
      ${task.state === 'CONFERENCING' && count
        ? html`<span>${this.t('{count} agents in the conference', { count })}</span>`
        : nothing}
      ${task.pending ? html`<span>${this.t('Working…')}</span>` : nothing}`;
  }

  /** The button of one place: icon and label, disabled with its reason, pressed for toggles. */
  #renderButton(task: Task, control: BarControl): TemplateResult {
    const { slot, name, enabled, busy, pressed, reason } = control;
    const picker = isPicker(name);
    const open = picker && this.pickerMode === name;
    const why = reason ? this.t(`reason.${reason}`) : undefined;
    return html`<button
      type="button"
      part="control control-${name}"
      class=${DANGER.has(name) ? 'danger' : ''}
      data-slot=${slot}
      data-control=${name}
      aria-disabled=${!enabled}
      aria-describedby=${ifDefined(why ? `why-${slot}` : undefined)}
      title=${ifDefined(why)}
      aria-busy=${busy}
      aria-pressed=${ifDefined(pressed)}
      aria-expanded=${ifDefined(picker ? open : undefined)}
      aria-controls=${ifDefined(open ? 'picker' : undefined)}
      @click=${() => void this.#onControl(name, slot, enabled)}
    >
      ${busy ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : controlIcon(slot)}<span class="label"
        >${this.#label(task, LABEL[name] ?? name)}</span
      >${busy ? html`<span class="visually-hidden">${this.t('Working…')}</span>` : nothing}
    </button>`;
  }

  #label(task: Task, name: ControlName): string {
    if (name === 'switchLeg') {
      if (task.activeLeg === 'consult') return this.t('Talk to customer');
      return this.t('Talk to {name}', { name: consultName(task) });
    }
    return this.t(`callControls.${name}` as MessageKey);
  }

  /** The failure to show: the task's own, else this element's last refusal while the task is unchanged. */
  #visibleError(task: Task): CcError | undefined {
    const local = this.failure && this.failure.taskId === task.id && this.failure.rev === task.rev ? this.failure.error : undefined;
    const own = task.error && !SHOWN_ELSEWHERE.has(task.error.command) ? task.error : undefined;
    const error = own ?? local;
    // The open picker shows failures of its own command.
    if (error && this.pickerMode && error.command === this.pickerMode) return undefined;
    return error;
  }

  async #onControl(name: ControlName, slot: string, enabled: boolean): Promise<void> {
    const task = this.#task.value;
    if (!task || !enabled) return;
    if (isPicker(name)) {
      this.pickerMode = this.pickerMode === name ? undefined : name;
      if (this.pickerMode) {
        // The picker is its own chunk, loaded when it first opens: a page without consults never fetches it.
        // (Once defined, no extra wait: the picker takes the focus in the same turn as it renders.)
        const loading = customElements.get('cc-consult-picker') ? undefined : loadPicker();
        await this.updateComplete;
        if (loading && !(await loading)) return;
        const picker = this.shadowRoot?.querySelector('cc-consult-picker');
        await picker?.updateComplete;
        picker?.focus();
      }
      return;
    }
    this.pickerMode = undefined;
    this.failure = undefined;
    const taskId = task.id;
    const command = name as SimpleCommand;
    const result = await this.command((s: CcStore) => s[command](taskId), { command, taskId });
    if (result.ok) {
      this.emit('cc-task-command', { taskId, command });
      const accepted = ACCEPTED[command];
      if (accepted) this.emit(accepted, { taskId });
      if (HANDS_OFF.has(command)) void this.#desk.handOff(taskId);
    } else {
      const now = this.#task.value;
      this.failure = { error: result.error, taskId, rev: now?.id === taskId ? now.rev : task.rev };
    }
    this.#focusSlot = slot;
    this.requestUpdate();
  }

  #onDestinationSelected(event: HTMLElementEventMap['cc-destination-selected']): void {
    const { taskId, mode } = event.detail;
    this.pickerMode = undefined;
    this.#focusSlot = mode;
    if (mode === 'transfer') void this.#desk.handOff(taskId);
    this.emit('cc-task-command', { taskId, command: mode });
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.pickerMode) return;
    event.preventDefault();
    event.stopPropagation();
    this.#focusSlot = this.pickerMode;
    this.pickerMode = undefined;
  }
}

define('cc-call-controls', CcCallControls);
