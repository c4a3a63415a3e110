import type { Figure } from './figures.ts';

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

const HEADER = ['figure', 'n', 'median', 'p95', 'p99', 'min', 'max', 'unit', 'budget', ''];

function number(v: number): string {
  const abs = Math.abs(v);
  if (abs < 10) return v.toFixed(2);
  if (abs < 100) return v.toFixed(1);
  return Math.round(v).toLocaleString('en');
}

function verdict(f: Figure): string {
  if (f.status !== 'measured') return f.status;
  if (f.met === undefined) return '';
  return f.met ? 'ok' : 'MISS';
}

/** One row of cells per figure; a single value fills the median column only. */
function cells(f: Figure): string[] {
  const s = f.summary;
  const name = `${f.suite} · ${f.name}`;
  if (!s) return [name, '', '–', '', '', '', '', f.unit, f.budgetLabel ?? '', verdict(f)];
  const spread = s.n > 1 ? [s.p95, s.p99, s.min, s.max].map(number) : ['', '', '', ''];
  return [name, String(s.n), number(s.median), ...spread, f.unit, f.budgetLabel ?? '', verdict(f)];
}

const notes = (figures: readonly Figure[]) => figures.filter((f) => f.note).map((f) => `${f.suite} · ${f.name}: ${f.note}`);

/** The table for a terminal: aligned columns, a missed budget in red. */
export function terminalTable(figures: readonly Figure[], color = process.stdout.isTTY ?? false): string {
  const rows = [HEADER, ...figures.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  const paint = (text: string, f: Figure | undefined) => {
    if (!color || !f) return text;
    if (f.status === 'measured' && f.met === false) return `${RED}${text}${RESET}`;
    if (f.status !== 'measured') return `${DIM}${text}${RESET}`;
    return f.met ? text.replace(/ok$/, `${GREEN}ok${RESET}`) : text;
  };
  const lines = rows.map((r, i) => paint(r.map((cell, c) => (c === 0 || c >= 7 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ').trimEnd(), figures[i - 1]));
  return [...lines, '', ...notes(figures).map((n) => `  ${n}`)].join('\n');
}

/** The same table in Markdown (bench/README.md): a missed budget is marked ❌ and bold. */
export function markdownTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const row = cells(f);
    if (f.status === 'measured' && f.met === false) row[9] = '❌ **MISS**';
    return `| ${row.join(' | ')} |`;
  });
  return [`| ${HEADER.join(' | ')} |`, `| ${HEADER.map((_, c) => (c === 0 || c >= 7 ? '---' : '---:')).join(' | ')} |`, ...rows, '', ...notes(figures).map((n) => `- ${n}`)].join('\n');
}
