import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { CcElement } from '../base/cc-element.js';
import { define } from '../base/define.js';
import { tokens } from '../base/tokens.js';
import { controlsFor, NO_AGENT, validateDialNumber, type DialCheck } from '../../model/index.js';
import type { AgentView, CcError, Destination, DestinationType, Queue, Task } from '../../model/index.js';
import type { CcStore } from '../../store/types.js';
import { consultPickerStyles } from './consult-picker.styles.js';

/** What the picker does with the chosen destination. */
export type PickerMode = 'consult' | 'transfer';

type DialReason = Extract<DialCheck, { ok: false }>['reason'];

/** One choosable destination, with what the agent reads about it. */
interface Option {
  key: string;
  destination: Destination;
  name: string;
  meta?: string;
  /** An agent who is not Available: listed (state shown) but not choosable. */
  unavailable?: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-consult-picker': CcConsultPicker;
  }
  interface HTMLElementEventMap {
    /** The store accepted a consult or transfer to the chosen destination. */
    'cc-destination-selected': CustomEvent<{ taskId: string; mode: PickerMode; destination: Destination }>;
  }
}

/** Lower case without diacritics, for forgiving filtering ("jose" finds "José"). */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();

/**
 * @tagname cc-consult-picker
 * @summary Chooses where the selected task goes for a consult or a transfer: a buddy agent, a
 * queue, an entry point (transfer only) or a dial number (voice only).
 *
 * Loads the directory (`store.refreshDirectory()`) when first shown. A filter narrows the list as
 * you type; the down arrow moves from the filter into the list, arrow keys move between options,
 * Enter chooses. Choosing calls `store.consult` / `store.transfer`; failures show inline.
 * Works standalone anywhere below the provider and embedded in `<cc-call-controls>`.
 *
 * @fires cc-destination-selected - `{ taskId, mode, destination }` after the store accepted the consult or transfer.
 * @fires cc-error - loading the directory or the command failed; `detail` is the CcError.
 *
 * @csspart title - The heading line ("Consult" / "Transfer").
 * @csspart kind - The destination type `<select>`.
 * @csspart filter - The filter `<input>`.
 * @csspart count - The result count / loading line.
 * @csspart options - The list of destinations.
 * @csspart option - Each destination button.
 * @csspart dial - The dial-number form.
 * @csspart dial-error - The dial-number validation message.
 * @csspart error - The inline failure message (role="alert").
 *
 * @cssproperty --cc-picker-max-height - Height of the scrolling list (default 16rem).
 * @cssproperty --cc-color-surface - Field background.
 * @cssproperty --cc-color-surface-raised - Option background.
 * @cssproperty --cc-color-text - Text colour.
 * @cssproperty --cc-color-text-muted - Agent state and team.
 * @cssproperty --cc-color-border - Borders.
 * @cssproperty --cc-color-accent - Primary button.
 * @cssproperty --cc-color-on-accent - Text on the primary button.
 * @cssproperty --cc-color-danger - Errors.
 * @cssproperty --cc-color-focus - Focus ring.
 * @cssproperty --cc-space - Spacing unit.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-font-family - Font.
 * @cssproperty --cc-font-size - Font size.
 */
export class CcConsultPicker extends CcElement {
  static override styles = [tokens, consultPickerStyles];

  /** `consult` or `transfer`. */
  @property({ reflect: true }) mode: PickerMode = 'consult';

  readonly #task = this.observe((s) => s.selectedTask$);
  readonly #agent = this.observe((s) => s.agent$);
  readonly #directory = this.observe((s) => s.directory$);

  @state() private kind: DestinationType = 'agent';
  @state() private filter = '';
  @state() private dial = '';
  @state() private dialReason?: DialReason;
  /** Where loading the directory stands: running, failed, or neither. */
  @state() private loadState?: 'loading' | 'failed';
  /** The option whose command is running. */
  @state() private busyKey?: string;
  @state() private failure?: CcError;
  /** What the status region says after a choice succeeded. */
  @state() private announcement = '';

  #loadedFrom?: CcStore;
  #dialTried = false;

  /** True while a chosen destination's consult or transfer is being sent. */
  get busy(): boolean {
    return this.busyKey !== undefined;
  }

