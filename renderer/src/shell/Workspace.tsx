import { lazy, Suspense } from 'react';
import type { Session } from '../../../shared/ipc/views.ts';
import { CommandPalette } from '../commands/CommandPalette.tsx';
import { useCommands } from '../commands/use-commands.ts';
import { MacroManager } from '../composer/MacroManager.tsx';
import { CustomerPane } from '../customer/CustomerPane.tsx';
import { HelpOverlay } from '../keyboard/HelpOverlay.tsx';
import { KeyCaps } from '../keyboard/KeyCaps.tsx';
import { useShortcutDispatcher } from '../keyboard/use-shortcut-dispatcher.ts';
import { useNotificationEvents } from '../notifications/use-notifications.ts';
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
import { useTicketPrefetch } from '../ticket/use-ticket-prefetch.ts';
import { MergeDialog } from '../ticket-actions/MergeDialog.tsx';
import { PANE_IDS, Panes } from './Panes.tsx';
import { TopBar } from './TopBar.tsx';
import { useShellCommands } from './use-shell-commands.ts';

type SignedIn = Extract<Session, { state: 'signed_in' }>;

/** Reports (and their chart library) load when first opened, not with the queue at startup. */
const ReportsScreen = lazy(() => import('../reports/ReportsScreen.tsx').then((m) => ({ default: m.ReportsScreen })));

/** r / n while a ticket is open, in the queues or beside a report; renders nothing, so opening a ticket re-renders only this. */
function TicketShortcuts() {
  const openTicketId = useUi((s) => s.openTicketId);
  const focusComposer = useUi((s) => s.focusComposer);
  useCommands([
    { id: 'ticket.reply', title: 'Reply to the customer', section: 'Ticket', keys: 'r', keywords: ['answer', 'respond', 'composer'], enabled: !!openTicketId, run: () => focusComposer('reply') },
    { id: 'ticket.note', title: 'Add an internal note', section: 'Ticket', keys: 'n', keywords: ['comment', 'private', 'composer'], enabled: !!openTicketId, run: () => focusComposer('note') },
  ]);
  return null;
}

/** The middle pane: the open ticket. */
function OpenTicket({ meId }: { meId: string }) {
  const openTicketId = useUi((s) => s.openTicketId);
  return openTicketId ? <TicketView ticketId={openTicketId} meId={meId} /> : <p className="pane-note">Pick a ticket from the queue (j / k, then Enter).</p>;
}

function OpenCustomer() {
  return <CustomerPane ticketId={useUi((s) => s.openTicketId)} />;
}

/**
 * The three panes (queue, ticket, customer) or the Reports screen, the top bar, and the shell's
 * overlays and shortcuts. It reads no open ticket itself: opening one re-renders the two panes that
 * show it, not the queue.
 */
export function Workspace({ session }: { session: SignedIn }) {
  const section = useUi((s) => s.section);
  useReconnectSync();
  useShortcutDispatcher();
  useNotificationEvents();
  useShellCommands();
  useTicketPrefetch();

  return (
    <div className="workspace">
      <TopBar session={session} />
      <InitialSyncProgress />
      <TicketShortcuts />
      {section === 'reports' ? (
        <Suspense fallback={<p className="pane-note">Loading reports…</p>}>
          <ReportsScreen meId={session.agent.id} />
        </Suspense>
      ) : (
        <Panes
          queue={
            <nav id={PANE_IDS.queue} className="queue-pane" aria-label="Queue">
              <ViewNav />
              <QueueHeader />
              <TicketList />
              <BulkBar />
              <p className="shortcut-hint">
                <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>x</kbd> select · <kbd>?</kbd> keys · <KeyCaps keys="Mod+k" /> commands
              </p>
            </nav>
          }
          ticket={
            <main id={PANE_IDS.ticket} className="ticket-pane">
              <OpenTicket meId={session.agent.id} />
            </main>
          }
          customer={
            <div id={PANE_IDS.customer} className="customer-pane-wrap">
              <OpenCustomer />
            </div>
          }
        />
      )}
      <SyncIssuesPanel />
      <MacroManager />
      <SlaPolicyEditorHost role={session.agent.role} />
      <ViewEditor />
      <MergeDialog />
      <CommandPalette />
      <HelpOverlay />
    </div>
  );
}
