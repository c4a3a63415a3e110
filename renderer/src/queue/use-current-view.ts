import type { QueueRef, ViewListItem } from '../../../shared/ipc/features/queues.ts';
import { QueueView } from '../../../shared/ipc/views.ts';
import { useViews } from '../data/queries.ts';
import { useUi } from '../state/ui-store.ts';

/** The queue shown now: its reference for `queue.viewPage`, and its entry in the navigation (once loaded). */
export function useCurrentView(): { ref: QueueRef; item: ViewListItem | undefined; views: ViewListItem[] } {
  const view = useUi((s) => s.view);
  const savedViewId = useUi((s) => s.savedViewId);
  const views = useViews().data ?? [];
  const id = savedViewId ?? view;
  return { ref: savedViewId ? { viewId: savedViewId } : { view }, item: views.find((v) => v.id === id), views };
}

/** Shows a view of the navigation: a built-in queue or a saved view. */
export function useChooseView(): (v: ViewListItem) => void {
  const setView = useUi((s) => s.setView);
  const showSavedView = useUi((s) => s.showSavedView);
  return (v) => {
    const builtin = QueueView.safeParse(v.id);
    if (v.builtin && builtin.success) setView(builtin.data);
    else showSavedView(v.id);
  };
}
