import { afterEach, describe, expect, it } from 'vitest';
import { deferIndexes, restoreIndexes } from '../../../electron/engine/replica/deferred-indexes.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { rebase, underPendingWork } from '../../../electron/engine/sync/rebase.ts';
import { applySnapshotRows } from '../../../electron/engine/sync/server-rows.ts';
import { idsInScopes } from '../../../electron/engine/sync/scope-rows.ts';
import { messageAdd, ticketDelete } from '../../../shared/mutators/index.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { addToChecksum, rowHash } from '../../../shared/sync/row-hash.ts';
import { agentAlex, contact, customerMessage as customerMessageFixture, T1, TEAM_A, TEAM_B, ticket } from '../shared/fixtures.ts';
import { baseRows, tempFiles } from './support.ts';

const newFile = tempFiles();
const replicas: Replica[] = [];
afterEach(async () => {
  await Promise.all(replicas.splice(0).map((r) => r.close()));
});

const TICKET = ticket();
const NOTE_ID = '0195f0a0-0000-7000-8000-0000000000a3';
const customerMessage = customerMessageFixture();

/** A replica holding the base rows and the customer's message as server rows at version 1. */
async function serverReplica(): Promise<Replica> {
  const replica = await Replica.open(newFile());
  replicas.push(replica);
  await replica.writer.transaction(() => {
    for (const { kind, row } of baseRows) replica.serverRows.put(kind, row as never, 1);
    replica.serverRows.put('message', customerMessage, 1);
  });
  return replica;
}

const pulled = (replica: Replica, changes: Change[], lastMutationId: number, seq: number) =>
  replica.writer.transaction(() => rebase(replica, { changes, lastMutationId, cursor: { epoch: 'e1', seq } }));
const del = (seq: number, kind: Change['kind'], id: string): Change => ({ seq, kind, id, op: 'del', data: null });
const retained = (replica: Replica) => replica.db.prepare('SELECT kind, id FROM _retained ORDER BY kind').all();

describe('server rows', () => {
  it('keep a ticket the server takes away while a pending mutation needs it, with its thread, until that mutation leaves', async () => {
    const replica = await serverReplica();
    await replica.writer.transaction(() =>
      replica.outbox.record(messageAdd, { id: NOTE_ID, ticketId: TICKET.id, kind: 'note', body: 'Mine.' }, { actorId: agentAlex.id, role: 'agent', now: T1 }),
    );
    // The ticket leaves Alex's scopes (moved to another team): evictions for it and its thread.
    await pulled(replica, [del(5, 'message', customerMessage.id), del(6, 'ticket', TICKET.id)], 0, 6);
    expect(replica.store.get('ticket', TICKET.id)).toMatchObject({ id: TICKET.id });
    expect(replica.store.thread(TICKET.id).map((m) => m.id).sort()).toEqual([customerMessage.id, NOTE_ID].sort());
    expect(retained(replica)).toEqual([
      { kind: 'message', id: customerMessage.id },
      { kind: 'ticket', id: TICKET.id },
    ]);
    // Retained rows are no longer server rows: the recorded checksum of Alex's team does not count them.
    expect(replica.serverRows.versions.sums([`team:${TEAM_A}`])).toEqual([{ scope: `team:${TEAM_A}`, count: 0, sum: 0 }]);

    // The note was handled (here: the server's answer included it): the rows go.
    await pulled(replica, [], 1, 7);
    expect(replica.store.get('ticket', TICKET.id)).toBeUndefined();
    expect(replica.store.thread(TICKET.id)).toEqual([]);
    expect(retained(replica)).toEqual([]);
  });

  it('remove a server row no pending mutation needs at once, and undo an optimistic delete exactly', async () => {
    const replica = await serverReplica();
    const asLead = { actorId: agentAlex.id, role: 'lead' as const, now: T1 };
    await replica.writer.transaction(() => replica.outbox.record(ticketDelete, { ticketId: TICKET.id }, asLead));
    expect(replica.store.get('ticket', TICKET.id)).toBeUndefined();
    expect(replica.store.thread(TICKET.id)).toEqual([]);
    // The recorded checksum is of server rows only: the pending delete does not touch it.
    expect(replica.serverRows.versions.sums([`team:${TEAM_A}`])).toEqual([
      { scope: `team:${TEAM_A}`, count: 2, sum: addToChecksum(rowHash('ticket', TICKET.id, 1), rowHash('message', customerMessage.id, 1)) },
    ]);

    await pulled(replica, [del(5, 'contact', contact.id)], 0, 5);
    expect(replica.store.get('contact', contact.id)).toBeUndefined();
    expect(retained(replica)).toEqual([]);
    // The pending delete is replayed on top: the ticket stays gone locally until the server decides.
    expect(replica.store.get('ticket', TICKET.id)).toBeUndefined();
  });

  it('sweep the rows a download did not confirm', async () => {
    const replica = await serverReplica();
    await replica.writer.transaction(() => {
      replica.serverRows.markUnconfirmed((kind) => idsInScopes(kind, [`team:${TEAM_A}`]));
      replica.serverRows.put('ticket', { ...TICKET, subject: 'Confirmed' }, 2);
      return replica.serverRows.sweepUnconfirmed();
    });
    expect(replica.store.get('ticket', TICKET.id)?.subject).toBe('Confirmed');
    expect(replica.store.get('message', customerMessage.id)).toBeUndefined();
    expect(replica.db.prepare(`SELECT version FROM _versions WHERE kind = 'message'`).all()).toEqual([]);
    expect(replica.serverRows.versions.sums([`team:${TEAM_A}`])).toEqual([{ scope: `team:${TEAM_A}`, count: 1, sum: rowHash('ticket', TICKET.id, 2) }]);
  });
});

