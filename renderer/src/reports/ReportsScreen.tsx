import { TicketView } from '../ticket/TicketView.tsx';
import { useUi } from '../state/ui-store.ts';
import { Dashboard } from './Dashboard.tsx';
import { DrillDown } from './DrillDown.tsx';
import { RangePicker } from './RangePicker.tsx';
import { ReportBuilder } from './ReportBuilder.tsx';
import { SavedReports } from './SavedReports.tsx';
import { TeamFilter } from './TeamFilter.tsx';
import { useSavedReports } from './report-data.ts';
import { useReports, type ReportsTab } from './reports-store.ts';

export const REPORTS_MAIN_ID = 'reports-main';

const TABS: { id: ReportsTab; label: string }[] = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'custom', label: 'Custom reports' },
];

function CustomReports() {
  const editingId = useReports((s) => s.editingId);
  const saved = useSavedReports();
  const subject = editingId ? (saved.data?.find((r) => r.id === editingId) ?? null) : null;
  return (
    <div className="custom-reports">
      <SavedReports />
      {editingId && !subject && saved.isPending ? <p className="pane-note">Loading the report…</p> : <ReportBuilder saved={subject} />}
    </div>
  );
}

/** The Reports section: the stock dashboard or the custom reports, and beside them the drill-down and the ticket opened from it. */
export function ReportsScreen({ meId }: { meId: string }) {
  const { tab, setTab, range, setRange, teamIds, setTeamIds, drill, ticketShown, showTicket } = useReports();
  const openTicketId = useUi((s) => s.openTicketId);
  const aside = ticketShown && openTicketId ? 'ticket' : drill ? 'drill' : null;
  return (
    <div className={`reports-layout${aside ? ' with-aside' : ''}`}>
      <main id={REPORTS_MAIN_ID} className="reports-main" aria-label="Reports">
        <header className="reports-head">
          <h1>Reports</h1>
          <div role="tablist" aria-label="Reports" className="reports-tabs">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" id={`reports-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="reports-panel" onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          {tab === 'dashboard' && (
            <span className="reports-controls">
              <RangePicker range={range} onChange={setRange} />
              <TeamFilter teamIds={teamIds} onChange={setTeamIds} />
            </span>
          )}
        </header>
        <div id="reports-panel" role="tabpanel" aria-labelledby={`reports-tab-${tab}`} className="reports-panel">
          {tab === 'dashboard' ? <Dashboard /> : <CustomReports />}
        </div>
      </main>
      {aside && (
        <aside className="reports-aside" aria-label={aside === 'ticket' ? 'Ticket' : 'Drill-down'}>
          {aside === 'ticket' ? (
            <>
              <button type="button" className="button-quiet" onClick={() => showTicket(false)}>
                {drill ? '← Back to the tickets' : 'Close the ticket'}
              </button>
              <TicketView ticketId={openTicketId!} meId={meId} />
            </>
          ) : (
            <DrillDown target={drill!} />
          )}
        </aside>
      )}
    </div>
  );
}
