import type { Session } from '../../../shared/ipc/views.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useLogout } from '../data/mutations.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { NotificationsPanel } from '../notifications/NotificationsPanel.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { SyncIndicator } from '../sync/SyncIndicator.tsx';
import { NewTicketDialog } from '../ticket-actions/NewTicketDialog.tsx';
import { SectionNav } from './SectionNav.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

type SignedIn = Extract<Session, { state: 'signed_in' }>;

export function TopBar({ session }: { session: SignedIn }) {
  const logout = useLogout();
  return (
    <header className="top-bar">
      <span className="brand">Orbit</span>
      <span className="workspace-name" title={session.serverUrl}>
        {session.workspaceName}
      </span>
      <SectionNav />
      <SearchBox />
      <span className="spacer" />
      <NewTicketDialog />
      <SyncIndicator />
      <ThemeToggle />
      <span className="notification-anchor">
        <NotificationBell />
        <NotificationsPanel />
      </span>
      <span className="agent-name" title={session.agent.email}>
        {session.agent.name}
      </span>
      <button type="button" className="button-quiet" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Sign out
      </button>
      <ErrorText error={logout.error} />
    </header>
  );
}
