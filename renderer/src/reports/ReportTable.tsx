import { METRICS, type ReportDimension, type ReportKey, type ReportResult } from '../../../shared/reports/index.ts';
import { dimensionLabel } from './dimensions.ts';
import { formatCount, formatValue } from './format.ts';

/** The numbers behind a chart as a table; each value is a button that lists its tickets. */
export function ReportTable({ caption, result, groupBy, onDrill }: { caption: string; result: ReportResult; groupBy: readonly ReportDimension[]; onDrill(keys: ReportKey[]): void }) {
  const info = METRICS[result.metric];
  const rows = groupBy.length === 0 ? [{ keys: [] as ReportKey[], value: result.total.value, sample: result.total.sample }] : result.rows;
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {groupBy.map((d) => (
              <th key={d} scope="col">
                {dimensionLabel(d)}
              </th>
            ))}
            <th scope="col" className="num">
              {info.label}
            </th>
            <th scope="col" className="num">
              Sample
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.keys.map((k) => k.id ?? '∅').join('|') || 'total'}>
              {r.keys.map((k, i) => (
                <th key={i} scope="row">
                  {k.label}
                </th>
              ))}
              <td className="num">
                <button type="button" className="cell-button" aria-label={`${formatValue(info.unit, r.value)}, ${[...r.keys.map((k) => k.label), 'show tickets'].join(', ')}`} onClick={() => onDrill(r.keys)}>
                  {formatValue(info.unit, r.value)}
                </button>
              </td>
              <td className="num">{formatCount(r.sample)}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={groupBy.length + 2}>No tickets in this period.</td>
            </tr>
          )}
        </tbody>
      </table>
      {result.truncated && <p className="muted">Only the largest {formatCount(result.rows.length)} rows are shown.</p>}
    </div>
  );
}
