import type { z } from 'zod';
import type { EntityKind, EntityOf, Role } from '../model/index.ts';

/** Who runs a mutation, and when. The server's values win: it re-runs every mutator. */
export interface MutationContext {
  readonly actorId: string;
  readonly role: Role;
  /** ISO time of the mutation: the client's clock optimistically, the server's authoritatively. */
  readonly now: string;
  readonly side: 'client' | 'server';
}

/**
 * The transaction a mutator runs in. The engine implements it over the replica
 * (better-sqlite3), the server over its store (Kysely); a mutator sees no difference.
 */
export interface MutationTx {
  readonly ctx: MutationContext;
  get<K extends EntityKind>(kind: K, id: string): Promise<EntityOf<K> | undefined>;
  put<K extends EntityKind>(kind: K, row: EntityOf<K>): Promise<void>;
  /** Deletes a row that exists; the server logs a tombstone so every replica drops it. */
  del(kind: EntityKind, id: string): Promise<void>;
  /** The messages of a ticket, oldest first. */
  threadOf(ticketId: string): Promise<EntityOf<'message'>[]>;
  /**
   * Server only (the client cannot know): the agent whose mutation last set this ticket field
   * (a path from shared/rules/conflicts.ts fieldPath), or null when no agent's mutation did.
   */
  lastWriter?(kind: 'ticket', id: string, path: string): Promise<string | null>;
  /**
   * The tickets linked as incidents of `problemId` (those the actor may see). Optional: a
   * transaction without it lets the problem/incident rule that needs it go unchecked there (the
   * server, which has it, decides for good).
   */
  incidentsOf?(problemId: string): Promise<EntityOf<'ticket'>[]>;
}

/** A mutation in words, for the agent (Sync issues). */
export interface MutationSummary {
  /** What it does, e.g. "Priority: Urgent". */
  action: string;
  /** The ticket it is about; the engine names it (number and subject). */
  ticketId?: string;
  /** What the agent wrote in it (a message, an article, notes), so it can be copied out. */
  text?: string;
}

export interface Mutator<S extends z.ZodType = z.ZodType> {
  /** Versioned name, e.g. `ticket.setStatus@1`. A changed meaning gets a new version. */
  readonly name: string;
  readonly args: S;
  run(tx: MutationTx, args: z.output<S>): Promise<void>;
  describe?(args: z.output<S>): MutationSummary;
}

/** A permanent refusal (validation, permission, state machine): recorded, never retried. */
export class MutationRejected extends Error {
  override readonly name = 'MutationRejected';
}

export function defineMutator<S extends z.ZodType>(m: Mutator<S>): Mutator<S> {
  return m;
}
