import { z } from 'zod';
import { Article, ArticleStatus, Id, IsoTime, Priority, TicketStatus } from '../../model/index.ts';

/**
 * One search hit. Text fields that may carry highlights (subject, name, email, title, snippet)
 * mark matched words with MARK_OPEN / MARK_CLOSE (shared/rules/search-query.ts), private-use
 * characters the renderer turns into <mark> elements; never HTML.
 */
export const SearchHit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    id: Id,
    number: z.number().int().nullable(),
    subject: z.string(),
    status: TicketStatus,
    priority: Priority,
    /** Where the words were found: the ticket (subject, tags, number) or one of its messages. */
    via: z.enum(['ticket', 'message']),
    /** The matching part of the message (via message), or the matching tags; null otherwise. */
    snippet: z.string().nullable(),
    updatedAt: IsoTime,
  }),
  z.object({
    kind: z.literal('contact'),
    id: Id,
    name: z.string(),
    email: z.string(),
    accountName: z.string().nullable(),
    /** Their most recent ticket; null when they have none on this replica. */
    ticketId: Id.nullable(),
  }),
  z.object({ kind: z.literal('account'), id: Id, name: z.string(), domain: z.string().nullable(), ticketId: Id.nullable() }),
  z.object({ kind: z.literal('article'), id: Id, title: z.string(), snippet: z.string().nullable(), status: ArticleStatus }),
]);
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroupKind = z.enum(['ticket', 'contact', 'account', 'article']);
export type SearchGroupKind = z.infer<typeof SearchGroupKind>;

export const SearchResults = z.object({
  /** Non-empty groups in display order: tickets, contacts, accounts, articles. */
  groups: z.array(z.object({ kind: SearchGroupKind, hits: z.array(SearchHit) })),
  /** Why there is nothing to show (a query that cannot be searched), in words for the agent. */
  hint: z.string().nullable(),
  /** The index is still being built (after an initial sync): results may be incomplete. */
  indexing: z.boolean(),
});
export type SearchResults = z.infer<typeof SearchResults>;

/** Procedures and events of the agent workspace: search over the replica. Spread into shared/ipc/contract.ts. */
export const searchProcedures = {
  /** Full-text search with filters (the query language of shared/rules/search-query.ts); `limit` per group. */
  'search.query': {
    input: z.object({ text: z.string().max(100_000), limit: z.number().int().min(1).max(50).default(8) }),
    output: SearchResults,
  },
  /** An article as the reader panel shows it. */
  'search.article': { input: z.object({ id: Id }), output: Article.nullable() },
} as const;

export const searchEvents = {} as const;
