import { z } from 'zod';
import { EntityKind, Id, IsoTime } from '../model/common.ts';

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

export const PullResponse = z.discriminatedUnion('reset', [
  z.object({
    reset: z.literal(false),
    cursor: Cursor,
    /** The last mutation of this client the server has applied or rejected. */
    lastMutationId: z.number().int().nonnegative(),
    changes: z.array(Change),
    /** More changes wait beyond `cursor`: pull again at once. */
    more: z.boolean(),
  }),
  /** The cursor's epoch is gone (restore) or behind the compaction horizon: bootstrap again, keeping the outbox. */
  z.object({ reset: z.literal(true), reason: z.string() }),
]);
export type PullResponse = z.infer<typeof PullResponse>;

/** Starts a bootstrap: the snapshot pages that follow are read at or after `cursor`. */
export const BootstrapResponse = z.object({
  cursor: Cursor,
  lastMutationId: z.number().int().nonnegative(),
  counts: z.partialRecord(EntityKind, z.number().int().nonnegative()),
});
export type BootstrapResponse = z.infer<typeof BootstrapResponse>;

export const SnapshotRequest = z.object({
  clientId: Id,
  kind: EntityKind,
  /** Keyset position: the last id of the previous page, or null for the first page. */
  after: Id.nullable(),
  limit: z.number().int().positive().max(5000).optional(),
});
export type SnapshotRequest = z.infer<typeof SnapshotRequest>;

export const SnapshotResponse = z.object({
  rows: z.array(z.record(z.string(), z.unknown())),
  /** Pass as `after` for the next page; null when this kind is done. */
  next: Id.nullable(),
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