  /** Focus the filter (or the number field). */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('#filter, #dial') ?? this.renderRoot.querySelector('select');
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.store;
    if (store && store !== this.#loadedFrom && this.isConnected) {
      this.#loadedFrom = store;
      void this.#load();
    }
  }

  protected override render(): TemplateResult {
    if (!this.store) return html`<p class="muted">${this.t('Place this element inside <cc-provider>.')}</p>`;
    const mode = this.#effectiveMode;
    const task = this.#task.value;
    const error = task ? this.#visibleError(task) : undefined;
    return html`
      <div class="root" role="group" aria-labelledby="title">
        <p class="title" part="title" id="title">${this.t(`consultPicker.title.${mode}`)}</p>
        ${this.#renderBody(task, mode)}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        <p class="error" part="error" role="alert">${error ? this.i18n.error(error) : nothing}</p>
      </div>
    `;
  }

  #renderBody(task: Task | undefined, mode: PickerMode): TemplateResult {
    if (!task) return html`<p class="muted">${this.t('No task selected.')}</p>`;
    const control = controlsFor(task, this.#agentView)[mode];
    if (!control.visible) return html`<p class="muted">${this.t(`consultPicker.unavailable.${mode}`)}</p>`;
    const kinds = this.#kinds(task);
    const kind = kinds.includes(this.kind) ? this.kind : 'agent';
    const actionable = control.enabled && !this.busyKey;
    return html`
      <div class="field">
        <label for="kind">${this.t('Destination type')}</label>
        <select id="kind" part="kind" @change=${this.#onKind}>
          ${kinds.map(
            (k) => html`<option value=${k} .selected=${k === kind}>${this.t(`consultPicker.kind.${k}`)}</option>`,
          )}
        </select>
      </div>
      ${kind === 'dialNumber' ? this.#renderDial(mode, actionable) : this.#renderList(kind, actionable)}
    `;
  }

  get #effectiveMode(): PickerMode {
    return this.mode === 'transfer' ? 'transfer' : 'consult';
  }

  get #agentView(): AgentView {
    return this.#agent.value ?? NO_AGENT;
  }

  /** Destination kinds for this task and mode. */
  #kinds(task: Task): DestinationType[] {
    const kinds: DestinationType[] = ['agent', 'queue'];
    if (this.#effectiveMode === 'transfer') kinds.push('entryPoint');
    if (task.media === 'telephony') kinds.push('dialNumber');
    return kinds;
  }

  #visibleError(task: Task): CcError | undefined {
    return this.failure ?? (task.error?.command === this.#effectiveMode ? task.error : undefined);
  }

  #renderList(kind: Exclude<DestinationType, 'dialNumber'>, actionable: boolean): TemplateResult {
    const all = this.#options(kind);
    const filter = this.filter.trim();
    const needle = fold(filter);
    const options = needle ? all.filter((o) => fold(`${o.name} ${o.meta ?? ''}`).includes(needle)) : all;
    const label = this.t(`consultPicker.kind.${kind}`);
    const loading = this.loadState === 'loading';
    let count: string;
    if (loading && !all.length) count = this.t('Loading destinations…');
    else if (!all.length) count = this.t('No destinations.');
    else if (!options.length) count = this.t('Nothing matches “{filter}”.', { filter });
    else if (options.length === 1) count = this.t('1 destination');
    else count = this.t('{count} destinations', { count: options.length });
    return html`
      <div class="field">
        <label for="filter">${this.t('Filter')}</label>
        <input
          id="filter"
          part="filter"
          type="search"
          autocomplete="off"
          aria-describedby="filter-hint"
          .value=${this.filter}
          @input=${this.#onFilter}
          @keydown=${this.#onKeydown}
        />
        <span id="filter-hint" class="visually-hidden">${this.t('Type to narrow the list; press the down arrow to move into it.')}</span>
      </div>
      <p class="muted" part="count" role="status">${count}</p>
      ${this.loadState === 'failed'
        ? html`<p class="error">
            ${this.t('Could not load the destinations.')}
            <button type="button" @click=${this.#load}>${this.t('Retry')}</button>
          </p>`
        : nothing}
      ${options.length
        ? html`<ul class="options" part="options" aria-label=${label} aria-busy=${loading} @keydown=${this.#onKeydown}>
            ${repeat(
              options,
              (o) => o.key,
              (o) => this.#renderOption(o, actionable),
            )}
          </ul>`
        : nothing}
    `;
  }

  #renderOption(option: Option, actionable: boolean): TemplateResult {
    const busy = this.busyKey === option.key;
    return html`<li>
      <button
        type="button"
        class="option"
        part="option"
        data-key=${option.key}
        ?disabled=${!actionable || option.unavailable}
        aria-busy=${busy}
        @click=${() => void this.#choose(option.destination, option.key)}
      >
        <span class="name">${option.name}</span>
        ${option.meta ? html`<span class="meta">${option.meta}</span>` : nothing}
        ${busy
          ? html`<span><span class="spinner" aria-hidden="true"></span> ${this.t('Working…')}</span>`
          : nothing}
      </button>
    </li>`;
  }

  #renderDial(mode: PickerMode, actionable: boolean): TemplateResult {
    const busy = this.busyKey === 'dialNumber';
    return html`<form class="dial" part="dial" novalidate @submit=${this.#onDialSubmit}>
      <label for="dial">${this.t('consultPicker.dial.label')}</label>
      <div class="row">
        <input
          id="dial"
          type="tel"
          inputmode="tel"
          autocomplete="off"
          aria-invalid=${!!this.dialReason}
          aria-describedby="dial-error"
          .value=${this.dial}
          @input=${this.#onDialInput}
        />
        <button type="submit" class="primary" ?disabled=${!actionable} aria-busy=${busy}>
          ${this.t(`consultPicker.dial.submit.${mode}`)}${busy
            ? html` <span class="spinner" aria-hidden="true"></span> ${this.t('Working…')}`
            : nothing}
        </button>
      </div>
      <p id="dial-error" class="error" part="dial-error" aria-live="assertive">
        ${this.dialReason ? this.t(`consultPicker.dial.${this.dialReason}`) : nothing}
      </p>
    </form>`;
  }

  /** The directory's entries of one kind; agents available first, then by name. */
  #options(kind: Exclude<DestinationType, 'dialNumber'>): Option[] {
    const directory = this.#directory.value;
    const self = this.#agentView.profile?.agentId;
    const entries: { id: string; name: string; meta?: string; unavailable?: boolean }[] =
      kind === 'agent'
        ? (directory?.agents ?? [])
            .filter((a) => a.agentId !== self)
            .map((a) => ({
              id: a.agentId,
              name: a.agentName,
              meta: this.t('{state} · {team}', { state: this.i18n.agentState(a.state), team: a.teamName }),
              unavailable: a.state !== 'Available',
            }))
            .sort((a, b) => Number(a.unavailable) - Number(b.unavailable) || a.name.localeCompare(b.name))
        : kind === 'queue'
          ? (directory?.queues ?? []).map((q) => ({ id: q.id, name: q.name, meta: this.#queueMeta(q) }))
          : (directory?.entryPoints ?? []);
    return entries.map((e) => ({ ...e, key: `${kind}:${e.id}`, destination: { type: kind, id: e.id, name: e.name } }));
  }

  /** "Waiting: 3 · Agents available: 2", from what the backend gives (undefined when it gives neither). */
  #queueMeta(queue: Queue): string | undefined {
    const parts = [
      queue.waiting === undefined ? '' : this.t('Waiting: {count}', { count: queue.waiting }),
      queue.availableAgents === undefined ? '' : this.t('Agents available: {count}', { count: queue.availableAgents }),
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : undefined;
  }

  async #load(): Promise<void> {
    this.loadState = 'loading';
    const result = await this.command((s) => s.refreshDirectory(), { command: 'directory' });
    this.loadState = result.ok ? undefined : 'failed';
  }

  async #choose(destination: Destination, key: string): Promise<void> {
    const task = this.#task.value;
    if (!task || this.busyKey) return;
    const mode = this.#effectiveMode;
    const taskId = task.id;
    this.busyKey = key;
    this.failure = undefined;
    this.announcement = '';
    const result = await this.command(
      (s) => (mode === 'consult' ? s.consult(taskId, destination) : s.transfer(taskId, destination)),
      { command: mode, taskId },
    );
    this.busyKey = undefined;
    if (result.ok) {
      this.announcement = this.t(`consultPicker.done.${mode}`, { name: destination.name ?? destination.id });
      this.emit('cc-destination-selected', { taskId, mode, destination });
      return;
    }
    this.failure = result.error;
    await this.updateComplete;
    const again = this.renderRoot.querySelector<HTMLElement>(
      key === 'dialNumber' ? '#dial' : `button[data-key="${CSS.escape(key)}"]`,
    );
    again?.focus();
  }

  #onKind(event: Event): void {
    this.kind = (event.target as HTMLSelectElement).value as DestinationType;
    this.failure = undefined;
  }

  #onFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value;
  }

  /** Arrow keys, Home and End between the options; the down arrow from the filter into the list, up from the first option back. */
  #onKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.option:not(:disabled)')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    const last = buttons.length - 1;
    // Where each key moves to: an option's index; -1 is the filter. From the filter (index -1) only the down arrow moves.
    const moves: Partial<Record<string, number>> =
      index < 0 ? { ArrowDown: 0 } : { ArrowDown: Math.min(index + 1, last), ArrowUp: index - 1, Home: 0, End: last };
    const to = moves[event.key];
    if (to === undefined || to > last) return;
    event.preventDefault();
    (to < 0 ? this.renderRoot.querySelector<HTMLElement>('#filter') : buttons[to])?.focus();
  }

  /** Validate the number and show (or clear) the reason it is refused. */
  #checkDial(): DialCheck {
    const check = validateDialNumber(this.dial, this.#agentView.profile);
    this.dialReason = check.ok ? undefined : check.reason;
    return check;
  }

  #onDialInput(event: Event): void {
    this.dial = (event.target as HTMLInputElement).value;
    if (this.#dialTried) this.#checkDial();
  }

  #onDialSubmit(event: Event): void {
    event.preventDefault();
    this.#dialTried = true;
    const check = this.#checkDial();
    if (!check.ok) {
      this.renderRoot.querySelector<HTMLInputElement>('#dial')?.focus();
      return;
    }
    void this.#choose({ type: 'dialNumber', id: check.number, name: check.number }, 'dialNumber');
  }
}

define('cc-consult-picker', CcConsultPicker);
