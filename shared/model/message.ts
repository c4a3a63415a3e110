import { z } from 'zod';
import { Id, IsoTime } from './common.ts';
import { Attachment } from './attachment.ts';
import { MessageEvent } from './message-event.ts';

/** Longest message body accepted anywhere (characters). Longer input is refused, never truncated. */
export const MAX_BODY_CHARS = 100_000;

export const MessageKind = z.enum(['reply', 'note', 'event']);
export type MessageKind = z.infer<typeof MessageKind>;

export const AuthorType = z.enum(['agent', 'contact', 'system']);
export type AuthorType = z.infer<typeof AuthorType>;

/** One entry in a ticket's conversation: a public reply, an internal note, or a system event. Append-only. */
export const Message = z.object({
  id: Id,
  ticketId: Id,
  kind: MessageKind,
  authorType: AuthorType,
  /** Agent id or contact id, by authorType; null for system events. */
  authorId: Id.nullable(),
  body: z.string().max(MAX_BODY_CHARS),
  /**
   * What a system event is about, for the UI to act on (e.g. re-apply after a conflict); null for other
   * messages. Added after the first release: rows written before it (change log, outboxes) read as null.
   */
  event: MessageEvent.nullable().default(null),
  /**
   * The HTML a customer's email came with, or an agent's rich text: untrusted, always sanitized
   * (DOMPurify) before display and shown in a sandboxed frame; `body` is its plain-text fallback.
   * Fields below were added after the first release: older rows read null / [].
   */
  bodyHtml: z.string().max(MAX_BODY_CHARS * 4).nullable().default(null),
  attachments: z.array(Attachment).max(50).default([]),
  /** Agents @mentioned in a note (they are notified). */
  mentionIds: z.array(Id).max(50).default([]),
  createdAt: IsoTime,
});
export type Message = z.infer<typeof Message>;
