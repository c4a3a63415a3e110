import { METRICS, type ReportDimension, type ReportResult } from '../../../shared/reports/index.ts';
import { CHART_LABELS } from './builder-rules.ts';
import { dimensionLabel } from './dimensions.ts';
import { formatValue } from './format.ts';
import type { ReportChart } from '../../../shared/reports/index.ts';

/** A chart in one sentence for screen readers: what it shows, how many values, the lowest and highest and the total. */
export function chartSummary(chart: ReportChart, result: ReportResult, groupBy: readonly ReportDimension[]): string {
  const info = METRICS[result.metric];
  const by = groupBy.length ? ` by ${groupBy.map((d) => dimensionLabel(d).toLowerCase()).join(' and ')}` : '';
  const values = result.rows.map((r) => r.value).filter((v): v is number => v !== null);
  const head = `${CHART_LABELS[chart]} chart of ${info.label}${by}`;
  if (values.length === 0) return `${head}: no data in this period.`;
  const low = result.rows.find((r) => r.value === Math.min(...values))!;
  const high = result.rows.find((r) => r.value === Math.max(...values))!;
  const name = (r: (typeof result.rows)[number]) => r.keys.map((k) => k.label).join(', ');
  return `${head}: ${result.rows.length} values, lowest ${formatValue(info.unit, low.value)} (${name(low)}), highest ${formatValue(info.unit, high.value)} (${name(high)}); overall ${formatValue(info.unit, result.total.value)}.`;
}
