import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';
import type { MetricUnit, ReportChart as ChartType, ReportKey } from '../../../shared/reports/index.ts';
import { useChartColours } from './chart-colours.ts';
import { formatAxisValue, formatValue } from './format.ts';
import type { Pivot } from './pivot.ts';

/** What a click on a chart drills into: one category and series, or a whole category (a point of a line). */
export type ChartDrill = { keys: ReportKey[] } | { category: ReportKey };

const HEIGHT = 220;

/**
 * A line, bar or stacked bar chart of a pivoted report, in the theme's colours. Clicking a bar lists
 * its tickets; clicking a point lists the tickets of that day (or week...). The table view is the
 * keyboard's way in (ReportView).
 */
export function ReportChart({ chart, pivot, unit, summary, onDrill }: { chart: ChartType; pivot: Pivot; unit: MetricUnit; summary: string; onDrill(drill: ChartDrill): void }) {
  const colours = useChartColours();
  const data = pivot.rows.map((r) => ({ label: r.label, ...Object.fromEntries(pivot.series.map((s, i) => [`s${i}`, r.values[s.id] ?? null])) }));
  const format = (v: unknown) => (typeof v === 'number' ? formatValue(unit, v) : '—');
  const axisTick = { fill: colours.text, fontSize: 11 };
  const multi = pivot.series.length > 1;
  const common = (
    <>
      <CartesianGrid stroke={colours.grid} vertical={false} />
      <XAxis dataKey="label" tick={axisTick} stroke={colours.grid} interval="preserveStartEnd" minTickGap={12} />
      <YAxis tick={axisTick} stroke={colours.grid} width={56} allowDecimals={unit !== 'tickets'} tickFormatter={(v: number) => formatAxisValue(unit, v)} />
      <Tooltip formatter={(v) => format(v)} contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border-strong)', color: 'var(--text)' }} />
      {multi && <Legend wrapperStyle={{ fontSize: 11, color: colours.text }} />}
    </>
  );
  const pointDrill = (state: MouseHandlerDataParam) => {
    const index = typeof state.activeIndex === 'number' ? state.activeIndex : Number(state.activeIndex);
    const row = Number.isInteger(index) ? pivot.rows[index] : undefined;
    if (!row) return;
    const only = pivot.series.length === 1 ? row.keys[pivot.series[0]!.id] : undefined;
    onDrill(only ? { keys: only } : { category: { id: row.id === '∅' ? null : row.id, label: row.label } });
  };
  return (
    <figure className="report-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 600, height: HEIGHT }}>
        {chart === 'line' ? (
          <LineChart data={data} onClick={pointDrill} accessibilityLayer={false}>
            {common}
            {pivot.series.map((s, i) => (
              <Line key={s.id} type="linear" dataKey={`s${i}`} name={s.label} stroke={colours.series[i % colours.series.length]} strokeWidth={2} dot={pivot.rows.length <= 31} isAnimationActive={false} connectNulls={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} accessibilityLayer={false}>
            {common}
            {pivot.series.map((s, i) => (
              <Bar
                key={s.id}
                dataKey={`s${i}`}
                name={s.label}
                fill={colours.series[i % colours.series.length]}
                stackId={chart === 'stacked_bar' ? 'stack' : undefined}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_, index) => {
                  const keys = pivot.rows[index]?.keys[s.id];
                  if (keys) onDrill({ keys });
                }}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