describe('recorded scope sums', () => {
  it('move with the rows in one transaction, and not at all when it fails', async () => {
    const replica = await serverReplica();
    const scope = `team:${TEAM_A}`;
    const before = replica.serverRows.versions.sums([scope]);
    const fail = (work: () => void) =>
      replica.writer.transaction(() => {
        work();
        throw new Error('boom');
      });
    await expect(fail(() => replica.serverRows.put('ticket', { ...TICKET, subject: 'Never' }, 9))).rejects.toThrow('boom');
    await expect(fail(() => replica.serverRows.batch(() => {
      replica.serverRows.put('ticket', { ...TICKET, subject: 'Never' }, 9);
      throw new Error('inner');
    }))).rejects.toThrow('inner');
    expect(replica.serverRows.versions.sums([scope])).toEqual(before);

    // A ticket handed to another team leaves Alex's team sum; the server then re-sends its thread in the new team's.
    await replica.writer.transaction(() => {
      replica.serverRows.put('ticket', { ...TICKET, teamId: TEAM_B }, 5);
      replica.serverRows.put('message', customerMessage, 6);
    });
    expect(replica.serverRows.versions.sums([scope, `team:${TEAM_B}`])).toEqual([
      { scope, count: 0, sum: 0 },
      { scope: `team:${TEAM_B}`, count: 2, sum: addToChecksum(rowHash('ticket', TICKET.id, 5), rowHash('message', customerMessage.id, 6)) },
    ]);
  });
});

