import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Draft } from '../../../shared/ipc/features/composer.ts';
import { useDesk } from '../desk/desk-context.tsx';

/** How long the composer waits after the last keystroke before keeping the draft. */
export const DRAFT_SAVE_DELAY_MS = 500;

type Pending = Omit<Draft, 'updatedAt'> | { ticketId: string; html: null };

/**
 * The ticket's draft, kept by the engine (it survives a restart): loaded once, saved debounced while
 * the agent types, written at once when the composer goes away (another ticket, closing the window).
 * `loaded` is undefined until the engine answered.
 */
export function useDraft(ticketId: string) {
  const desk = useDesk();
  const [loaded, setLoaded] = useState<Draft | null | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Pending | null>(null);

  useEffect(() => {
    let live = true;
    desk.invoke('draft.get', { ticketId }).then(
      (draft) => live && setLoaded(draft),
      () => live && setLoaded(null),
    );
    return () => {
      live = false;
    };
  }, [desk, ticketId]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    // A draft is a convenience: a failed save (engine restarting) is tried again at the next keystroke.
    await (next.html === null ? desk.invoke('draft.clear', { ticketId: next.ticketId }) : desk.invoke('draft.save', next)).catch(() => undefined);
  }, [desk]);

  const schedule = useCallback(
    (next: Pending) => {
      pending.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DRAFT_SAVE_DELAY_MS);
    },
    [flush],
  );

  const save = useCallback((draft: Omit<Draft, 'updatedAt' | 'ticketId'>) => schedule({ ticketId, ...draft }), [schedule, ticketId]);
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    return desk.invoke('draft.clear', { ticketId }).then(
      () => undefined,
      () => undefined,
    );
  }, [desk, ticketId]);
  const forget = useCallback(() => schedule({ ticketId, html: null }), [schedule, ticketId]);

  useEffect(() => () => void flush(), [flush]);

  return useMemo(() => ({ loaded, save, clear, forget, flush }), [loaded, save, clear, forget, flush]);
}
