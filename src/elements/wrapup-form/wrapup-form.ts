import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CcElement } from '../base/cc-element.js';
import { define } from '../base/define.js';
import { tokens } from '../base/tokens.js';
import { controlsFor, NO_AGENT } from '../../model/index.js';
import type { AgentView, CcError, Task } from '../../model/index.js';
import { TickController } from '../base/tick-controller.js';
import { wrapupFormStyles } from './wrapup-form.styles.js';
import { DeskRoleController } from '../base/desk-roles.js';
import { customerLabel } from '../incoming-task/task-text.js';

/** What the agent has done in the form for one task (kept across failures and task switches). */
interface Draft {
  auxCodeId: string;
  notes: string;
  /**
   * The agent cancelled the countdown: `stopped` by the contact center (the agent wraps up in
   * their own time), or only `hidden` here when the backend cannot stop it (it may still act).
   */
  cancelled?: 'stopped' | 'hidden';
  /** Stopping it failed: the countdown goes on, and the form says so. */
  cancelFailed?: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-wrapup-form': CcWrapupForm;
  }
  interface HTMLElementEventMap {
    /** The store accepted the wrap-up. */
    'cc-wrapup-submitted': CustomEvent<{ taskId: string; auxCodeId: string; notes: string }>;
  }
}

/**
 * @tagname cc-wrapup-form
 * @summary The wrap-up of the selected task: a required wrap-up code, notes, the automatic wrap-up
 * countdown, and submit.
 *
 * Shown while the selected task is in WRAPPING_UP (otherwise the element renders only its
 * announcement region). What the agent entered is kept when submit fails, so a retry needs no
 * retyping. While the host blocks markdone, the host's warning is shown and submit stays disabled.
 * When the task wraps up after End in `<cc-call-controls>`, the focus comes to the wrap-up code;
 * after a submit the focus moves on to the task list (the next task), else the agent state.
 * Cancel countdown stops the automatic wrap-up where the backend can (the simulator, Webex): the
 * agent then wraps up in their own time, and the form says so (or that it could not be stopped).
 * Where the backend cannot, it only hides the countdown here, and the text says the contact center
 * may still wrap up automatically.
 *
 * @fires cc-wrapup-submitted - `{ taskId, auxCodeId, notes }` after the store accepted the wrap-up.
 * @fires cc-error - submit failed; `detail` is the CcError (also shown inline).
 *
 * @csspart form - The form.
 * @csspart title - The heading line: which task (media and customer).
 * @csspart blocked - The host's markdone-blocked warning.
 * @csspart countdown - The automatic wrap-up countdown and its Cancel button.
 * @csspart code - The wrap-up code `<select>`.
 * @csspart code-error - The "choose a code" validation message.
 * @csspart notes - The wrap-up notes `<textarea>` (described as saved with the wrap-up, not a task data field).
 * @csspart submit - The submit button.
 * @csspart error - The inline failure message (role="alert").
 *
 * @cssproperty --cc-color-surface - Field background.
 * @cssproperty --cc-color-surface-raised - Warning background.
 * @cssproperty --cc-color-text - Text colour.
 * @cssproperty --cc-color-text-muted - Secondary text.
 * @cssproperty --cc-color-border - Borders.
 * @cssproperty --cc-color-accent - Submit button.
 * @cssproperty --cc-color-on-accent - Text on the submit button.
 * @cssproperty --cc-color-warning - Blocked-warning border.
 * @cssproperty --cc-color-danger - Errors.
 * @cssproperty --cc-color-focus - Focus ring.
 * @cssproperty --cc-space - Spacing unit.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-font-family - Font.
 * @cssproperty --cc-font-size - Font size.
 */
export class CcWrapupForm extends CcElement {
  static override styles = [tokens, wrapupFormStyles];

