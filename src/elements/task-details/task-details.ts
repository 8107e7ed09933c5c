/**
 * `<cc-task-details>`: what is known about the selected task, with editable user data.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { state } from 'lit/decorators.js';
import { CcElement } from '../base/cc-element.js';
import { tokens } from '../base/tokens.js';
import { define } from '../base/define.js';
import { mediaLabel } from '../base/media-icon.js';
import { canIssue, NO_AGENT, type AgentView, type CcError, type Task } from '../../model/index.js';
import { customerAddress, customerName, nonEmpty, queueName } from '../incoming-task/task-text.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { styles } from './task-details.styles.js';

declare global {
  interface HTMLElementEventMap {
    /** The agent saved a user-data (call-associated data) value and the store accepted it. */
    'cc-user-data-changed': CustomEvent<{ taskId: string; key: string; value: string }>;
  }
}

/** One call-associated data entry as shown. */
interface DataEntry {
  key: string;
  label: string;
  value: string;
  editable: boolean;
}

/** Drafts, saves and failures are per task and key. */
const slot = (taskId: string, key: string): string => `${taskId}\u0000${key}`;

/** One label and value of a description list (`part` names the value). */
const field = (label: unknown, value: unknown, part?: string): TemplateResult =>
  html`<div class="field"><dt>${label}</dt><dd part=${ifDefined(part)}>${value}</dd></div>`;

/**
 * @tagname cc-task-details
 * @summary The selected task: customer (name, number or address), media, state, queue, entry
 * point (by name: the directory is loaded for it; never the raw id), for calls the dialed number
 * and IVR path, and the call-associated data as key/values. Keys the profile and
 * the data allow the agent to edit get an input and a Save button; what was typed survives a
 * failed save, and the failure is shown next to the field.
 *
 * @fires cc-user-data-changed - `{ taskId, key, value }` after the store accepted a saved value.
 * @fires cc-error - the `CcError` when saving failed (also shown inline and announced).
 *
 * @csspart base - the details region.
 * @csspart fields - the list of task facts.
 * @csspart customer - the customer's name.
 * @csspart address - the customer's number or address.
 * @csspart media - the media icon and name.
 * @csspart media-icon - the media icon.
 * @csspart state - the translated task state.
 * @csspart queue - the queue.
 * @csspart entry-point - the entry point.
 * @csspart dnis - the dialed number (DNIS).
 * @csspart ivr-path - the IVR path.
 * @csspart data - the call-associated data group.
 * @csspart data-list - the call-associated data key/values.
 * @csspart input - an input of an editable value.
 * @csspart save - a Save button.
 * @csspart error - a failed save's message.
 * @csspart empty - the text shown when no task is selected.
 *
 * @cssproperty --cc-color-surface - input background.
 * @cssproperty --cc-color-surface-raised - button background.
 * @cssproperty --cc-color-text - text colour.
 * @cssproperty --cc-color-text-muted - labels.
 * @cssproperty --cc-color-border - input and button borders.
 * @cssproperty --cc-color-danger - failure text and the invalid input's border.
 * @cssproperty --cc-color-focus - focus ring.
 * @cssproperty --cc-radius - corner radius.
 * @cssproperty --cc-space - spacing unit.
 * @cssproperty --cc-font-family - font.
 * @cssproperty --cc-font-size - base font size.
 */
export class CcTaskDetails extends CcElement {
  static override styles = [tokens, styles];

  readonly #selectedValue = this.observe((s) => s.selectedTask$);
  readonly #agentValue = this.observe((s) => s.agent$);
  readonly #directoryValue = this.observe((s) => s.directory$);

  // Drafts (what the agent typed and has not yet seen stored), saves in flight and failures, by
  // task and key. Changed in place, each change followed by requestUpdate().
  readonly #drafts = new Map<string, string>();
  readonly #saving = new Set<string>();
  readonly #failures = new Map<string, CcError>();
  /** The polite announcement of the last successful save. */
  @state() private status = '';

