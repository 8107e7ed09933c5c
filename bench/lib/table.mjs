/**
 * The readable tables printed on stdout: figures (median, p95, target, met or missed) and sizes.
 */

const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

/** A number for the table in the figure's unit. */
function show(value, unit) {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'bytes') return `${(value / 1000).toFixed(1)} kB`;
  if (unit === 'ms') return value >= 100 ? `${value.toFixed(0)} ms` : value < 1 ? `${value.toFixed(3)} ms` : `${value.toFixed(2)} ms`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  return `${Math.round(value)}`;
}

export function figureTable(figures) {
  const head = ['figure', 'median', 'p95', 'n', 'target', ''];
  const rows = figures.map((f) => [
    f.label,
    show(f.median, f.unit),
    show(f.p95, f.unit),
    String(f.n),
    f.target ? `${f.target.text} (${f.target.on})` : '',
    f.target ? (f.target.met ? 'pass' : 'MISS') : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i > 0 && i < 4)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function sizeTable(rows) {
  const head = ['dist/ file', 'min', 'gzip -9'];
  const cells = rows.map((r) => [r.label, `${(r.bytes / 1000).toFixed(1)} kB`, `${(r.gzip / 1000).toFixed(1)} kB`]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => pad(x, widths[i], i > 0)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
