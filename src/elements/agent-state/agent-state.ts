import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CcElement } from '../base/cc-element.js';
import { define } from '../base/define.js';
import { tokens } from '../base/tokens.js';
import type { AgentStateName, AgentView } from '../../model/index.js';
import { CURRENT, idleValue, isCurrent, parseChoice, selectableCodes, selectedValue, type StateChoice } from './choice.js';
import { TickController } from '../base/tick-controller.js';
import { styles } from './agent-state.styles.js';
import { agentDisplay, agentTone } from '../../model/desk.js';
import { DeskRoleController } from '../base/desk-roles.js';

/**
 * The agent's state: a native `<select>` with Available and every idle code of the profile, the
 * time in the current state — or, while the agent handles a task, Engaged and the time since, and
 * during wrap-up, Wrap-up and its timer (as the contact center counts them) — in the state colour
 * (available, not ready, engaged, wrap-up), a prominent notice with a way back to Available after a missed offer
 * (RONA), a pending indicator while a change is in flight and failures inline.
 *
 * @tagname cc-agent-state
 * @summary Shows and changes the agent's availability.
 *
 * @fires cc-agent-state-change - The agent picked a state and the contact center accepted the request.
 *   `detail`: `{ state: 'Available' | 'Idle', idleCodeId?: string }`.
 * @fires cc-error - A state change failed; `detail` is the `CcError` (also shown inline).
 *
 * @csspart base - The row with the indicator, the label, the select and the timer.
 * @csspart indicator - The coloured dot next to the state.
 * @csspart activity - "Engaged" or "Wrap-up" while tasks say so.
 * @csspart label - The select's label.
 * @csspart select - The native `<select>`.
 * @csspart timer - The time in the current state (or engaged, or in wrap-up).
 * @csspart pending - "Changing to …" while a change is in flight.
 * @csspart rona - The missed-offer notice.
 * @csspart available-button - The notice's "Become available" button.
 * @csspart error - The failure message.
 *
 * @cssproperty --cc-color-success - Indicator colour when Available.
 * @cssproperty --cc-color-not-ready - Indicator colour when Idle (not ready).
 * @cssproperty --cc-color-wrapup - Indicator and text colour during wrap-up.
 * @cssproperty --cc-color-danger - Notice border after a missed offer; failures.
 * @cssproperty --cc-color-accent - Indicator and text colour when Engaged; primary button.
 * @cssproperty --cc-color-surface - Background of the select.
 * @cssproperty --cc-color-surface-raised - Background of the notice.
 * @cssproperty --cc-color-text - Text colour.
 * @cssproperty --cc-color-text-muted - Muted text and the indicator's default colour.
 * @cssproperty --cc-color-border - Control borders.
 * @cssproperty --cc-color-focus - Focus ring.
 * @cssproperty --cc-space - Spacing unit.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-font-family - Font family.
 * @cssproperty --cc-font-size - Font size.
 */
export class CcAgentState extends CcElement {
  static override styles = [tokens, styles];

  readonly #agent = this.observe((store) => store.agent$);
  readonly #tasks = this.observe((store) => store.tasks$);

  constructor() {
    super();
    // On the desk as the agent state: the select takes the focus when nothing else is left to act on.
    new DeskRoleController(this, 'agent', () => this.store, {
      focus: () => {
        const select = this.renderRoot.querySelector<HTMLSelectElement>('select');
        select?.focus();
        return !!select;
      },
    });
  }

  /** Re-renders every second while the time in state is on screen. */
  protected readonly ticker = new TickController(this, () => this.store !== undefined && this.#agent.value !== undefined);

  protected override render(): TemplateResult {
    const view = this.#agent.value;
    if (!this.store || !view) {
      return html`<p part="error" class="muted">${this.store ? '' : this.t('Place this element inside <cc-provider>.')}</p>`;
    }
    const { status, pending, error } = view;
    const selected = selectedValue(view);
    const display = agentDisplay(view, this.#tasks.value ?? []);
    const elapsed = this.i18n.duration(this.store.now() - display.since);
    const activity = display.kind === 'Engaged' || display.kind === 'WrapUp' ? this.i18n.agentState(display.kind) : undefined;
    return html`
      <div part="base" class="${status.state} tone-${agentTone(display)}">
        <span part="indicator" aria-hidden="true"></span>
        <label part="label" for="state">${this.t('Agent state')}</label>
        <select id="state" part="select" aria-busy=${!!pending} ?disabled=${!view.profile} @change=${this.#onChange}>
          ${selected === CURRENT
            ? html`<option value=${CURRENT} disabled .selected=${live(true)}>${this.#label(view, status)}</option>`
            : nothing}
          <option value="available" .selected=${live(selected === 'available')}>${this.i18n.agentState('Available')}</option>
          <optgroup label=${this.t('Idle')}>
            ${selectableCodes(view).map(
              (code) => html`<option value=${idleValue(code.id)} .selected=${live(selected === idleValue(code.id))}>${code.name}</option>`,
            )}
          </optgroup>
        </select>
        <span part="timer">${activity
            ? html`<span part="activity">${activity}</span>`
            : html`<span class="visually-hidden">${this.t('Time in state')}</span>`} ${elapsed}</span>
      </div>
      <div role="status">
        ${pending
          ? html`<p part="pending" class="muted">${this.t('Changing to {state}…', { state: this.#label(view, pending) })}</p>`
          : nothing}
        ${status.state === 'RONA' && !pending
          ? html`<div part="rona">
              <p class="rona-text">${this.t('You missed an offer. No new offers arrive until you are available again.')}</p>
              <button part="available-button" class="primary" type="button" @click=${this.#becomeAvailable}>
                ${this.t('Become available')}
              </button>
            </div>`
          : nothing}
      </div>
      <p part="error" class="error" role="alert">${error ? this.i18n.error(error) : nothing}</p>
    `;
  }

  /** What the agent sees for a state: the idle code's name when Idle with a known code. */
  #label(view: AgentView, { state, idleCodeId }: { state: AgentStateName; idleCodeId?: string }): string {
    const code = state === 'Idle' ? selectableCodes(view).find((c) => c.id === idleCodeId) : undefined;
    return code ? code.name : this.i18n.agentState(state);
  }

  #onChange(event: Event): void {
    const view = this.#agent.value;
    const choice = view && parseChoice((event.target as HTMLSelectElement).value, view);
    if (choice && !view.pending && !isCurrent(choice, view)) void this.#change(choice);
    else this.requestUpdate(); // puts the select back on what is true
  }

  #becomeAvailable(): void {
    if (!this.#agent.value?.pending) void this.#change({ state: 'Available' });
  }

  async #change(choice: StateChoice): Promise<void> {
    const { ok } = await this.command((store) => store.setAgentState(choice.state, choice.idleCodeId), {
      command: 'setAgentState',
    });
    if (ok) this.emit('cc-agent-state-change', choice);
    this.requestUpdate();
  }
}

define('cc-agent-state', CcAgentState);

declare global {
  interface HTMLElementTagNameMap {
    'cc-agent-state': CcAgentState;
  }
  interface HTMLElementEventMap {
    /** The agent changed state; the contact center accepted the request. */
    'cc-agent-state-change': CustomEvent<{ state: 'Available' | 'Idle'; idleCodeId?: string }>;
  }
}
