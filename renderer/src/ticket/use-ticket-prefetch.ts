import { useCallback, useEffect, useRef } from 'react';
import { usePrefetchTicket } from '../data/queries.ts';
import { useUi } from '../state/ui-store.ts';

/** How long the queue's cursor or the mouse rests on a row before its ticket is fetched (j held down, or a sweep of the mouse, moves on without asking). */
export const PREFETCH_REST_MS = 60;

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
      if (cursorId && cursorId !== state.openTicketId) timer = setTimeout(() => prefetch(cursorId), PREFETCH_REST_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [prefetch]);
}

/**
 * For a list of rows: a pointerover handler that fetches the ticket of the row the mouse rests on
 * (`ticketIdOf` reads it from the row's element), so that the click usually finds it cached.
 */
export function useHoverPrefetch(ticketIdOf: (row: Element) => string | null): (event: { target: EventTarget }) => void {
  const prefetch = usePrefetchTicket();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (event) => {
      clearTimeout(timer.current);
      const row = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      const ticketId = row && ticketIdOf(row);
      if (ticketId) timer.current = setTimeout(() => prefetch(ticketId), PREFETCH_REST_MS);
    },
    [prefetch, ticketIdOf],
  );
}
