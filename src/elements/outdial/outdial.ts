import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CcElement } from '../base/cc-element.js';
import { define } from '../base/define.js';
import { tokens } from '../base/tokens.js';
import { validateDialNumber, type AgentProfile, type CcError, type DialCheck } from '../../model/index.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { styles } from './outdial.styles.js';

/** The keypad, row by row. */
const KEYS = [...'123456789*0#'];

/**
 * Dial out: a number field (`type="tel"`) with a keypad of real buttons, validation against the
 * agent's dial plan with the reason shown, a caller-ID choice from the profile's outdial ANIs and
 * a Dial button (Enter in the field dials too). Disabled, with the reason shown, while a call is
 * live or when outdial is not enabled for the agent.
 *
 * @tagname cc-outdial
 * @summary Places an outbound call.
 *
 * @fires cc-outdial-started - The contact center accepted the call. `detail`: `{ number, aniId? }`
 *   (the number as dialled, after stripping spaces, dashes, dots and parentheses).
 * @fires cc-error - The call could not be placed; `detail` is the `CcError` (also shown inline).
 *
 * @csspart base - The form.
 * @csspart label - The form's legend.
 * @csspart reason - Why outdial is unavailable right now.
 * @csspart input - The number field.
 * @csspart validation - Why the number cannot be dialled.
 * @csspart keypad - The keypad.
 * @csspart key - Each keypad button (0–9, *, #).
 * @csspart backspace - The keypad's delete button.
 * @csspart ani - The caller-ID `<select>`.
 * @csspart dial-button - The Dial button.
 * @csspart status - Progress and outcome announcements.
 * @csspart error - The failure message.
 *
 * @cssproperty --cc-color-success - The Dial button.
 * @cssproperty --cc-color-on-success - Text on the Dial button.
 * @cssproperty --cc-color-danger - Validation and failure messages; an invalid field's border.
 * @cssproperty --cc-color-surface - Background of the field and select.
 * @cssproperty --cc-color-surface-raised - Background of the keypad buttons.
 * @cssproperty --cc-color-text - Text colour.
 * @cssproperty --cc-color-text-muted - The unavailability reason and progress text.
 * @cssproperty --cc-color-border - Control borders.
 * @cssproperty --cc-color-focus - Focus ring.
 * @cssproperty --cc-space - Spacing unit.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-font-family - Font family.
 * @cssproperty --cc-font-size - Font size.
 */
export class CcOutdial extends CcElement {
  static override styles = [tokens, styles];

  /** The number in the field; a page may set it (click-to-dial) without dialling. */
  @property() number = '';

  /** The chosen outdial ANI id; empty for the contact center's default. */
  @state() private aniId = '';
  /** Whether the agent tried to dial (an empty field is only a problem then). */
  @state() private attempted = false;
  /** The number being dialled while the request is in flight. */
  @state() private dialing?: string;
  @state() private failure?: CcError;
  @state() private announcement = '';

  readonly #agent = this.observe((store) => store.agent$);
  readonly #tasks = this.observe((store) => store.tasks$);

