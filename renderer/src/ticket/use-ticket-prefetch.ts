import { useEffect } from 'react';
import { usePrefetchTicket } from '../data/queries.ts';
import { useUi } from '../state/ui-store.ts';

/** How long the queue's cursor rests on a row before its ticket is fetched (j held down moves on without asking). */
export const CURSOR_PREFETCH_DELAY_MS = 60;

/**
 * The ticket and its customer pane are asked for as the store changes, outside React: an opened
 * ticket's invokes leave with the click or the Enter (whatever opened it: queue, search,
 * notification), not after the render the click causes; and a row the cursor rests on (j/k) is
 * fetched before Enter, as mail clients do.
 */
export function useTicketPrefetch(): void {
  const prefetch = usePrefetchTicket();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = useUi.subscribe((state, previous) => {
      if (state.openTicketId && state.openTicketId !== previous.openTicketId) prefetch(state.openTicketId);
      if (state.cursorId === previous.cursorId) return;
      clearTimeout(timer);
      const cursorId = state.cursorId;
      if (cursorId && cursorId !== state.openTicketId) timer = setTimeout(() => prefetch(cursorId), CURSOR_PREFETCH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [prefetch]);
}
