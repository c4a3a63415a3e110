import { METRICS, type ReportDimension, type ReportResult } from '../../../shared/reports/index.ts';
import { dimensionLabel } from './dimensions.ts';

/** One CSV field (RFC 4180), with spreadsheet formula injection defused: = + - @ (and tab / CR) starting a cell get a leading apostrophe. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells as CSV text: CRLF line ends, as RFC 4180 says. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A report's rows as CSV: one column per dimension, then the value and its sample; the total when it is not split. */
export function reportCsv(result: ReportResult, groupBy: readonly ReportDimension[]): string {
  const info = METRICS[result.metric];
  const header = [...groupBy.map(dimensionLabel), `${info.label} (${info.unit})`, 'Sample'];
  const rows = groupBy.length === 0 ? [[result.total.value, result.total.sample]] : result.rows.map((r) => [...r.keys.map((k) => k.label), r.value, r.sample]);
  return toCsv([header, ...rows]);
}

/** Saves text as a file through the browser's download (works in Electron and the browser host). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a report's title: "first-response-time-by-channel.csv". */
export function csvFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'report'}.csv`;
}