  readonly #task = this.observe((s) => s.selectedTask$);
  readonly #agent = this.observe((s) => s.agent$);
  readonly #ticker = new TickController(this, () => {
    const task = this.#wrapupTask;
    return !!task && !this.#draft(task.id).cancelled && this.#remaining(task) > 0;
  });

  readonly #drafts = new Map<string, Draft>();
  @state() private codeMissing = false;
  @state() private busy = false;
  @state() private failure?: { error: CcError; taskId: string; rev: number };
  @state() private announcement = '';
  #lastTaskId?: string;

  /**
   * On the desk as its wrap-up: the focus comes to the wrap-up code while the form shows the task.
   * After a submit, once the task has left the form, the focus moves on to the task list (the next
   * task), else the call controls, else the agent state.
   */
  readonly #desk = new DeskRoleController(this, 'wrapup', () => this.store, {
    shows: () => this.#wrapupTask?.id,
    focus: async () => {
      await this.#focusCode();
      return true;
    },
    handOff: {
      left: (id) => this.#wrapupTask?.id !== id,
      next: () => ({ roles: ['list', 'controls', 'agent'] }),
    },
  });

  /** True while the 1-second countdown tick is scheduled. */
  get ticking(): boolean {
    return this.#ticker.running;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.#wrapupTask?.id;
    if (id !== this.#lastTaskId) {
      this.#lastTaskId = id;
      this.codeMissing = false;
      this.failure = undefined;
      if (id) this.announcement = '';
      this.#forgetGoneTasks();
    }
  }

  protected override render(): TemplateResult {
    if (!this.store) return html`<p class="muted">${this.t('Place this element inside <cc-provider>.')}</p>`;
    const task = this.#wrapupTask;
    return html`${task ? this.#renderForm(task) : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }

  #renderForm(task: Task): TemplateResult {
    const draft = this.#draft(task.id);
    const profile = this.#agentView.profile;
    const control = controlsFor(task, this.#agentView).wrapup;
    const busy = this.busy || control.busy;
    const failure = this.failure;
    const own = task.error?.command === 'wrapup' ? task.error : undefined;
    const error = own ?? (failure?.taskId === task.id && failure.rev === task.rev ? failure.error : undefined);
    return html`
      <form part="form" novalidate aria-labelledby="title" @submit=${this.#onSubmit}>
        <p class="title" part="title" id="title">${this.t('Finish: {media} with {name}', {
          media: this.i18n.media(task.media),
          name: customerLabel(task) ?? this.t('Unknown customer'),
        })}</p>
        ${task.markdoneBlocked !== undefined
          ? html`<div class="blocked" part="blocked" role="status">
              <strong>${this.t('Wrap-up is blocked by your application:')}</strong>
              <span>${task.markdoneBlocked}</span>
            </div>`
          : nothing}
        ${this.#renderCountdown(task)}
        <div class="field">
          <label for="code">${this.t('Wrap-up code')}</label>
          <select
            id="code"
            part="code"
            required
            aria-invalid=${this.codeMissing}
            aria-describedby="code-error"
            @change=${this.#onCode}
          >
            <option value="" .selected=${live(draft.auxCodeId === '')}>${this.t('Choose a code')}</option>
            ${(profile?.wrapUpCodes ?? []).map(
              (c) => html`<option value=${c.id} .selected=${live(c.id === draft.auxCodeId)}>${c.name}</option>`,
            )}
          </select>
          <p id="code-error" class="error" part="code-error">
            ${this.codeMissing ? this.t('Choose a wrap-up code.') : nothing}
          </p>
        </div>
        <div class="field">
          <label for="notes">${this.t('Wrap-up notes')}</label>
          <textarea id="notes" part="notes" aria-describedby="notes-hint" .value=${live(draft.notes)} @input=${this.#onNotes}></textarea>
          <p id="notes-hint" class="muted hint">${this.t('Saved with the wrap-up (not a task data field).')}</p>
        </div>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="submit"
            ?disabled=${!control.enabled || busy}
            aria-busy=${busy}
          >
            ${this.t('Submit wrap-up')}${busy
              ? html`<span class="spinner" aria-hidden="true"></span> ${this.t('Working…')}`
              : nothing}
          </button>
        </div>
        <p class="error" part="error" role="alert">${error ? this.i18n.error(error) : nothing}</p>
      </form>
    `;
  }

  #renderCountdown(task: Task): TemplateResult | typeof nothing {
    const remaining = this.#remaining(task);
    if (remaining < 0) return nothing;
    const { cancelled, cancelFailed } = this.#draft(task.id);
    if (cancelled === 'stopped') {
      return html`<p class="muted" part="countdown">${this.t('Automatic wrap-up cancelled. Choose a code and submit when you are ready.')}</p>`;
    }
    if (cancelled) {
      return html`<p class="muted" part="countdown">${this.t('Countdown hidden. The contact center may still wrap up this task automatically with the default code.')}</p>`;
    }
    return html`<div class="countdown" part="countdown">
      <p role="timer">
        ${remaining > 0
          ? this.t('Automatic wrap-up in {time}', { time: this.i18n.duration(Math.ceil(remaining / 1000) * 1000) })
          : this.t('Wrapping up automatically…')}
      </p>
      ${this.#agentView.profile?.autoWrapup?.allowCancel && remaining > 0
        ? html`<button type="button" @click=${this.#onCancelCountdown}>${this.t('Cancel countdown')}</button>`
        : nothing}
      ${cancelFailed && remaining > 0
        ? html`<p class="error" role="alert">${this.t('The automatic wrap-up could not be cancelled. Choose a code and submit, or it wraps up with the default code.')}</p>`
        : nothing}
    </div>`;
  }

  /** The selected task when it is in wrap-up. */
  get #wrapupTask(): Task | undefined {
    const task = this.#task.value;
    return task?.state === 'WRAPPING_UP' ? task : undefined;
  }

  get #agentView(): AgentView {
    return this.#agent.value ?? NO_AGENT;
  }

  /**
   * Milliseconds left on the task's automatic wrap-up countdown (0 once due, whether or not the
   * agent hid it); -1 when there is none (off in the profile, or wrap-up has no start time).
   */
  #remaining(task: Task): number {
    const auto = this.#agentView.profile?.autoWrapup;
    const started = task.times.wrapupStartedAt;
    return this.store && auto?.enabled && started !== undefined
      ? Math.max(0, started + auto.timeoutSeconds * 1000 - this.store.now())
      : -1;
  }

  /** Drop the drafts of tasks that left the store. */
  #forgetGoneTasks(): void {
    const live = new Set((this.store?.tasks ?? []).map((t) => t.id));
    for (const id of this.#drafts.keys()) if (!live.has(id)) this.#drafts.delete(id);
  }

  /** The task's entries (kept in `drafts`, so the handlers can change them in place). */
  #draft(taskId: string): Draft {
    let draft = this.#drafts.get(taskId);
    if (!draft) this.#drafts.set(taskId, (draft = { auxCodeId: '', notes: '' }));
    return draft;
  }

  /** Move focus to the wrap-up code once the form has rendered. */
  async #focusCode(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('#code')?.focus();
  }

  /** The draft of the task in wrap-up, if any (for the handlers). */
  get #current(): Draft | undefined {
    const task = this.#wrapupTask;
    return task && this.#draft(task.id);
  }

  #onCode(event: Event): void {
    const draft = this.#current;
    if (!draft) return;
    const auxCodeId = (draft.auxCodeId = (event.target as HTMLSelectElement).value);
    if (auxCodeId) this.codeMissing = false;
    this.requestUpdate();
  }

  #onNotes(event: Event): void {
    const draft = this.#current;
    if (draft) draft.notes = (event.target as HTMLTextAreaElement).value;
  }

  /**
   * Cancel the countdown: stopped by the contact center where the backend can (its outcome said
   * in the form), else only hidden here. Either way the code gets the focus.
   */
  async #onCancelCountdown(): Promise<void> {
    const task = this.#wrapupTask;
    const draft = this.#current;
    if (!task || !draft) return;
    const cancel = this.store?.capabilities.cancelAutoWrapup;
    if (cancel) {
      draft.cancelFailed = false;
      try {
        await cancel(task.id);
        draft.cancelled = 'stopped';
      } catch {
        draft.cancelFailed = true;
      }
    } else {
      draft.cancelled = 'hidden';
    }
    this.requestUpdate();
    await this.#focusCode();
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const task = this.#wrapupTask;
    if (!task || this.busy || task.markdoneBlocked !== undefined) return;
    const { auxCodeId, notes } = this.#draft(task.id);
    if (!auxCodeId) {
      this.codeMissing = true;
      await this.#focusCode();
      return;
    }
    const taskId = task.id;
    this.busy = true;
    this.failure = undefined;
    const input = notes.trim() ? { auxCodeId, notes } : { auxCodeId };
    const result = await this.command((s) => s.wrapup(taskId, input), { command: 'wrapup', taskId });
    this.busy = false;
    if (result.ok) {
      // The entries stay until the task leaves: a later AgentWrapupFailed keeps them for a retry.
      this.announcement = this.t('Wrap-up submitted.');
      void this.#desk.handOff(taskId);
      this.emit('cc-wrapup-submitted', { taskId, auxCodeId, notes });
      return;
    }
    const now = this.#task.value;
    this.failure = { error: result.error, taskId, rev: now?.id === taskId ? now.rev : task.rev };
  }
}

define('cc-wrapup-form', CcWrapupForm);
