import type { QueueView } from '../../../shared/ipc/views.ts';
import type { Command } from '../commands/command.ts';
import { useCommands } from '../commands/use-commands.ts';
import { useLogout, useSyncNow } from '../data/mutations.ts';
import { TICKET_LIST_ID } from '../queue/ViewNav.tsx';
import { useChooseView, useCurrentView } from '../queue/use-current-view.ts';
import { useUi } from '../state/ui-store.ts';
import { PANE_IDS } from './Panes.tsx';
import { useShell } from './shell-store.ts';
import { setTheme, toggleTheme, useTheme } from './theme.ts';

/** 'g' then the view's letter. */
const VIEW_KEYS: Partial<Record<QueueView, string>> = { mine: 'g m', unassigned: 'g u', team: 'g t', all: 'g a' };

/** Focuses the first focusable thing in a pane, else the pane itself. */
function focusPane(id: string, preferred?: string): void {
  const pane = document.getElementById(id);
  if (!pane) return;
  const target =
    (preferred ? document.getElementById(preferred) : null) ??
    pane.querySelector<HTMLElement>('button:not(:disabled), [href], input:not(:disabled), textarea:not(:disabled), select, [tabindex]:not([tabindex="-1"])');
  if (target) {
    target.focus();
    return;
  }
  pane.tabIndex = -1;
  pane.focus();
}

/** The commands that belong to no feature: palette, help, theme, panes, views, sync, session. */
export function useShellCommands(): void {
  const shell = useShell();
  const { views } = useCurrentView();
  const chooseView = useChooseView();
  const setSyncIssuesOpen = useUi((s) => s.setSyncIssuesOpen);
  const section = useUi((s) => s.section);
  const setSection = useUi((s) => s.setSection);
  const syncNow = useSyncNow();
  const logout = useLogout();
  const theme = useTheme();

  useCommands([
    { id: 'shell.palette', title: 'Open the command palette', section: 'General', keys: 'Mod+k', keywords: ['commands', 'actions'], run: () => shell.setPaletteOpen(!shell.paletteOpen) },
    { id: 'shell.help', title: 'Keyboard shortcuts', section: 'General', keys: '?', keywords: ['help', 'keys', 'cheat sheet'], run: () => shell.setHelpOpen(true) },
    { id: 'shell.notifications', title: 'Show notifications', section: 'General', keys: 'g n', keywords: ['bell', 'mentions', 'assigned', 'inbox'], run: () => shell.setNotificationsOpen(true) },
    {
      id: 'shell.theme',
      title: theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme',
      section: 'View',
      keywords: ['theme', 'dark', 'light', 'appearance', 'colour', 'color'],
      run: toggleTheme,
    },
    { id: 'shell.themeSystem', title: 'Follow the system theme', section: 'View', keywords: ['theme', 'dark', 'light', 'appearance', 'auto'], run: () => setTheme(null) },
    { id: 'shell.focusQueue', title: 'Focus the queue', section: 'View', keys: 'Alt+1', keywords: ['pane', 'list'], run: () => focusPane(PANE_IDS.queue, TICKET_LIST_ID) },
    { id: 'shell.focusTicket', title: 'Focus the conversation', section: 'View', keys: 'Alt+2', keywords: ['pane', 'ticket'], run: () => focusPane(PANE_IDS.ticket) },
    { id: 'shell.focusCustomer', title: 'Focus the customer pane', section: 'View', keys: 'Alt+3', keywords: ['pane', 'contact', 'account'], run: () => focusPane(PANE_IDS.customer) },
    { id: 'shell.reports', title: 'Go to Reports', section: 'Go to', keys: 'g r', keywords: ['dashboard', 'analytics', 'metrics', 'charts', 'csat'], enabled: section !== 'reports', run: () => setSection('reports') },
    { id: 'shell.queues', title: 'Go to Queues', section: 'Go to', keys: 'g q', keywords: ['tickets', 'inbox', 'views'], enabled: section !== 'queues', run: () => setSection('queues') },
    ...views.map(
      (v): Command => ({
        id: `shell.view.${v.id}`,
        title: `Go to ${v.name}`,
        section: 'Go to',
        ...(v.builtin && { keys: VIEW_KEYS[v.id as QueueView] }),
        keywords: ['view', 'queue'],
        run: () => chooseView(v),
      }),
    ),
    { id: 'shell.syncNow', title: 'Sync now', section: 'Sync', keywords: ['refresh', 'pull', 'push'], enabled: !syncNow.isPending, run: () => syncNow.mutate() },
    { id: 'shell.syncIssues', title: 'Open sync issues', section: 'Sync', keywords: ['rejected', 'errors', 'refused'], run: () => setSyncIssuesOpen(true) },
    { id: 'shell.signOut', title: 'Sign out', section: 'General', keywords: ['log out', 'logout', 'exit'], enabled: !logout.isPending, run: () => logout.mutate() },
  ]);
}
