import type { QueuePage } from '../../../shared/ipc/views.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { useUi } from '../state/ui-store.ts';
import { useCurrentView } from './use-current-view.ts';

/** "Select all in view" picks at most this many tickets (pages of 500). */
export const SELECT_ALL_LIMIT = 2000;

/** Picks every ticket of the shown view in its order, not only the loaded rows (up to SELECT_ALL_LIMIT). */
export function useSelectAll(): () => Promise<void> {
  const desk = useDesk();
  const { ref } = useCurrentView();
  const sortOverride = useUi((s) => s.sortOverride);
  return async () => {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: QueuePage = await desk.invoke('queue.viewPage', { ref, ...(sortOverride && { sort: sortOverride }), after, limit: 500 });
      ids.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after && ids.length < SELECT_ALL_LIMIT);
    useUi.getState().setSelection(ids.slice(0, SELECT_ALL_LIMIT));
  };
}
