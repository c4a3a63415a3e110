import { useLayoutEffect, useRef } from 'react';
import type { TimelineMessage } from '../../../shared/ipc/views.ts';
import { isActivityEvent } from '../../../shared/model/message-event.ts';
import { useUi } from '../state/ui-store.ts';
import { MessageItem } from './MessageItem.tsx';

/** The thread, oldest first, kept scrolled to the newest entry when a ticket opens or grows. */
export function Conversation({ ticketId, messages, meId }: { ticketId: string; messages: TimelineMessage[]; meId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const showActivity = useUi((s) => s.showActivity);
  const shown = showActivity ? messages : messages.filter((m) => !isActivityEvent(m.event));
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [ticketId, messages.length]);

  return (
    // Focusable so the thread scrolls from the keyboard too.
    <div ref={ref} role="log" aria-label="Conversation" className="conversation" tabIndex={0}>
      {messages.length === 0 && <p className="pane-note">No messages yet.</p>}
      {shown.map((m) => (
        <MessageItem key={m.id} message={m} meId={meId} />
      ))}
    </div>
  );
}
