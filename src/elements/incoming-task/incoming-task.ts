/**
 * `<cc-incoming-task>`: the offers waiting for the agent.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { state } from 'lit/decorators.js';
import { tokens } from '../base/tokens.js';
import { define } from '../base/define.js';
import type { Task } from '../../model/index.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { afterAccept, CcOfferElement } from './offer-element.js';
import { offerStyles } from './offer.styles.js';
import { styles } from './incoming-task.styles.js';
import { consultingAgentName, customerAddress, customerName, queueName } from './task-text.js';
import { isCounting, isOffer, ronaRemaining } from './task-times.js';
import { TickController } from '../base/tick-controller.js';
import { DeskRoleController } from '../base/desk-roles.js';

/**
 * @tagname cc-incoming-task
 * @summary Every offer waiting for the agent (OFFERED and OFFERED_CONSULT tasks): who it is from,
 * the media, the queue, the time left before it is redirected (RONA), and Accept / Decline.
 * Each new offer is announced once in a polite live region; with no offer nothing is visible.
 *
 * **One Accept / Decline pair per offer on screen.** While this element is on the page, a
 * `<cc-task-list>` under the same `<cc-provider>` shows offers as rows with their countdown only
 * and leaves Accept, Decline and their failures here. A failure shows on its offer, announced
 * once. After Accept the task is selected and the focus moves to its `<cc-call-controls>` (else
 * to its row in the task list), never to the page.
 *
 * @fires cc-task-accepted - `{ taskId }` after the store accepted the agent's Accept.
 * @fires cc-task-declined - `{ taskId }` after the store accepted the agent's Decline.
 * @fires cc-error - the `CcError` when Accept or Decline failed (also shown inline and announced).
 *
 * @csspart base - the region holding the offers (absent when there is none).
 * @csspart offer - one offer; a consult request also has the part `consult-offer`.
 * @csspart media - the media icon and name.
 * @csspart media-icon - the media icon.
 * @csspart title - "Call from …" or "Consult request from …".
 * @csspart address - the customer's number or address, when a name is shown.
 * @csspart about - on a consult request: the customer it is about.
 * @csspart queue - the queue.
 * @csspart countdown - the time left to answer.
 * @csspart offer-actions - the Accept / Decline row.
 * @csspart accept - the Accept button.
 * @csspart decline - the Decline button.
 * @csspart error - the last Accept / Decline failure.
 * @csspart announcer - the visually hidden live region announcing new offers.
 *
 * @cssproperty --cc-color-surface - background of the element.
 * @cssproperty --cc-color-surface-raised - background of an offer.
 * @cssproperty --cc-color-text - text colour.
 * @cssproperty --cc-color-text-muted - secondary text colour.
 * @cssproperty --cc-color-border - offer border.
 * @cssproperty --cc-color-accent - the stripe marking an offer.
 * @cssproperty --cc-color-warning - the countdown and the stripe marking a consult request.
 * @cssproperty --cc-color-success - Accept button background.
 * @cssproperty --cc-color-on-success - Accept button text.
 * @cssproperty --cc-color-danger - Decline button background and failure text.
 * @cssproperty --cc-color-on-danger - Decline button text.
 * @cssproperty --cc-color-focus - focus ring.
 * @cssproperty --cc-radius - corner radius.
 * @cssproperty --cc-space - spacing unit.
 * @cssproperty --cc-font-family - font.
 * @cssproperty --cc-font-size - base font size.
 */
export class CcIncomingTask extends CcOfferElement {
  static override styles = [tokens, offerStyles, styles];

  /** What the live region says: the offers that arrived since the last render. */
  @state() private announcement = '';
  #announced: ReadonlySet<string> = new Set();
  #tick = new TickController(this, () => this.#offers().some(isCounting));

  /** On the desk for its offers: never handed the focus; after Accept it hands the focus on. */
  protected readonly desk = new DeskRoleController(this, 'incoming', () => this.store, { handOff: afterAccept });

  /** True while the 1-second countdown tick runs. */
  get ticking(): boolean {
    return this.#tick.running;
  }

  #offers(): Task[] {
    return this.tasks.filter(isOffer);
  }

  protected override willUpdate(): void {
    const offers = this.#offers();
    const fresh = offers.filter((offer) => !this.#announced.has(offer.id));
    this.#announced = new Set(offers.map((offer) => offer.id));
    if (fresh.length > 0) this.announcement = fresh.map((offer) => this.#offerTitle(offer)).join(' ');
    else if (offers.length === 0) this.announcement = '';
  }

  protected override render(): TemplateResult {
    const offers = this.#offers();
    const now = this.now();
    return html`<div class="visually-hidden" part="announcer" role="status" aria-live="polite">${this.announcement}</div>
      ${offers.length === 0
        ? nothing
        : html`<section class="offers" part="base" aria-label=${this.t('Incoming tasks')}>
            <ul class="offer-list">
              ${repeat(offers, (offer) => offer.id, (offer, index) => this.#renderOffer(offer, index, now))}
            </ul>
          </section>`}`;
  }

  #renderOffer(offer: Task, index: number, now: number): TemplateResult {
    const consult = offer.state === 'OFFERED_CONSULT';
    const id = `offer-${index}`;
    const name = customerName(offer);
    const address = customerAddress(offer);
    const queue = queueName(offer);
    const countdown = this.timeText('Answer within {time}', ronaRemaining(offer, now));
    return html`<li class="offer ${consult ? 'consult' : ''}" part=${consult ? 'offer consult-offer' : 'offer'}>
      ${this.renderMedia(offer)}
      <p class="title" part="title" id="${id}-title">${this.#offerTitle(offer)}</p>
      ${consult
        ? html`<p class="line" part="about">${this.t('About {customer}', { customer: this.customer(offer) })}</p>`
        : name && address
          ? html`<p class="line muted" part="address">${address}</p>`
          : nothing}
      ${queue ? html`<p class="line muted" part="queue">${this.t('Queue: {queue}', { queue })}</p>` : nothing}
      ${countdown ? html`<p class="countdown" part="countdown" role="timer">${countdown}</p>` : nothing}
      ${this.renderOfferActions(offer, `${id}-title`, id)} ${this.renderOfferError(offer)}
    </li>`;
  }

  /** "Call from …" / "Consult request from …" (customer data filled in as text). */
  #offerTitle(offer: Task): string {
    if (offer.state === 'OFFERED_CONSULT') {
      return this.t('Consult request from {agent}', {
        agent: consultingAgentName(offer) ?? this.t('another agent'),
      });
    }
    return this.t(`incomingTask.from.${offer.media}` as MessageKey, { customer: this.customer(offer) });
  }
}

define('cc-incoming-task', CcIncomingTask);

declare global {
  interface HTMLElementTagNameMap {
    'cc-incoming-task': CcIncomingTask;
  }
}
