import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { CcElement } from '../base/cc-element.js';
import { define } from '../base/define.js';
import { tokens } from '../base/tokens.js';
import { controlsFor, type ControlName, type Controls } from '../../model/index.js';
import type { AgentView, CcError, Task, TaskCommand } from '../../model/index.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { CcStore } from '../../store/types.js';
import { callControlsStyles } from './call-controls.styles.js';
import type { PickerMode } from '../consult-picker/consult-picker.js';

/** Commands that take only the task id. */
type SimpleCommand = Exclude<ControlName, 'accept' | 'decline' | 'consult' | 'transfer' | 'wrapup'>;

/**
 * The buttons this element renders, in order. Controls that replace each other (hold/resume,
 * pause/resume recording) share a slot, so one button keeps its place (and focus) as it flips.
 */
type Slot = readonly [ControlName, ...ControlName[]];
const SLOTS: readonly Slot[] = [
  ['hold', 'resume'],
  ['toggleMute'],
  ['pauseRecording', 'resumeRecording'],
  ['consult'],
  ['transfer'],
  ['switchLeg'],
  ['endConsult'],
  ['consultTransfer'],
  ['consultConference'],
  ['exitConference'],
  ['end'],
];

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
 * @summary The controls of the selected task — hold, mute, recording, consult, transfer,
 * conference, switch leg, end — exactly those the model allows, as native buttons.
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
 * @csspart control - Every control button; each also has `control-<name>` (e.g. `control-hold`).
 * @csspart spinner - The progress indicator inside a busy button.
 * @csspart picker - The region holding the embedded consult picker.
 * @csspart error - The inline failure message (role="alert").
 *
 * @cssproperty --cc-color-surface - Background.
 * @cssproperty --cc-color-surface-raised - Button and picker background.
 * @cssproperty --cc-color-text - Text colour.
 * @cssproperty --cc-color-text-muted - Secondary text.
 * @cssproperty --cc-color-border - Borders.
 * @cssproperty --cc-color-accent - Open-picker indicator.
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
      !this.#controls(task)[this.pickerMode].visible &&
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
        const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-slot]:not(:disabled)')];
        (buttons.find((b) => b.dataset.slot === slot) ?? buttons[0])?.focus();
      }
    }
  }

  protected override render(): TemplateResult {
    if (!this.store) return html`<p class="muted">${this.t('Place this element inside <cc-provider>.')}</p>`;
    const task = this.#task.value;
    if (!task) return html`<p class="muted">${this.t('No task selected.')}</p>`;
    const controls = this.#controls(task);
    const shown = SLOTS.filter((names) => names.some((n) => controls[n].visible));
    const error = this.#visibleError(task);
    return html`
      <div class="root" @keydown=${this.#onKeydown}>
        <p class="status" part="status" role="status">${this.#renderStatus(task)}</p>
        ${shown.length
          ? html`<div class="buttons" part="controls" role="group" aria-label=${this.t('Task controls')}>
              ${repeat(
                shown,
                (names) => names[0],
                (names) => this.#renderButton(task, names, controls),
              )}
            </div>`
          : nothing}
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

  #controls(task: Task): Controls {
    const agent: AgentView = this.#agent.value ?? { status: { state: 'Idle', since: 0 } };
    return controlsFor(task, agent);
  }

  #renderStatus(task: Task): TemplateResult {
    const consult = task.consult;
    const name = consultName(task);
    const consultStatus = task.data.consultStatus ?? consult?.status;
    const inConsult = consult && (task.state === 'CONSULTING' || task.state === 'CONFERENCING');
    const count = task.data.conferenceParticipantsCount;
    return html`<span class="state">${this.i18n.state(task.state)}</span>
      ${task.muted ? html`<span>${this.t('Microphone muted')}</span>` : nothing}
      ${task.recording === 'PAUSED' ? html`<span>${this.t('Recording paused')}</span>` : nothing}
      ${inConsult && consultStatus
        ? html`<span class="consult" part="consult">${this.t(`callControls.consult.${consultStatus}`, { name })}</span>`
        : nothing}
      ${inConsult && task.state === 'CONSULTING' && consultStatus === 'CONSULT_ACCEPTED'
        ? html`<span class="leg">${this.t(`callControls.leg.${task.activeLeg}`, { name })}</span>`
        : nothing}
      ${task.state === 'CONFERENCING' && count
        ? html`<span>${this.t('{count} agents in the conference', { count })}</span>`
        : nothing}
      ${task.pending ? html`<span>${this.t('Working…')}</span>` : nothing}`;
  }

  /** The button of one slot: the slot's first name (its key), showing its visible control. */
  #renderButton(task: Task, names: Slot, controls: Controls): TemplateResult {
    const slot = names[0];
    const name = names.find((n) => controls[n].visible) ?? slot;
    const control = controls[name];
    const picker = isPicker(name);
    const open = picker && this.pickerMode === name;
    return html`<button
      type="button"
      part="control control-${name}"
      class=${DANGER.has(name) ? 'danger' : ''}
      data-slot=${slot}
      data-control=${name}
      ?disabled=${!control.enabled}
      aria-busy=${control.busy}
      aria-pressed=${ifDefined(name === 'toggleMute' ? task.muted : undefined)}
      aria-expanded=${ifDefined(picker ? open : undefined)}
      aria-controls=${ifDefined(open ? 'picker' : undefined)}
      @click=${() => void this.#onControl(name, slot)}
    >
      <span class="label">${this.#label(task, name)}</span>${control.busy
        ? html`<span class="spinner" part="spinner" aria-hidden="true"></span
            ><span class="working">${this.t('Working…')}</span>`
        : nothing}
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
    const error = task.error ?? local;
    // The open picker shows failures of its own command.
    if (error && this.pickerMode && error.command === this.pickerMode) return undefined;
    return error;
  }

  async #onControl(name: ControlName, slot: string): Promise<void> {
    const task = this.#task.value;
    if (!task) return;
    if (isPicker(name)) {
      this.pickerMode = this.pickerMode === name ? undefined : name;
      if (this.pickerMode) {
        // The picker is its own chunk, loaded when it first opens: a page without consults never fetches it.
        const loaded = loadPicker();
        await this.updateComplete;
        if (!(await loaded)) return;
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
