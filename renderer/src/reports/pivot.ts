import type { ReportResult } from '../../../shared/reports/index.ts';
import type { ReportKey } from '../../../shared/reports/index.ts';

/** One category of a chart (a day, a channel): its value per series, and the keys behind each for drill-down. */
export interface PivotRow {
  id: string;
  label: string;
  /** Series id → value (null: no data). */
  values: Record<string, number | null>;
  keys: Record<string, ReportKey[]>;
}

export interface Pivot {
  rows: PivotRow[];
  /** The second dimension's values, or one series ('value') when split once. */
  series: { id: string; label: string }[];
}

const keyId = (k: ReportKey) => k.id ?? '∅';

/** A result's rows as a chart reads them: categories by the first dimension, series by the second. */
export function pivot(result: ReportResult): Pivot {
  const rows = new Map<string, PivotRow>();
  const series = new Map<string, string>();
  for (const r of result.rows) {
    const [first, second] = r.keys;
    if (!first) continue;
    const sid = second ? keyId(second) : 'value';
    if (!series.has(sid)) series.set(sid, second ? second.label : 'Value');
    const id = keyId(first);
    const row = rows.get(id) ?? { id, label: first.label, values: {}, keys: {} };
    row.values[sid] = r.value;
    row.keys[sid] = r.keys;
    rows.set(id, row);
  }
  return { rows: [...rows.values()], series: [...series].map(([id, label]) => ({ id, label })) };
}
