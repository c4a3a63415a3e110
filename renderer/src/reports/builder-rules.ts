import { METRICS, ReportDimension, type ReportChart, type ReportDefinition, type ReportMetric } from '../../../shared/reports/index.ts';
import { isTimeDimension } from './dimensions.ts';

/** What the first "Group by" offers: every dimension. */
export const FIRST_DIMENSIONS: readonly ReportDimension[] = ReportDimension.options;

/** What the second offers: nothing until the first is chosen; never the first again, and never a second time bucket. */
export function secondDimensions(first: ReportDimension | null): readonly ReportDimension[] {
  if (!first) return [];
  const firstIsTime = isTimeDimension(first);
  return ReportDimension.options.filter((d) => d !== first && !(firstIsTime && isTimeDimension(d)));
}

export const CHART_LABELS: Record<ReportChart, string> = { number: 'Number', line: 'Line', bar: 'Bars', stacked_bar: 'Stacked bars', table: 'Table' };

/**
 * Chart types that fit a report: a number only unsplit, a line only over time, stacked bars only
 * with two dimensions and a metric that adds up (counts: medians, shares and scores do not stack).
 */
export function chartsFor(metric: ReportMetric, groupBy: readonly ReportDimension[]): readonly ReportChart[] {
  if (groupBy.length === 0) return ['number', 'table'];
  const overTime = groupBy.some(isTimeDimension);
  if (groupBy.length === 1) return overTime ? ['line', 'bar', 'table'] : ['bar', 'table'];
  const stacks = METRICS[metric].unit === 'tickets';
  return [...(stacks ? (['stacked_bar'] as const) : []), ...(overTime ? (['line'] as const) : []), 'bar', 'table'];
}

/** The definition measuring another metric; a chart that no longer fits becomes the first that does. */
export function withMetric(definition: ReportDefinition, metric: ReportMetric): ReportDefinition {
  const charts = chartsFor(metric, definition.groupBy);
  return { ...definition, metric, chart: charts.includes(definition.chart) ? definition.chart : charts[0]! };
}

/**
 * The definition with a new split: a second dimension that no longer fits is dropped, and the chart
 * follows (the split's first chart when the number of dimensions changed, unless a table was asked for).
 */
export function withGroupBy(definition: ReportDefinition, first: ReportDimension | null, second: ReportDimension | null): ReportDefinition {
  const groupBy: ReportDimension[] = first ? [first] : [];
  if (first && second && secondDimensions(first).includes(second)) groupBy.push(second);
  const charts = chartsFor(definition.metric, groupBy);
  const keep = charts.includes(definition.chart) && (groupBy.length === definition.groupBy.length || definition.chart === 'table');
  return { ...definition, groupBy, chart: keep ? definition.chart : charts[0]! };
}