  get #agentView(): AgentView {
    return this.#agentValue.value ?? this.store?.agent ?? NO_AGENT;
  }

  protected override willUpdate(): void {
    // A draft the store now holds (saved, or changed to the same value elsewhere) is no longer a draft.
    const task = this.#selectedValue.value;
    if (!task || this.#drafts.size === 0) return;
    for (const { key, value } of this.#entries(task)) {
      const id = slot(task.id, key);
      if (!this.#saving.has(id) && this.#drafts.get(id) === value) this.#drafts.delete(id);
    }
  }

  protected override render(): TemplateResult {
    const task = this.#selectedValue.value;
    if (!task) {
      return html`<p class="empty muted" part="empty">${this.t(this.store ? 'No task selected.' : 'Place this element inside <cc-provider>.')}</p>`;
    }
    const entries = this.#entries(task);
    return html`<section class="details" part="base" aria-label=${this.t('Task details')}>
      <dl part="fields">${this.#renderFacts(task)}</dl>
      <div role="group" part="data" aria-labelledby="data-title">
        <p class="section-title" id="data-title">${this.t('Call-associated data')}</p>
        ${entries.length === 0
          ? html`<p class="muted empty">${this.t('No call-associated data.')}</p>`
          : html`<dl part="data-list">${entries.map((entry, index) => this.#renderEntry(task, entry, index))}</dl>`}
      </div>
      <div class="visually-hidden" role="status">${this.status}</div>
    </section>`;
  }

  /** The task's facts that are known: label, part of the value, value. */
  #renderFacts(task: Task): (TemplateResult | typeof nothing)[] {
    const cpd = task.data.interaction?.callProcessingDetails;
    // The media's label carries its own parts (media, media-icon).
    const facts: [MessageKey, string | undefined, unknown][] = [
      ['Customer', 'customer', customerName(task) ?? this.t('Unknown customer')],
      [task.media === 'telephony' ? 'Number' : 'Address', 'address', customerAddress(task)],
      ['Media', undefined, mediaLabel(task.media, this.i18n.media(task.media))],
      ['State', 'state', this.i18n.state(task.state)],
      ['Queue', 'queue', queueName(task)],
      ['Entry point', 'entry-point', this.#entryPoint(cpd?.EP_ID)],
    ];
    // Voice-only facts: a chat, email or social task has no dialed number or IVR path.
    if (task.media === 'telephony') facts.push(['Dialed number', 'dnis', nonEmpty(cpd?.dnis)], ['IVR path', 'ivr-path', nonEmpty(cpd?.IvrPath)]);
    return facts.map(([label, part, value]) => (value === undefined ? nothing : field(this.t(label), value, part)));
  }

  #renderEntry(task: Task, entry: DataEntry, index: number): TemplateResult {
    if (!entry.editable) return field(entry.label, entry.value);
    const id = slot(task.id, entry.key);
    const saving = this.#saving.has(id);
    const failure = this.#failures.get(id);
    const inputId = `data-${index}`;
    return field(
      html`<label for=${inputId} id="${inputId}-label">${entry.label}</label>`,
      html`<form class="edit" @submit=${(event: Event) => this.#save(event, task.id, entry)}>
          <input id=${inputId} part="input" name="value" autocomplete="off"
            .value=${live(this.#drafts.get(id) ?? entry.value)}
            aria-invalid=${!!failure}
            aria-describedby=${failure ? `${inputId}-error` : nothing}
            @input=${(event: Event) => this.#setDraft(id, (event.target as HTMLInputElement).value)} />
          <button type="submit" part="save" id="${inputId}-save" aria-labelledby="${inputId}-save ${inputId}-label"
            aria-disabled=${saving} aria-busy=${saving}>
            ${this.t(saving ? 'Saving…' : 'Save')}
          </button>
        </form>
        ${failure
          ? html`<p class="error" part="error" id="${inputId}-error" role="alert">${this.i18n.error(failure)}</p>`
          : nothing}`,
    );
  }

  /**
   * The call-associated data: `callAssociatedData` entries by display name (values from
   * `callAssociatedDetails` when present), then any other `callAssociatedDetails` keys; editable
   * where the profile allows user-data edits, the entry is agent-editable and the task is live.
   */
  #entries(task: Task): DataEntry[] {
    const interaction = task.data.interaction;
    const details = interaction?.callAssociatedDetails ?? {};
    const data = interaction?.callAssociatedData ?? {};
    const mayEdit = this.#agentView.profile?.userData.editable === true && canIssue(task, 'setUserData', this.#agentView);
    const entries: DataEntry[] = Object.entries(data).map(([key, entry]) => ({
      key,
      label: nonEmpty(entry?.displayName) ?? key,
      value: String(details[key] ?? entry?.value ?? ''),
      editable: mayEdit && entry?.agentEditable === true,
    }));
    for (const [key, value] of Object.entries(details)) {
      if (!(key in data)) entries.push({ key, label: key, value: String(value ?? ''), editable: false });
    }
    return entries;
  }

  /**
   * The entry point's name from the directory; undefined (not shown) while it is unknown. The
   * first entry point to name loads the directory once, if nothing loaded it yet.
   */
  #entryPoint(id: string | undefined): string | undefined {
    if (!nonEmpty(id)) return undefined;
    const entryPoints = this.#directoryValue.value?.entryPoints ?? [];
    if (entryPoints.length === 0 && this.store && !this.#directoryRequested) {
      this.#directoryRequested = true;
      const store = this.store;
      // After this render (a directory arriving during it would not render again). Without the
      // names the fact stays hidden; the consult picker shows a load failure.
      queueMicrotask(() => void store.refreshDirectory().catch(() => undefined));
    }
    return nonEmpty(entryPoints.find((ep) => ep.id === id)?.name);
  }
  #directoryRequested = false;

  #setDraft(id: string, value: string): void {
    this.#drafts.set(id, value);
    this.requestUpdate();
  }

  async #save(event: Event, taskId: string, entry: DataEntry): Promise<void> {
    event.preventDefault();
    const id = slot(taskId, entry.key);
    if (this.#saving.has(id)) return;
    const value = this.#drafts.get(id) ?? entry.value;
    this.#saving.add(id);
    this.#failures.delete(id);
    this.status = '';
    this.requestUpdate();
    const { ok } = await this.command((store) => store.setUserData(taskId, { [entry.key]: value }), {
      command: 'setUserData',
      taskId,
      onError: (error) => {
        this.#failures.set(id, error);
        this.requestUpdate(); // rendered before cc-error's listeners look
      },
    });
    this.#saving.delete(id);
    this.requestUpdate();
    if (ok) {
      this.status = this.t('{key} saved.', { key: entry.label });
      this.emit('cc-user-data-changed', { taskId, key: entry.key, value });
    }
  }
}

define('cc-task-details', CcTaskDetails);

declare global {
  interface HTMLElementTagNameMap {
    'cc-task-details': CcTaskDetails;
  }
}
