import type { Transaction } from 'kysely';
import { entitySchemas, type EntityKind, type EntityOf } from '../../shared/model/index.ts';
import { MutationRejected, type MutationContext, type MutationTx } from '../../shared/mutators/index.ts';
import type { Actor } from '../auth/actor.ts';
import { appendChange, type ChangeSource } from '../store/change-log.ts';
import { getEntity, moveThread, putEntity } from '../store/entities.ts';
import { lastFieldWriter, recordFieldWriters } from '../store/field-writers.ts';
import type { Database } from '../store/schema.ts';
import { takeNumbers } from '../store/workspace.ts';
import { canSee, scopeOf } from './scopes.ts';

/** What a mutation committed: the seq of its last change and the scopes it touched (for pokes). */
export interface CommitEffect {
  lastSeq: number;
  scopes: Set<string>;
}

/**
 * The server's MutationTx over a Kysely transaction. Reads see only rows the actor may see;
 * every write is validated, given its scope, and appended to the change log.
 */
export function serverMutationTx(trx: Transaction<Database>, actor: Actor, source: ChangeSource, effect: CommitEffect): MutationTx {
  const ctx: MutationContext = { actorId: actor.agentId, role: actor.role, now: new Date().toISOString(), side: 'server' };

  const visible = async <K extends EntityKind>(kind: K, id: string) => {
    const stored = await getEntity(trx, kind, id);
    return stored && canSee(actor.visibility, stored.scope) ? stored : undefined;
  };

  const record = async (kind: EntityKind, row: { id: string }, scope: string) => {
    effect.lastSeq = await appendChange(trx, { kind, id: row.id, scope, op: 'put', data: row }, source);
    effect.scopes.add(scope);
  };

  return {
    ctx,
    async get(kind, id) {
      return (await visible(kind, id))?.entity;
    },
    async put<K extends EntityKind>(kind: K, input: EntityOf<K>) {
      const parsed = entitySchemas[kind].safeParse(input);
      if (!parsed.success) throw new MutationRejected(`Invalid ${kind}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      const row = parsed.data as EntityOf<K> & { id: string };
      const existing = await getEntity(trx, kind, row.id);
      if (existing && !canSee(actor.visibility, existing.scope)) throw new MutationRejected(`No ${kind} with id ${row.id}.`);
      if (kind === 'message' && existing) throw new MutationRejected(`Message ${row.id} already exists; messages are append-only.`);

      let ticketScope: string | undefined;
      if (kind === 'message') {
        ticketScope = (await visible('ticket', (row as EntityOf<'message'>).ticketId))?.scope;
        if (ticketScope === undefined) throw new MutationRejected(`No ticket with id ${(row as EntityOf<'message'>).ticketId}.`);
      }
      if (kind === 'ticket' && (row as EntityOf<'ticket'>).number === null) {
        // Ticket numbers are the server's to give.
        (row as EntityOf<'ticket'>).number = await takeNumbers(trx, 'last_ticket_number');
      }
      const scope = scopeOf(kind, row as { teamId?: string | null }, ticketScope);
      await putEntity(trx, kind, row, scope);
      await record(kind, row, scope);
      if (kind === 'ticket') await recordFieldWriters(trx, existing?.entity as EntityOf<'ticket'> | undefined, row as EntityOf<'ticket'>, actor.agentId);

      if (kind === 'ticket' && existing && existing.scope !== scope) {
        // The thread follows its ticket, so replicas that gain the ticket get its messages too.
        for (const message of await moveThread(trx, row.id, scope)) await record('message', message, scope);
      }
    },
    lastWriter: (_kind, id, path) => lastFieldWriter(trx, id, path),
  };
}
