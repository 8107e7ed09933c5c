/**
 * The floors of the first-render figure: the same list as the React 19 baseline (task-list.jsx),
 * the same markup and rows (rows.js), with less and less machinery, to show what the browser
 * itself costs at each size:
 * - `mountLit`: one bare Lit element (Lit 3 from the devDependencies' `lit`, the desk's own Lit),
 *   its rows in its shadow root with the page's few rules: no store, no context, no provider,
 *   no i18n — what Lit alone costs;
 * - `mountDom`: one `innerHTML` of the whole list into a div (strings escaped): no framework at
 *   all — the browser's own parsing, style and layout, below which no list can go.
 * Bundled with the React baseline by bench/lib/baselines.mjs into bench/build/ (git-ignored).
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ICONS, MEDIA, STATE, rowOf } from './rows.js';

const offersOf = (rows) => rows.map((row, index) => ({ row, index })).filter(({ row }) => row.state === 'OFFERED');

class FloorTaskList extends LitElement {
  static properties = { rows: { attribute: false } };

  // The page's rules for the React list (first-render.html), inside the shadow root.
  static styles = css`
    .rows { display: grid; grid-template-columns: minmax(0, 1fr) auto; font: 14px system-ui, sans-serif; }
    .rows ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
    .task { display: flex; flex-wrap: wrap; gap: 8px; padding: 8px; border: 1px solid #c5c9d1; border-radius: 6px; }
    .actions { display: grid; gap: 4px; }
  `;

  render() {
    const rows = this.rows ?? [];
    const offers = offersOf(rows);
    return html`<div class="rows">
      <ul role="listbox" aria-label="Tasks">
        ${repeat(
          rows,
          (row) => row.id,
          (row, index) => html`<li role="option" id="task-${index}" class="task${row.state === 'OFFERED' ? ' offer' : ''}"
            aria-selected=${index === 0 ? 'true' : 'false'} tabindex=${index === 0 ? 0 : -1}>
            <span class="media"><svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true">${svg`<path d=${ICONS[row.media]}></path>`}</svg><span id="task-${index}-media">${MEDIA[row.media]}</span></span>
            <span class="customer" id="task-${index}-customer">${row.customer}</span>
            ${row.queue ? html`<span class="queue">${row.queue}</span>` : nothing}
            <span class="state">${STATE[row.state]}</span>
            ${row.timer ? html`<span class="timer">${row.timer}</span>` : nothing}
          </li>`,
        )}
      </ul>
      ${offers.length
        ? html`<div class="actions" role="group" aria-label="Offer actions">
            ${offers.map(
              ({ index }) => html`<div class="row-actions" style="grid-row:${index + 1}">
                <button type="button" class="success" aria-describedby="task-${index}-customer">Accept</button>
                <button type="button" class="danger" aria-describedby="task-${index}-customer">Decline</button>
              </div>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }
}
customElements.define('floor-task-list', FloorTaskList);

/** Mount the bare Lit list of `session` in `container`; resolves once Lit committed it. */
export async function mountLit(container, session) {
  const now = Date.now();
  const list = document.createElement('floor-task-list');
  list.rows = session.tasks.map((contact) => rowOf(contact, now));
  container.append(list);
  await list.updateComplete;
  return list.shadowRoot;
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Write the list of `session` into `container` with one innerHTML (no framework). */
export function mountDom(container, session) {
  const now = Date.now();
  const rows = session.tasks.map((contact) => rowOf(contact, now));
  const offers = offersOf(rows);
  const items = rows.map(
    (row, index) => `<li role="option" id="task-${index}" class="task${row.state === 'OFFERED' ? ' offer' : ''}" aria-selected="${index === 0}" tabindex="${index === 0 ? 0 : -1}">`
      + `<span class="media"><svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true"><path d="${ICONS[row.media]}"></path></svg><span id="task-${index}-media">${MEDIA[row.media]}</span></span>`
      + `<span class="customer" id="task-${index}-customer">${escape(row.customer)}</span>`
      + (row.queue ? `<span class="queue">${escape(row.queue)}</span>` : '')
      + `<span class="state">${STATE[row.state]}</span>`
      + (row.timer ? `<span class="timer">${row.timer}</span>` : '')
      + '</li>',
  );
  const actions = offers.map(
    ({ index }) => `<div class="row-actions" style="grid-row:${index + 1}">`
      + `<button type="button" class="success" aria-describedby="task-${index}-customer">Accept</button>`
      + `<button type="button" class="danger" aria-describedby="task-${index}-customer">Decline</button></div>`,
  );
  // The floor is the browser parsing markup; every string from the session is escaped above.
  // eslint-disable-next-line no-restricted-properties
  container.innerHTML = `<div class="rows"><ul role="listbox" aria-label="Tasks">${items.join('')}</ul>`
    + (actions.length ? `<div class="actions" role="group" aria-label="Offer actions">${actions.join('')}</div>` : '')
    + '</div>';
  return container;
}