  protected override render(): TemplateResult {
    if (!this.store) return html`<p part="reason" class="muted">${this.t('Place this element inside <cc-provider>.')}</p>`;
    const profile = this.#agent.value?.profile;
    const unavailable = this.#unavailable(profile);
    const check = validateDialNumber(this.number, profile);
    const problem = !unavailable && !check.ok && (this.attempted || this.number.trim() !== '') ? check.reason : undefined;
    const anis = profile?.outdial.anis ?? [];
    return html`
      <form part="base" novalidate @submit=${this.#onSubmit}>
        <fieldset ?disabled=${unavailable !== undefined} aria-describedby=${unavailable ? 'reason' : nothing}>
          <legend part="label">${this.t('Outbound call')}</legend>
          ${unavailable ? html`<p part="reason" id="reason" class="muted">${this.t(unavailable)}</p>` : nothing}
          <div class="field">
            <label for="number">${this.t('Number to dial')}</label>
            <input id="number" part="input" type="tel" inputmode="tel" autocomplete="off" .value=${live(this.number)}
              aria-invalid=${!!problem} aria-describedby="validation" @input=${this.#onInput} />
            <p part="validation" id="validation" class="error">${problem ? this.t(`outdial.invalid.${problem}` as MessageKey) : nothing}</p>
          </div>
          <div part="keypad" role="group" aria-label=${this.t('Keypad')}>
            ${KEYS.map((key) => html`<button part="key" type="button" data-key=${key} @click=${this.#onKey}>${key}</button>`)}
            <button part="backspace" type="button" @click=${this.#onBackspace}>
              <span aria-hidden="true">⌫</span><span class="visually-hidden">${this.t('Delete last digit')}</span>
            </button>
          </div>
          ${anis.length > 0
            ? html`<div class="field">
                <label for="ani">${this.t('Caller ID')}</label>
                <select id="ani" part="ani" @change=${this.#onAni}>
                  <option value="" .selected=${live(!this.#ani(profile))}>${this.t('Default caller ID')}</option>
                  ${anis.map(
                    (ani) =>
                      html`<option value=${ani.id} .selected=${live(ani.id === this.aniId)}>
                        ${this.t('{name} ({number})', { name: ani.name, number: ani.number })}
                      </option>`,
                  )}
                </select>
              </div>`
            : nothing}
          <button part="dial-button" class="success" type="submit" aria-busy=${!!this.dialing}>
            ${this.t('Dial')}
          </button>
        </fieldset>
        <p part="status" class="muted" role="status">
          ${this.dialing ? this.t('Dialing {number}…', { number: this.dialing }) : this.announcement}
        </p>
        <p part="error" class="error" role="alert">${this.failure ? this.i18n.error(this.failure) : nothing}</p>
      </form>
    `;
  }

  /** Why the agent cannot dial right now, as a message key; undefined when they can. */
  #unavailable(profile: AgentProfile | undefined): MessageKey | undefined {
    if (!profile) return 'Waiting for the contact center…';
    if (!profile.outdial.enabled) return 'Outbound calls are not enabled for your profile.';
    if ((this.#tasks.value ?? []).some((task) => task.media === 'telephony')) return 'Finish the current call before dialing out.';
    return undefined;
  }

  /** The chosen ANI id when the profile still offers it; undefined for the default. */
  #ani(profile: AgentProfile | undefined): string | undefined {
    return profile?.outdial.anis.some((a) => a.id === this.aniId) ? this.aniId : undefined;
  }

  /** The number changes: the last outcome no longer applies. */
  #edit(next: string): void {
    this.number = next;
    this.failure = undefined;
    this.announcement = '';
  }

  #onInput(event: Event): void {
    this.#edit((event.target as HTMLInputElement).value);
  }

  #onKey(event: Event): void {
    this.#edit(this.number + ((event.currentTarget as HTMLButtonElement).dataset.key ?? ''));
  }

  #onBackspace(): void {
    this.#edit(this.number.slice(0, -1));
  }

  #onAni(event: Event): void {
    this.aniId = (event.target as HTMLSelectElement).value;
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const profile = this.#agent.value?.profile;
    if (this.dialing || this.#unavailable(profile)) return;
    this.attempted = true;
    const check: DialCheck = validateDialNumber(this.number, profile);
    if (!check.ok) {
      this.renderRoot.querySelector('input')?.focus();
      return;
    }
    const number = check.number;
    const aniId = this.#ani(profile);
    this.#edit(this.number); // clears the last outcome
    this.dialing = number;
    const result = await this.command((store) => store.outdial(number, aniId), { command: 'outdial' });
    this.dialing = undefined;
    if (result.ok) {
      this.#edit('');
      this.attempted = false;
      this.announcement = this.t('Calling {number}.', { number });
      this.emit('cc-outdial-started', aniId === undefined ? { number } : { number, aniId });
    } else {
      this.failure = result.error;
    }
  }
}

define('cc-outdial', CcOutdial);

declare global {
  interface HTMLElementTagNameMap {
    'cc-outdial': CcOutdial;
  }
  interface HTMLElementEventMap {
    /** An outbound call was requested and accepted by the contact center. */
    'cc-outdial-started': CustomEvent<{ number: string; aniId?: string }>;
  }
}
