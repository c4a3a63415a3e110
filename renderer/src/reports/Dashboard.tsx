import { STOCK_DASHBOARD, type ReportDefinition, type ReportFilter, type ReportRange, type SavedReport } from '../../../shared/reports/index.ts';
import type { WidgetResult } from '../../../shared/ipc/features/reports.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useSession } from '../data/queries.ts';
import { KpiTile } from './KpiTile.tsx';
import { ReportView } from './ReportView.tsx';
import { useDashboard, useReport, useSavedReports } from './report-data.ts';
import { useReports } from './reports-store.ts';

/** A saved report on the dashboard: the dashboard's range and team apply, as they do to the stock widgets. */
function PinnedReport({ saved, range, filter }: { saved: SavedReport; range: ReportRange; filter: ReportFilter }) {
  const definition: ReportDefinition = { ...saved.definition, range, filter: { ...saved.definition.filter, ...(filter.teamIds && { teamIds: filter.teamIds }) } };
  const report = useReport(definition);
  const edit = useReports((s) => s.edit);
  return (
    <ReportView
      title={saved.name}
      definition={definition}
      result={report.data}
      error={report.error?.message}
      actions={
        <button type="button" className="button-quiet" onClick={() => edit(saved.id)}>
          Edit
        </button>
      }
    />
  );
}

const outcome = (widgets: WidgetResult[] | undefined, id: string) => {
  const w = widgets?.find((x) => x.id === id);
  return w ? ('result' in w ? { result: w.result } : { error: w.error }) : {};
};

/** The stock dashboard: KPI tiles, then the charts, then the agent's pinned reports. */
export function Dashboard() {
  const range = useReports((s) => s.range);
  const teamIds = useReports((s) => s.teamIds);
  const filter: ReportFilter = teamIds.length ? { teamIds } : {};
  const dashboard = useDashboard(range, filter);
  const saved = useSavedReports();
  const session = useSession();
  const meId = session.data?.state === 'signed_in' ? session.data.agent.id : null;
  const widgets = dashboard.data?.widgets;
  const pinned = (saved.data ?? []).filter((r) => r.pinned && r.ownerId === meId);
  const kpis = STOCK_DASHBOARD.filter((w) => w.report.chart === 'number');
  const charts = STOCK_DASHBOARD.filter((w) => w.report.chart !== 'number');
  return (
    <div className="dashboard" aria-busy={dashboard.isFetching}>
      <ErrorText error={dashboard.error} />
      <div className="kpi-grid">
        {kpis.map((w) => (
          <KpiTile key={w.id} title={w.title} definition={{ ...w.report, range, filter }} {...outcome(widgets, w.id)} />
        ))}
      </div>
      <div className="report-grid">
        {charts.map((w) => (
          <ReportView key={w.id} title={w.title} definition={{ ...w.report, range, filter }} wide={w.wide} {...outcome(widgets, w.id)} />
        ))}
      </div>
      {pinned.length > 0 && (
        <>
          <h2 className="reports-subheading">Pinned reports</h2>
          <div className="report-grid">
            {pinned.map((r) => (
              <PinnedReport key={r.id} saved={r} range={range} filter={filter} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
