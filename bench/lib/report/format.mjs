/** Number formats, Markdown tables and section headings for bench/RESULTS.md. */
import { machineLine } from '../machine.mjs';

export const kb = (b) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} KB`);
export const mb = (b) =>
  b === null || b === undefined
    ? '–'
    : b >= 2 ** 30
      ? `${(b / 2 ** 30).toFixed(2)} GiB`
      : `${(b / 2 ** 20).toFixed(0)} MiB`;
export const ms = (x) => (x === null || x === undefined ? '–' : `${Math.round(x)} ms`);
export const ok = (b) => (b === undefined ? '' : b.ok ? ' ✅' : ' ❌ over');
const row = (cells) => `| ${cells.join(' | ')} |`;
export const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** A section's heading and the machine it was measured on: the lines every section starts with. */
export const heading = (title, machine) => [`## ${title}`, '', `Measured on: ${machineLine(machine)}.`, ''];
