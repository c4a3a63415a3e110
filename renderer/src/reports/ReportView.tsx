import { useId, useState, type ReactNode } from 'react';
import type { ReportDefinition, ReportKey, ReportResult } from '../../../shared/reports/index.ts';
import { METRICS } from '../../../shared/reports/index.ts';
import { csvFileName, downloadText, reportCsv } from './csv.ts';
import { formatSample, formatValue, noDataReason } from './format.ts';
import { pivot } from './pivot.ts';
import { ReportChart, type ChartDrill } from './ReportChart.tsx';
import { ReportTable } from './ReportTable.tsx';
import { useReports } from './reports-store.ts';
import { chartSummary } from './summary.ts';

/**
 * A report on a card: its chart (or the same numbers as a table, by the toggle), CSV export, and
 * drill-down from a bar, a point or a table cell. `result` undefined while it first loads (the card
 * keeps its height); `error` in words when the engine refused.
 */
export function ReportView({ title, definition, result: given, error, wide, actions }: { title: string; definition: ReportDefinition; result?: ReportResult; error?: string; wide?: boolean; actions?: ReactNode }) {
  // An answer kept from the previous definition while the next loads shows only if it has this one's shape.
  const result = given && given.metric === definition.metric && given.rows.every((r) => r.keys.length === definition.groupBy.length) ? given : undefined;
  const headingId = useId();
  const [asTable, setAsTable] = useState(definition.chart === 'table');
  const drillInto = useReports((s) => s.drillInto);
  const info = METRICS[definition.metric];
  const drill = (keys: ReportKey[]) => drillInto({ title: [title, ...keys.map((k) => k.label)].join(' · '), definition, keys });
  const chartDrill = (d: ChartDrill) => {
    if ('keys' in d) drill(d.keys);
    // A point of a line split twice: the tickets of that whole bucket.
    else drillInto({ title: `${title} · ${d.category.label}`, definition: { ...definition, groupBy: definition.groupBy.slice(0, 1) }, keys: [d.category] });
  };
  const chartable = definition.chart !== 'table' && definition.chart !== 'number' && definition.groupBy.length > 0;
  return (
    <section className={`report-card${wide ? ' wide' : ''}`} aria-labelledby={headingId} aria-busy={!result && !error}>
      <header className="report-card-head">
        <h3 id={headingId} title={info.description}>
          {title}
        </h3>
        {result && (
          <span className="report-card-actions">
            {chartable && (
              <button type="button" className="button-quiet" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
                {asTable ? 'Show as chart' : 'Show as table'}
              </button>
            )}
            <button type="button" className="button-quiet" onClick={() => downloadText(csvFileName(title), reportCsv(result, definition.groupBy))}>
              Export CSV
            </button>
            {actions}
          </span>
        )}
      </header>
      {error ? (
        <p className="report-error" role="alert">
          {error}
        </p>
      ) : !result ? (
        <div className="report-loading" aria-hidden="true" />
      ) : definition.groupBy.length === 0 || definition.chart === 'number' ? (
        <p className="report-number">
          <button type="button" className="kpi-value" onClick={() => drill([])}>
            {formatValue(info.unit, result.total.value)}
          </button>{' '}
          <span className="muted">{result.total.value === null ? noDataReason(definition.metric) : formatSample(definition.metric, result.total.sample)}</span>
        </p>
      ) : result.rows.every((r) => r.value === null) ? (
        <p className="report-empty muted">{noDataReason(definition.metric)}</p>
      ) : asTable || !chartable ? (
        <ReportTable caption={title} result={result} groupBy={definition.groupBy} onDrill={drill} />
      ) : (
        <ReportChart chart={definition.chart} pivot={pivot(result)} unit={info.unit} summary={chartSummary(definition.chart, result, definition.groupBy)} onDrill={chartDrill} />
      )}
    </section>
  );
}
