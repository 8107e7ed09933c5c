/**
 * `<cc-task-list>`: every live task, selectable.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { state } from 'lit/decorators.js';
import { tokens } from '../base/tokens.js';
import { define } from '../base/define.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { Task } from '../../model/index.js';
import { ending, taskTone } from '../../model/desk.js';
import { DeskRoleController, present$ } from '../base/desk-roles.js';
import { afterAccept, CcOfferElement } from '../incoming-task/offer-element.js';
import { offerStyles } from '../incoming-task/offer.styles.js';
import { consultingAgentName, queueName } from '../incoming-task/task-text.js';
import { handleTime, holdTime, isCounting, isOffer, ronaRemaining } from '../incoming-task/task-times.js';
import { TickController } from '../base/tick-controller.js';
import { styles } from './task-list.styles.js';
import { ObserveController } from '../../store/observe-controller.js';

/**
 * Inline grid placement for a `.style=` property binding: assigning a string to `style` sets its
 * `cssText` through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows —
 * unlike a `style` attribute (or styleMap's first render), which such a policy blocks.
 */
const cssText = (declarations: string): CSSStyleDeclaration => declarations as unknown as CSSStyleDeclaration;

/**
 * A long list renders at once the rows that could fill the window's height (no row is shorter
 * than MIN_ROW_PX; at least MIN_FIRST_ROWS) and the rest over the next frames, ROWS_PER_FRAME more
 * per frame: the first frame shows the rows without waiting for a thousand rows nobody sees yet.
 */
const MIN_ROW_PX = 40;
const MIN_FIRST_ROWS = 10;
const ROWS_PER_FRAME = 250;
const firstRows = (): number => Math.max(MIN_FIRST_ROWS, Math.ceil(window.innerHeight / MIN_ROW_PX));

declare global {
  interface HTMLElementEventMap {
    /** The agent selected a task in the list (the store's selection has changed to it). */
    'cc-task-selected': CustomEvent<{ taskId: string }>;
  }
}

