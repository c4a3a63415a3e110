import { METRICS, type ReportDefinition, type ReportResult } from '../../../shared/reports/index.ts';
import { formatSample, formatValue, noDataReason, trendOf } from './format.ts';
import { useReports } from './reports-store.ts';

const ARROWS = { up: '▲', down: '▼', flat: '▬' } as const;

/** A KPI: the value in its unit, the trend from the previous period (arrow, colour and words), and how many tickets it is from. */
export function KpiTile({ title, definition, result, error }: { title: string; definition: ReportDefinition; result?: ReportResult; error?: string }) {
  const drillInto = useReports((s) => s.drillInto);
  const info = METRICS[definition.metric];
  const trend = result ? trendOf(definition.metric, result.total, result.previous) : null;
  const empty = result && result.total.value === null;
  return (
    <section className="kpi-tile" aria-label={title} aria-busy={!result && !error}>
      <h3 className="kpi-title" title={info.description}>
        {title}
      </h3>
      {error ? (
        <p className="kpi-reason">{error}</p>
      ) : !result ? (
        <p className="kpi-value kpi-loading" aria-hidden="true">
          …
        </p>
      ) : (
        <>
          <button type="button" className="kpi-value" title="Show the tickets behind this number" onClick={() => drillInto({ title, definition, keys: [] })}>
            {formatValue(info.unit, result.total.value)}
          </button>
          {empty ? (
            <p className="kpi-reason">{noDataReason(definition.metric)}</p>
          ) : (
            <p className="kpi-sample">{formatSample(definition.metric, result.total.sample)}</p>
          )}
          {trend && (
            <p className={`kpi-trend trend-${trend.good === null ? 'flat' : trend.good ? 'good' : 'bad'}`}>
              <span aria-hidden="true">{ARROWS[trend.direction]}</span> {trend.words}
            </p>
          )}
        </>
      )}
    </section>
  );
}
