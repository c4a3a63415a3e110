import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TimelineMessage } from '../../../shared/ipc/views.ts';
import { isActivityEvent } from '../../../shared/model/message-event.ts';
import { useUi } from '../state/ui-store.ts';
import { usePaintedFor } from './after-paint.ts';
import { MessageItem } from './MessageItem.tsx';

/**
 * A long thread's first frame shows its first entry (what the ticket is about) and this many of
 * the newest (where the agent reads on); the entries between follow once that frame is painted.
 */
export const FIRST_FRAME_NEWEST = 10;
/** Within this many pixels of the end, the thread counts as scrolled to the newest entry. */
const AT_END_PX = 4;

/**
 * The thread, oldest first, kept scrolled to the newest entry when a ticket opens or grows (and
 * while it stays scrolled there, when the pane's size changes). A long thread is rendered in two
 * steps: its first and newest entries at once, every entry, in order, right after that frame.
 */
export function Conversation({ ticketId, messages, meId }: { ticketId: string; messages: TimelineMessage[]; meId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const showActivity = useUi((s) => s.showActivity);
  const shown = useMemo(() => (showActivity ? messages : messages.filter((m) => !isActivityEvent(m.event))), [showActivity, messages]);
  // Once painted, a ticket's thread stays whole, however it grows.
  const whole = usePaintedFor(ticketId) !== null || shown.length <= FIRST_FRAME_NEWEST + 1;
  const rendered = whole ? shown : [shown[0]!, ...shown.slice(-FIRST_FRAME_NEWEST)];

  const toEnd = () => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  };
  useLayoutEffect(() => {
    atEnd.current = true;
    toEnd();
  }, [ticketId, messages.length]);
  // The earlier entries came in above: stay on the newest one unless the agent scrolled away.
  useLayoutEffect(() => {
    if (whole && atEnd.current) toEnd();
  }, [whole]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => atEnd.current && toEnd());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => {
    const el = ref.current;
    if (el) atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX;
  };

  return (
    // Focusable so the thread scrolls from the keyboard too; busy while its earlier entries are still to come.
    <div ref={ref} role="log" aria-label="Conversation" aria-busy={!whole} className="conversation" tabIndex={0} onScroll={onScroll}>
      {messages.length === 0 && <p className="pane-note">No messages yet.</p>}
      {rendered.map((m, i) => (
        <MessageEntry key={m.id} message={m} meId={meId} gap={!whole && i === 0 ? shown.length - rendered.length : 0} />
      ))}
    </div>
  );
}

function MessageEntry({ message, meId, gap }: { message: TimelineMessage; meId: string; gap: number }) {
  return (
    <>
      <MessageItem message={message} meId={meId} />
      {gap > 0 && (
        <p className="pane-note conversation-gap">
          {gap} earlier message{gap === 1 ? '' : 's'}…
        </p>
      )}
    </>
  );
}
