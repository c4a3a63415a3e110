import { memo } from 'react';
import type { TimelineMessage } from '../../../shared/ipc/views.ts';
import { AttachmentList } from '../attachments/AttachmentList.tsx';
import { PendingSyncMark } from '../common/PendingSyncMark.tsx';
import { formatDateTime, formatFull } from '../format/time.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { HtmlBody } from './HtmlBody.tsx';
import { sanitizeRichText } from './sanitize-html.ts';

const kindName = { reply: 'Reply', note: 'Internal note', event: 'Event' } as const;

function Stamp({ at }: { at: string }) {
  return (
    <time dateTime={at} title={formatFull(at)}>
      {formatDateTime(at)}
    </time>
  );
}

/**
 * One entry of the conversation: plain text, an agent's rich text reduced to the composer's tags, or
 * a customer's HTML email, sanitized and shown only in a sandboxed frame (HtmlBody). Memoized: a
 * refreshed thread keeps its unchanged messages (the query shares them), and they are not rendered again.
 */
export const MessageItem = memo(function MessageItem({ message, meId }: { message: TimelineMessage; meId: string }) {
  const label = `${kindName[message.kind]} from ${message.authorName}`;
  if (message.event?.type === 'conflict') return <ConflictNotice message={message} event={message.event} meId={meId} stamp={<Stamp at={message.createdAt} />} />;
  if (message.kind === 'event') {
    return (
      <article aria-label={label} className={`message message-event${message.event ? ` event-${message.event.type}` : ''}`}>
        <span className="event-body">{message.body}</span> <Stamp at={message.createdAt} />
      </article>
    );
  }
  const fromCustomer = message.authorType === 'contact';
  const tag = message.kind === 'note' ? 'Internal note' : fromCustomer ? 'Customer' : 'Public reply';
  return (
    <article aria-label={label} className={`message message-${message.kind}${fromCustomer ? ' from-customer' : ' from-agent'}`}>
      <header className="message-head">
        <span className="message-author">{message.authorName}</span>
        <span className="message-tag">{tag}</span>
        <Stamp at={message.createdAt} />
        {message.pendingSync && <PendingSyncMark />}
      </header>
      {message.bodyHtml === null ? (
        <div className="message-body">{message.body}</div>
      ) : fromCustomer ? (
        <HtmlBody html={message.bodyHtml} text={message.body} label={label} />
      ) : (
        // Reduced to the composer's own tags by sanitizeRichText; never the stored HTML as is.
        <div className="message-body rich-text" dangerouslySetInnerHTML={{ __html: sanitizeRichText(message.bodyHtml) }} />
      )}
      {message.attachments.length > 0 && <AttachmentList attachments={message.attachments} />}
    </article>
  );
});
