/**
 * The React 19 baseline of the first-render figure: a plain list of the same rows <cc-task-list>
 * shows (media icon and name, customer, queue, state, timer; Accept and Decline beside an offer),
 * read from the same session the desk's backend hands over. No store, no context, no styles
 * beyond a few rules: what a presentational React list does. Bundled for the bench page by
 * bench/lib/baselines.mjs (esbuild) into bench/build/ (git-ignored). The rows are read by rows.js,
 * as for the floors (floors.js).
 */
import { createElement as h, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { ICONS, MEDIA, STATE, rowOf } from './rows.js';

function Row({ row, index, selected, onSelect }) {
  return h(
    'li',
    {
      role: 'option',
      id: `task-${index}`,
      className: `task${row.state === 'OFFERED' ? ' offer' : ''}`,
      'aria-selected': selected ? 'true' : 'false',
      tabIndex: selected ? 0 : -1,
      onClick: () => onSelect(row.id),
    },
    h(
      'span',
      { className: 'media' },
      h('svg', { viewBox: '0 0 24 24', width: '1em', height: '1em', fill: 'currentColor', 'aria-hidden': 'true' }, h('path', { d: ICONS[row.media] })),
      h('span', { id: `task-${index}-media` }, MEDIA[row.media]),
    ),
    h('span', { className: 'customer', id: `task-${index}-customer` }, row.customer),
    row.queue ? h('span', { className: 'queue' }, row.queue) : null,
    h('span', { className: 'state' }, STATE[row.state]),
    row.timer ? h('span', { className: 'timer' }, row.timer) : null,
  );
}

function TaskList({ session, onCommit }) {
  const now = Date.now();
  const rows = session.tasks.map((contact) => rowOf(contact, now));
  useLayoutEffect(onCommit, []);
  const offers = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.state === 'OFFERED');
  return h(
    'div',
    { className: 'rows' },
    h(
      'ul',
      { role: 'listbox', 'aria-label': 'Tasks' },
      rows.map((row, index) => h(Row, { key: row.id, row, index, selected: index === 0, onSelect: () => undefined })),
    ),
    offers.length
      ? h(
          'div',
          { className: 'actions', role: 'group', 'aria-label': 'Offer actions' },
          offers.map(({ row, index }) =>
            h(
              'div',
              { key: row.id, className: 'row-actions', style: { gridRow: index + 1 } },
              h('button', { type: 'button', className: 'success', 'aria-describedby': `task-${index}-customer` }, 'Accept'),
              h('button', { type: 'button', className: 'danger', 'aria-describedby': `task-${index}-customer` }, 'Decline'),
            ),
          ),
        )
      : null,
  );
}

/** Mount the list of `session` in `container`; resolves once React committed it to the DOM. */
export function mountTaskList(container, session) {
  return new Promise((resolve) => {
    createRoot(container).render(h(TaskList, { session, onCommit: resolve }));
  });
}
