import type { Transaction } from 'kysely';
import { entitySchemas, type EntityKind, type EntityOf } from '../../shared/model/index.ts';
import { MutationRejected, type MutationContext, type MutationTx } from '../../shared/mutators/index.ts';
import { scopesOfRow, ticketScopes } from '../../shared/sync/scopes.ts';
import type { Actor } from '../auth/actor.ts';
import type { ChangeSource } from '../store/change-log.ts';
import { moveThread, putEntity } from '../store/entities.ts';
import { lastFieldWriter, recordFieldWriters } from '../store/field-writers.ts';
import { deleteEntity, setVersion, threadVersioned, type Versioned } from '../store/row-versions.ts';
import type { Database } from '../store/schema.ts';
import { takeNumbers } from '../store/workspace.ts';
import { scopeOf, seesAny } from './scopes.ts';
import type { RowChange, WriteBatch } from './write-batch.ts';

/** What a mutation committed: the seq of its last change and the scopes it touched (for pokes). */
export interface CommitEffect {
  lastSeq: number;
  scopes: Set<string>;
}

type Located<K extends EntityKind> = Versioned<K> & { scopes: string[] };

/** Whether `after` is `before` moved to another ticket and otherwise unchanged. */
const isMove = (before: EntityOf<'message'>, after: EntityOf<'message'>) =>
  before.ticketId !== after.ticketId && JSON.stringify({ ...before, ticketId: after.ticketId }) === JSON.stringify(after);

const sameScopes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

/**
 * The server's MutationTx over a Kysely transaction. Reads see only rows the actor may see;
 * every write is validated, logged with the scopes the row enters and leaves, and counted in
 * the checksums of those scopes, through the transaction's `batch` (which writes the log and the
 * checksums at its end). `source` is the client mutation running, or null for changes the server
 * makes itself.
 */
export function serverMutationTx(trx: Transaction<Database>, batch: WriteBatch, actor: Actor, source: ChangeSource | null, effect: CommitEffect): MutationTx {
  const ctx: MutationContext = { actorId: actor.agentId, role: actor.role, now: new Date().toISOString(), side: 'server' };

  /** A stored row with every scope it is in; a message's come from its ticket. */
  const locate = async <K extends EntityKind>(kind: K, id: string): Promise<Located<K> | undefined> => {
    const stored = await batch.get(kind, id);
    if (!stored) return undefined;
    if (kind !== 'message') return { ...stored, scopes: scopesOfRow(kind, stored.entity) };
    const ticket = await batch.get('ticket', (stored.entity as EntityOf<'message'>).ticketId);
    return { ...stored, scopes: ticket ? ticketScopes(ticket.entity) : [] };
  };

  const visible = async <K extends EntityKind>(kind: K, id: string) => {
    const located = await locate(kind, id);
    return located && seesAny(actor.visibility, located.scopes) ? located : undefined;
  };

  /** Logs a change; answers its seq, the row's new version. */
  const record = (change: RowChange): number => {
    const { seq, scopes } = batch.record(change, source);
    effect.lastSeq = seq;
    scopes.forEach((scope) => effect.scopes.add(scope));
    return seq;
  };

  return {
    ctx,
    async get(kind, id) {
      return (await visible(kind, id))?.entity;
    },
    async threadOf(ticketId) {
      if (!(await visible('ticket', ticketId))) return [];
      return (await threadVersioned(trx, ticketId)).map((m) => m.entity);
    },
    async put<K extends EntityKind>(kind: K, input: EntityOf<K>) {
      const parsed = entitySchemas[kind].safeParse(input);
      if (!parsed.success) throw new MutationRejected(`Invalid ${kind}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      const row = parsed.data as EntityOf<K> & { id: string };
      const existing = await locate(kind, row.id);
      if (existing && !seesAny(actor.visibility, existing.scopes)) throw new MutationRejected(`No ${kind} with id ${row.id}.`);
      // Messages are append-only; the one change allowed is a move to another ticket (a merge), which carries its scopes along.
      if (kind === 'message' && existing && !isMove(existing.entity as EntityOf<'message'>, row as EntityOf<'message'>)) {
        throw new MutationRejected(`Message ${row.id} already exists; messages are append-only.`);
      }

      let ticket: Located<'ticket'> | undefined;
      if (kind === 'message') {
        ticket = await visible('ticket', (row as EntityOf<'message'>).ticketId);
        if (!ticket) throw new MutationRejected(`No ticket with id ${(row as EntityOf<'message'>).ticketId}.`);
      }
      if (kind === 'ticket' && (row as EntityOf<'ticket'>).number === null) {
        // Ticket numbers are the server's to give.
        (row as EntityOf<'ticket'>).number = await takeNumbers(trx, 'last_ticket_number');
      }
      const scopes = scopesOfRow(kind, row, ticket?.entity);
      const home = scopeOf(kind, row as { teamId?: string | null }, ticket && scopeOf('ticket', ticket.entity));
      const version = record({ kind, id: row.id, data: row, before: existing, scopes });
      await putEntity(trx, kind, row, home, version);
      if (kind === 'ticket') await recordFieldWriters(trx, existing?.entity as EntityOf<'ticket'> | undefined, row as EntityOf<'ticket'>, actor.agentId);

      if (kind === 'ticket' && existing && !sameScopes(existing.scopes, scopes)) {
        // The thread follows its ticket: replicas that gain the ticket get its messages, those that lose it drop them.
        if (home !== scopeOf('ticket', existing.entity as EntityOf<'ticket'>)) await moveThread(trx, row.id, home);
        for (const message of await threadVersioned(trx, row.id)) {
          const version = record({ kind: 'message', id: message.entity.id, data: message.entity, before: { scopes: existing.scopes, version: message.version }, scopes });
          await setVersion(trx, 'message', message.entity.id, version);
        }
      }
    },
    lastWriter: (_kind, id, path) => lastFieldWriter(trx, id, path),
    async incidentsOf(problemId) {
      const rows = await trx.selectFrom('tickets').select('id').where('problem_id', '=', problemId).execute();
      const incidents: EntityOf<'ticket'>[] = [];
      for (const { id } of rows) {
        const ticket = await visible('ticket', id);
        if (ticket) incidents.push(ticket.entity);
      }
      return incidents;
    },
    async del(kind, id) {
      const existing = await visible(kind, id);
      if (!existing) throw new MutationRejected(`No ${kind} with id ${id}.`);
      record({ kind, id, data: null, before: existing, scopes: [] });
      await deleteEntity(trx, kind, id);
    },
  };
}