/**
 * @tagname cc-task-list
 * @summary Every live task in the store's order: media, customer (for a consult request: the
 * colleague asking), queue, state in its state colour (why the contact ended, in wrap-up), and its
 * timer (handle time, hold time, or the time left to answer an offer). A single-select listbox:
 * click, or move with ArrowUp/ArrowDown/Home/End and select with Enter or Space.
 *
 * **One Accept / Decline pair per offer on screen.** When a `<cc-incoming-task>` is on the page
 * under the same `<cc-provider>`, the list shows offers as rows with their countdown and leaves
 * Accept, Decline and their failures to it. Alone, the list puts Accept and Decline beside each
 * offer's row (outside the listbox, so no control is nested in an option) and shows a failure
 * once, below the list, announced once. After Accept the accepted task is selected and the focus
 * moves to its `<cc-call-controls>` (else to its row).
 *
 * @fires cc-task-selected - `{ taskId }` when the agent selects a task (after `store.select`).
 * @fires cc-task-accepted - `{ taskId }` after the store accepted the agent's Accept.
 * @fires cc-task-declined - `{ taskId }` after the store accepted the agent's Decline.
 * @fires cc-error - the `CcError` when Accept or Decline failed (also shown inline).
 *
 * @csspart base - the list and its offer actions.
 * @csspart list - the listbox.
 * @csspart task - one task (an option); the selected one also has `task-selected`, offers `task-offer`.
 * @csspart media - the media icon and name of a task.
 * @csspart media-icon - the media icon.
 * @csspart customer - the customer's name, number or address.
 * @csspart queue - the queue.
 * @csspart unread - the count of customer messages the agent has not read (chat, social, email).
 * @csspart state - the translated task state.
 * @csspart timer - handle time, hold time, or the answer countdown.
 * @csspart actions - the column of offer actions.
 * @csspart offer-actions - Accept and Decline of one offer.
 * @csspart accept - an Accept button.
 * @csspart decline - a Decline button.
 * @csspart errors - below the list (alone): the Accept / Decline failures.
 * @csspart error - the last Accept / Decline failure of an offer.
 * @csspart empty - the text shown when there is no task.
 *
 * @cssproperty --cc-color-surface - background of a task.
 * @cssproperty --cc-color-surface-raised - background of the selected or hovered task.
 * @cssproperty --cc-color-text - text colour.
 * @cssproperty --cc-color-text-muted - queue, timers and media names.
 * @cssproperty --cc-color-border - task borders.
 * @cssproperty --cc-color-accent - the selected task's border; the unread count's background.
 * @cssproperty --cc-color-on-accent - the unread count's text.
 * @cssproperty --cc-color-warning - the offer stripe and countdown.
 * @cssproperty --cc-color-hold - the stripe and state of a task on hold.
 * @cssproperty --cc-color-consult - the stripe and state of a task consulting or in conference.
 * @cssproperty --cc-color-wrapup - the stripe and state of a task in wrap-up.
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
export class CcTaskList extends CcOfferElement {
  static override styles = [tokens, offerStyles, styles];

  #selectedValue = this.observe((s) => s.selectedTask$);
  #tick = new TickController(this, () => this.tasks.some(isCounting));
  #conversations = new ObserveController(this, () => this.store?.conversations?.all$);

  /** Whether a `<cc-incoming-task>` under the same provider holds the offers' actions. */
  #incoming = this.observe((s) => present$(s, 'incoming'));

  /**
   * On the desk as its list: the focus comes to a task's row (after Submit wrap-up, or Accept
   * without call controls), else to the tab stop; after Accept it hands the focus on.
   */
  protected readonly desk = new DeskRoleController(this, 'list', () => this.store, {
    focus: (taskId) => {
      const index = this.#tabStop(taskId);
      if (index < 0) return false;
      this.#moveTo(index);
      return true;
    },
    handOff: afterAccept,
  });

  /** The option that holds the roving tab stop (keyboard focus), by task id. */
  @state() private activeId?: string;
  /** After Accept/Decline: the task whose option takes the focus once its buttons are gone. */
  #returnFocusTo?: string;
  /** How many rows are rendered (grows frame by frame to every row; see firstRows). */
  #rowLimit = firstRows();
  #growing = false;

  /** True while the 1-second timer tick runs. */
  get ticking(): boolean {
    return this.#tick.running;
  }

  get #selectedId(): string | undefined {
    return this.#selectedValue.value?.id;
  }

  /**
   * The place of the task holding the tab stop: `first` while listed, else the one last moved to,
   * else the selected one, else the first task (-1 without tasks).
   */
  #tabStop(first?: string): number {
    const ids: (string | undefined)[] = this.tasks.map((t) => t.id);
    return [first, this.activeId, this.#selectedId, ids[0]].map((id) => ids.indexOf(id)).find((i) => i >= 0) ?? -1;
  }

  protected override render(): TemplateResult {
    const all = this.tasks;
    const tasks = all.length > this.#rowLimit ? all.slice(0, this.#rowLimit) : all;
    if (tasks.length === 0) {
      return html`<p class="empty muted" part="empty">${this.t(this.store ? 'No tasks right now.' : 'Place this element inside <cc-provider>.')}</p>`;
    }
    const now = this.now();
    const tabStop = this.#tabStop();
    const rows = cssText(`grid-row:1/span ${tasks.length}`);
    const actions = this.#actions;
    return html`<div class="rows" part="base">
      <ul role="listbox" part="list" aria-label=${this.t('Tasks')} .style=${rows} @keydown=${this.#onKeyDown}>
        ${repeat(tasks, (task) => task.id, (task, index) => {
          const tabbable = index === tabStop;
          const timer = this.#timerText(task, now);
          const unread = this.#conversations.value?.get(task.id)?.unread ?? 0;
          // A row renders again only when what it shows can have changed: its task (a new object
          // per change), its place, selection, tab stop, language, or its timer's text.
          return guard([task, index, task.id === this.#selectedId, tabbable, timer, this.i18n, unread], () =>
            this.#renderTask(task, index, tabbable, timer, unread),
          );
        })}
      </ul>
      ${actions
        ? html`<div class="actions" part="actions" role="group" aria-label=${this.t('Offer actions')} .style=${rows}>
            ${tasks.map((task, index) =>
              isOffer(task)
                ? html`<div class="row-actions" .style=${cssText(`grid-row:${index + 1}`)}>
                    ${this.renderOfferActions(task, `task-${index}-media task-${index}-customer`, `task-${index}`)}
                  </div>`
                : nothing,
            )}
          </div>`
        : nothing}
    </div>
    ${actions ? html`<div class="errors" part="errors">${tasks.filter(isOffer).map((task) => this.renderOfferError(task))}</div>` : nothing}`;
  }

  /** Accept / Decline live here unless a <cc-incoming-task> under the same provider holds them. */
  get #actions(): boolean {
    return this.#incoming.value !== true && this.tasks.some(isOffer);
  }

  /** One task; an offer's timer is its RONA countdown (the other timers never run on an offer). */
  #renderTask(task: Task, index: number, tabStop: boolean, timer: string, unread = 0): TemplateResult {
    const selected = task.id === this.#selectedId;
    const offer = isOffer(task);
    const queue = queueName(task);
    const consult = task.state === 'OFFERED_CONSULT';
    const who = consult ? consultingAgentName(task) ?? this.t('another agent') : this.customer(task);
    const ended = ending(task);
    return html`<li role="option" id="task-${index}" class="task tone-${taskTone(task)}"
      part="task${selected ? ' task-selected' : ''}${offer ? ' task-offer' : ''}"
      aria-selected=${selected ? 'true' : 'false'} tabindex=${tabStop ? 0 : -1} @click=${() => this.#choose(task.id)}>
      ${this.renderMedia(task, `task-${index}-media`)}
      <span class="customer" part="customer" id="task-${index}-customer">${who}</span>
      ${unread ? html`<span class="unread" part="unread"><span aria-hidden="true">${unread}</span><span class="visually-hidden">${this.t('{count} unread messages', { count: unread })}</span></span>` : nothing}
      ${queue ? html`<span class="queue" part="queue">${queue}</span>` : nothing}
      <span class="state" part="state">${this.i18n.state(task.state)}${ended ? ` · ${this.t(`ending.${ended}` as MessageKey)}` : ''}</span>
      ${timer ? html`<span class="timer${offer ? ' countdown' : ''}" part="timer">${timer}</span>` : nothing}
    </li>`;
  }

  /** What the row's timer shows ('' for none): the RONA countdown of an offer, else hold and handle time. */
  #timerText(task: Task, now: number): string {
    return (
      this.timeText('Answer within {time}', ronaRemaining(task, now)) ||
      [this.timeText('On hold {time}', holdTime(task, now)), this.timeText('Handle time {time}', handleTime(task, now))]
        .filter(Boolean)
        .join(' · ')
    );
  }

  protected override async respond(taskId: string, command: 'accept' | 'decline'): Promise<void> {
    this.#returnFocusTo = taskId;
    await super.respond(taskId, command);
  }

  /**
   * When the Accept/Decline the agent used disappears with the focus on it (the offer was
   * accepted or left), give the focus back to the list instead of dropping it on the page.
   */
  protected override updated(): void {
    this.#growRows();
    const id = this.#returnFocusTo;
    if (id === undefined || this.renderRoot.querySelector(':focus')) return;
    this.#returnFocusTo = undefined;
    const active = document.activeElement;
    if (active && active !== document.body) return; // the agent moved on elsewhere
    this.#moveTo(this.#tabStop(id));
  }

  /** While rows are left out, render more of them in the next frame; once all were shown, all stay. */
  #growRows(): void {
    if (this.#rowLimit === Infinity || this.#growing) return;
    if (this.tasks.length <= this.#rowLimit) {
      if (this.tasks.length > 0) this.#rowLimit = Infinity;
      return;
    }
    this.#growing = true;
    requestAnimationFrame(() => {
      this.#growing = false;
      this.#rowLimit += ROWS_PER_FRAME;
      this.requestUpdate();
    });
  }

  /** The agent selects a task (click, Enter or Space). */
  #choose(taskId: string): void {
    const store = this.store;
    if (!store || !this.tasks.some((t) => t.id === taskId)) return;
    this.activeId = taskId;
    store.select(taskId);
    this.emit('cc-task-selected', { taskId });
  }

  #onKeyDown(event: KeyboardEvent): void {
    const tasks = this.tasks;
    const current = this.#tabStop();
    if (current < 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#choose(tasks[current].id);
      return;
    }
    const last = tasks.length - 1;
    const moves: Partial<Record<string, number>> = {
      ArrowDown: Math.min(current + 1, last),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#moveTo(next);
  }

  /** The tab stop and the focus move to a task's option (its id is by place, so it is there already). */
  #moveTo(index: number): void {
    const task = this.tasks[index];
    if (!task) return;
    this.activeId = task.id;
    const row = () => this.renderRoot.querySelector<HTMLElement>(`#task-${index}`);
    const rendered = row();
    if (rendered) return rendered.focus();
    // A row not in the DOM yet (End in a long list during its first frames; the row limit may
    // already include it while that frame's render is still to come): render every row first.
    this.#rowLimit = Infinity;
    this.requestUpdate();
    void this.updateComplete.then(() => row()?.focus());
  }
}

define('cc-task-list', CcTaskList);

declare global {
  interface HTMLElementTagNameMap {
    'cc-task-list': CcTaskList;
  }
}
