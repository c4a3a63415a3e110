import type { ReactNode } from 'react';
import type { TimelineMessage } from '../../../shared/ipc/views.ts';
import type { ConflictEvent } from '../../../shared/model/message-event.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useReapply } from '../data/mutations.ts';

/**
 * Two agents changed the same field; the server kept the later change. Both see this; the agent
 * whose value was overwritten may set it again (on what the ticket shows now).
 */
export function ConflictNotice({ message, event, meId, stamp }: { message: TimelineMessage; event: ConflictEvent; meId: string; stamp: ReactNode }) {
  const reapply = useReapply();
  const mine = event.lost.by === meId;
  return (
    <article aria-label="Conflict notice" className="message message-event message-conflict">
      <p className="event-body">{message.body}</p>
      <div className="conflict-actions">
        {stamp}
        {mine && (
          <button type="button" className="button-quiet" disabled={reapply.isPending || reapply.isSuccess} onClick={() => reapply.mutate({ messageId: message.id })}>
            {reapply.isSuccess ? 'Re-applied' : 'Re-apply'}
          </button>
        )}
      </div>
      <ErrorText error={reapply.error} />
    </article>
  );
}
