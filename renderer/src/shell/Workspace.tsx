import type { Session } from '../../../shared/ipc/views.ts';
import { MacroManager } from '../composer/MacroManager.tsx';
import { CustomerPane } from '../customer/CustomerPane.tsx';
import { useShortcuts } from '../keyboard/use-shortcuts.ts';
import { BulkBar } from '../queue/BulkBar.tsx';
import { QueueHeader } from '../queue/QueueHeader.tsx';
import { ViewEditor } from '../queue/ViewEditor.tsx';
import { ViewNav } from '../queue/ViewNav.tsx';
import { TicketList } from '../queue/TicketList.tsx';
import { useUi } from '../state/ui-store.ts';
import { SlaPolicyEditorHost } from '../sla/SlaPolicyEditor.tsx';
import { InitialSyncProgress } from '../sync/InitialSyncProgress.tsx';
import { SyncIssuesPanel } from '../sync/SyncIssuesPanel.tsx';
import { useReconnectSync } from '../sync/use-reconnect-sync.ts';
import { TicketView } from '../ticket/TicketView.tsx';
import { MergeDialog } from '../ticket-actions/MergeDialog.tsx';
import { TopBar } from './TopBar.tsx';

type SignedIn = Extract<Session, { state: 'signed_in' }>;

/** The three panes: queue, ticket, customer. */
export function Workspace({ session }: { session: SignedIn }) {
  const openTicketId = useUi((s) => s.openTicketId);
  const focusComposer = useUi((s) => s.focusComposer);
  useReconnectSync();

  useShortcuts({
    r: () => openTicketId && focusComposer('reply'),
    n: () => openTicketId && focusComposer('note'),
  });

  return (
    <div className="workspace">
      <TopBar session={session} />
      <InitialSyncProgress />
      <div className="panes">
        <nav className="queue-pane" aria-label="Queue">
          <ViewNav />
          <QueueHeader />
          <TicketList />
          <BulkBar />
          <p className="shortcut-hint">
            <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>x</kbd> select · <kbd>r</kbd> reply · <kbd>n</kbd> note
          </p>
        </nav>
        <main className="ticket-pane">
          {openTicketId ? (
            <TicketView ticketId={openTicketId} meId={session.agent.id} />
          ) : (
            <p className="pane-note">Pick a ticket from the queue (j / k, then Enter).</p>
          )}
        </main>
        <CustomerPane ticketId={openTicketId} />
      </div>
      <SyncIssuesPanel />
      <MacroManager />
      <SlaPolicyEditorHost role={session.agent.role} />
      <ViewEditor />
      <MergeDialog />
    </div>
  );
}
