import { z } from 'zod';
import { EntityKind, Id, IsoTime } from '../model/common.ts';
import { CHECKSUM_MODULUS } from './row-hash.ts';
import { Scope } from './scopes.ts';

/** Largest batch a client may push at once; the server refuses bigger ones with 413. */
export const MAX_PUSH_MUTATIONS = 500;
/** Largest request body the sync endpoints accept, in bytes. */
export const MAX_SYNC_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Position in the server's change log. `seq` counts commits in one workspace;
 * a new `epoch` (e.g. after a restore) means every replica must re-bootstrap.
 */
export const Cursor = z.object({ epoch: z.string().min(1).max(100), seq: z.number().int().nonnegative() });
export type Cursor = z.infer<typeof Cursor>;

export const PendingMutation = z.object({
  /** The client's counter: 1, 2, 3... with no gaps. */
  id: z.number().int().positive(),
  /** Versioned mutator name, e.g. `message.add@1`. */
  name: z.string().min(1).max(100),
  args: z.unknown(),
  /** Client clock at the time of the mutation; informational only. */
  createdAt: IsoTime,
});
export type PendingMutation = z.infer<typeof PendingMutation>;

export const PushRequest = z.object({
  clientId: Id,
  mutations: z.array(PendingMutation).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationOutcome = z.object({
  id: z.number().int().positive(),
  /** applied: committed now. duplicate: applied earlier, skipped. rejected: permanently refused (now, or earlier for a resend), counter advanced. */
  status: z.enum(['applied', 'duplicate', 'rejected']),
  error: z.string().optional(),
});
export type MutationOutcome = z.infer<typeof MutationOutcome>;

export const PushResponse = z.object({
  lastMutationId: z.number().int().nonnegative(),
  results: z.array(MutationOutcome),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const Change = z.object({
  seq: z.number().int().positive(),
  kind: EntityKind,
  id: Id,
  /** put: the row as it is now (its version is `seq`). del: the row is gone for the reader (deleted, or it left every scope the reader has). */
  op: z.enum(['put', 'del']),
  /** The whole row after the change (validated by the receiver with entitySchemas[kind]); null for del. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof Change>;

export const PullRequest = z.object({
  clientId: Id,
  cursor: Cursor,
  limit: z.number().int().positive().max(5000).optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

/** How many rows a scope holds and the sum of their row hashes (shared/sync/row-hash.ts), at some cursor. */
export const ScopeChecksum = z.object({
  scope: Scope,
  count: z.number().int().nonnegative(),
  sum: z.number().int().nonnegative().lt(CHECKSUM_MODULUS),
});
export type ScopeChecksum = z.infer<typeof ScopeChecksum>;

export const PullResponse = z.discriminatedUnion('reset', [
  z.object({
    reset: z.literal(false),
    cursor: Cursor,
    /** The last mutation of this client the server has applied or rejected. */
    lastMutationId: z.number().int().nonnegative(),
    changes: z.array(Change),
    /** More changes wait beyond `cursor`: pull again at once. */
    more: z.boolean(),
    /**
     * On the page that reaches the head (more: false): every scope the caller has now, with its
     * checksum at `cursor`. Scopes new to the replica are downloaded, missing ones purged.
     */
    checksums: z.array(ScopeChecksum).optional(),
    /** The log no longer holds every change of these scopes after the request's cursor (compacted): download them again. */
    resetScopes: z.array(Scope).optional(),
  }),
  /** The cursor's epoch is gone (restore) or ahead of the server: bootstrap again, keeping the outbox. */
  z.object({ reset: z.literal(true), reason: z.string() }),
]);
export type PullResponse = z.infer<typeof PullResponse>;

/** Starts a bootstrap: the snapshot pages that follow are read at or after `cursor`. */
export const BootstrapResponse = z.object({
  cursor: Cursor,
  lastMutationId: z.number().int().nonnegative(),
  counts: z.partialRecord(EntityKind, z.number().int().nonnegative()),
  /** The caller's scopes: what the snapshot pages are asked for. */
  scopes: z.array(Scope),
});
export type BootstrapResponse = z.infer<typeof BootstrapResponse>;

/**
 * A share of the ticket history, so that an initial sync can bring the open work first. Which
 * share a ticket (and its thread) is in depends only on the ticket's state as of `cursorSeq`: a
 * ticket changed after it counts as `rest`, the last share, so a ticket whose state changes during
 * the download moves to a share not read yet and is never missed.
 */
export const HistoryPart = z.object({
  part: z.enum(['open', 'recent', 'rest']),
  /** The bootstrap cursor's seq. */
  cursorSeq: z.number().int().nonnegative(),
  /** Solved and closed tickets updated since then are `recent`; older ones are `rest`. */
  recentSince: IsoTime,
});
export type HistoryPart = z.infer<typeof HistoryPart>;

export const SnapshotRequest = z.object({
  clientId: Id,
  kind: EntityKind,
  /** Rows of these scopes only; scopes the caller does not have are left out. */
  scopes: z.array(Scope).min(1).max(10_000),
  /** For tickets and messages: only this share of the history. */
  history: HistoryPart.optional(),
  /** Keyset position: `next` of the previous page, or null for the first page. */
  after: z.string().min(1).max(200).nullable(),
  limit: z.number().int().positive().max(5000).optional(),
});
export type SnapshotRequest = z.infer<typeof SnapshotRequest>;

export const SnapshotResponse = z.object({
  /** Each checked against its kind's schema as the engine writes it (a bad one is skipped): not here too, a copy of every row. */
  rows: z.array(z.unknown()),
  /** The version of each row, in the same order: the seq of the change that made it (0 before any). */
  versions: z.array(z.number().int().nonnegative()),
  /** Pass as `after` for the next page; null when this kind is done. */
  next: z.string().nullable(),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

/** Sent over the realtime WebSocket after every commit the client may see. */
export const ServerEvent = z.discriminatedUnion('type', [z.object({ type: z.literal('poke'), seq: z.number().int() })]);
export type ServerEvent = z.infer<typeof ServerEvent>;

export const LoginRequest = z.object({ email: z.email().max(320), password: z.string().min(1).max(1000) });
export const LoginResponse = z.object({ token: z.string(), agentId: Id, workspaceName: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** Error body of every 4xx/5xx answer of the API. */
export const ApiError = z.object({ error: z.string(), message: z.string(), expected: z.number().int().optional() });
export type ApiError = z.infer<typeof ApiError>;