describe('deferred indexes', () => {
  it('are dropped for a bulk load and built again exactly, even across a restart', async () => {
    const file = newFile();
    const first = await Replica.open(file);
    const indexSql = (r: Replica) => r.db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('tickets', 'messages', 'contacts') ORDER BY name`).pluck().all();
    const before = indexSql(first);
    expect(before.length).toBeGreaterThan(5);
    await first.writer.transaction(() => deferIndexes(first.db, first.meta));
    expect(indexSql(first)).toEqual([]);
    await first.close();

    const second = await Replica.open(file);
    replicas.push(second);
    await restoreIndexes(second.db, second.meta, second.writer);
    expect(indexSql(second)).toEqual(before);
    expect(second.meta.get('deferred_indexes')).toBeUndefined();
  });
});

describe('a snapshot page', () => {
  it('is written in one batch under pending work: a row the outbox touched gets the server row, the pending change replayed on top', async () => {
    const replica = await Replica.open(newFile());
    replicas.push(replica);
    await replica.writer.transaction(() => replica.serverRows.put('team', baseRows[0]?.row as never, 1));
    await replica.writer.transaction(() => replica.serverRows.put('ticket', TICKET, 1));
    await replica.writer.transaction(() =>
      replica.outbox.record(messageAdd, { id: NOTE_ID, ticketId: TICKET.id, kind: 'note', body: 'Mine.' }, { actorId: agentAlex.id, role: 'agent', now: T1 }),
    );
    const second = { ...customerMessage, id: '0195f0a0-0000-7000-8000-0000000000b4', body: 'Second.' };
    // An ISO time with an offset lands in the typed column as UTC (a canonical one as it is).
    const page = [{ ...TICKET, subject: 'From the snapshot', createdAt: '2026-03-01T10:00:00+02:00' }];
    await replica.writer.transaction(
      () => underPendingWork(replica, () => (applySnapshotRows(replica.serverRows, 'ticket', page, [7]), new Set(['ticket' as const]))),
      { durable: false },
    );
    await replica.writer.transaction(() =>
      underPendingWork(replica, () => (applySnapshotRows(replica.serverRows, 'message', [customerMessage, second], [8, 9]), new Set(['message' as const]))),
    );
    expect(replica.store.get('ticket', TICKET.id)?.subject).toBe('From the snapshot');
    expect(replica.db.prepare('SELECT created_at, updated_at FROM tickets').get()).toEqual({ created_at: '2026-03-01T08:00:00.000Z', updated_at: T1 });
    // The agent's pending note is still there, on top of the thread the snapshot brought.
    expect(replica.store.thread(TICKET.id).map((m) => m.id).sort()).toEqual([customerMessage.id, second.id, NOTE_ID].sort());
    expect(replica.db.prepare(`SELECT count(*) FROM _outbox`).pluck().get()).toBe(1);
    const scope = `team:${TEAM_A}`;
    expect(replica.serverRows.versions.sums([scope])).toEqual([
      { scope, count: 3, sum: [rowHash('ticket', TICKET.id, 7), rowHash('message', customerMessage.id, 8), rowHash('message', second.id, 9)].reduce(addToChecksum, 0) },
    ]);
  });

  it('skips a malformed row, keeps the rest, and counts only what it wrote in the scope sums', async () => {
    const replica = await Replica.open(newFile());
    replicas.push(replica);
    const broken = { ...customerMessage, id: '0195f0a0-0000-7000-8000-0000000000b5', createdAt: 'yesterday' };
    const written = await replica.writer.transaction(() => applySnapshotRows(replica.serverRows, 'message', [broken, customerMessage], [3, 4]), { durable: false });
    expect(written).toBe(1);
    expect(replica.store.get('message', broken.id)).toBeUndefined();
    expect(replica.store.get('message', customerMessage.id)).toMatchObject({ id: customerMessage.id });
    expect(replica.db.prepare(`SELECT kind, id, version FROM _versions`).all()).toEqual([{ kind: 'message', id: customerMessage.id, version: 4 }]);
  });
});

describe('a write that can be redone (durable: false)', () => {
  /** synchronous (2 FULL, 1 NORMAL) and the WAL pages that start a checkpoint. */
  const synchronous = (replica: Replica) => [replica.db.pragma('synchronous', { simple: true }), replica.db.pragma('wal_autocheckpoint', { simple: true })];
  const DURABLE = [2, 1000];

  it('commits without syncing and checkpoints less often, then every other write is synced again (FULL), after a failure too', async () => {
    const replica = await Replica.open(newFile());
    replicas.push(replica);
    expect(synchronous(replica)).toEqual(DURABLE);
    const during = await replica.writer.transaction(() => {
      replica.serverRows.put('ticket', TICKET, 1);
      return synchronous(replica);
    }, { durable: false });
    expect(during).toEqual([1, 16_384]);
    expect(synchronous(replica)).toEqual(DURABLE);
    await expect(replica.writer.transaction(() => {
      replica.serverRows.put('ticket', { ...TICKET, subject: 'Never' }, 2);
      throw new Error('boom');
    }, { durable: false })).rejects.toThrow('boom');
    expect(synchronous(replica)).toEqual(DURABLE);
    expect(replica.store.get('ticket', TICKET.id)?.subject).toBe(TICKET.subject);
    expect(await replica.writer.transaction(() => synchronous(replica))).toEqual(DURABLE);
  });
});
