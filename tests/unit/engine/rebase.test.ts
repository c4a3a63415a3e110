import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/model/index.ts';
import { messageAdd, ticketSetStatus, type Mutator } from '../../../shared/mutators/index.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import type { Replica } from '../../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../../electron/engine/replica/statement-cache.ts';
import { ticketDetail } from '../../../electron/engine/queries/ticket-detail.ts';
import { rebase } from '../../../electron/engine/sync/rebase.ts';
import { agentAlex, customerMessage as customerMessageFixture, T0, T1, ticket } from '../shared/fixtures.ts';
import { baseRows, freshReplicas, putRows } from './support.ts';

const openReplica = freshReplicas();

const TICKET = ticket();
const REPLY_ID = '0195f0a0-0000-7000-8000-0000000000a1';
const CUSTOMER_MSG_ID = '0195f0a0-0000-7000-8000-0000000000a2';
const NOTE_ID = '0195f0a0-0000-7000-8000-0000000000a3';
const T_CUSTOMER = '2026-11-01T09:30:00.000Z';

async function replicaWithTicket(): Promise<Replica> {
  const replica = await openReplica();
  await putRows(replica, baseRows);
  return replica;
}

function record(replica: Replica, mutator: Mutator, args: unknown) {
  return replica.writer.transaction(() => replica.outbox.record(mutator, args, { actorId: agentAlex.id, role: 'agent', now: T1 }));
}

function serverRebase(replica: Replica, changes: Change[], lastMutationId: number, seq: number) {
  return replica.writer.transaction(() => rebase(replica, { changes, lastMutationId, cursor: { epoch: 'e1', seq } }));
}

const put = (seq: number, kind: Change['kind'], data: { id: string } & Record<string, unknown>): Change => ({ seq, kind, id: data.id, op: 'put', data });
const customerMessage = customerMessageFixture({ id: CUSTOMER_MSG_ID, createdAt: T_CUSTOMER });
const thread = (replica: Replica) => ticketDetail(replica, new StatementCache(replica.db), TICKET.id)?.messages ?? [];
const outboxRows = (replica: Replica) => replica.db.prepare('SELECT id, state, error, replay_error AS replayError FROM _outbox ORDER BY id').all();

describe('pull + rebase', () => {
  it('shows a server change and a pending reply together, in the right order', async () => {
    const replica = await replicaWithTicket();
    await record(replica, messageAdd, { id: REPLY_ID, ticketId: TICKET.id, kind: 'reply', body: 'Looking into it.' });

    // Meanwhile on the server: the customer wrote again (before our reply) and a lead raised the priority.
    const kinds = await serverRebase(replica, [put(5, 'message', customerMessage), put(6, 'ticket', { ...TICKET, priority: 'urgent', updatedAt: T_CUSTOMER })], 0, 6);

    expect(thread(replica).map((m) => [m.id, m.pendingSync])).toEqual([
      [CUSTOMER_MSG_ID, false],
      [REPLY_ID, true],
    ]);
    // Both edits of the ticket hold: the server's priority, and our reply's status + first response.
    expect(replica.store.get('ticket', TICKET.id)).toMatchObject({ priority: 'urgent', status: 'open', firstResponseAt: T1, updatedAt: T1 });
    expect([...kinds].sort()).toEqual(['message', 'ticket']);
    expect(replica.meta.get('cursor')).toBe(JSON.stringify({ epoch: 'e1', seq: 6 }));
    expect(outboxRows(replica)).toEqual([{ id: 1, state: 'pending', error: null, replayError: null }]);
  });

  it('drops a mutation once the server has it, keeping the server version of its effect', async () => {
    const replica = await replicaWithTicket();
    await record(replica, messageAdd, { id: REPLY_ID, ticketId: TICKET.id, kind: 'reply', body: 'Looking into it.' });
    const serverReply: Message = { id: REPLY_ID, ticketId: TICKET.id, kind: 'reply', authorType: 'agent', authorId: agentAlex.id, body: 'Looking into it.', event: null, bodyHtml: null, attachments: [], mentionIds: [], createdAt: '2026-11-01T10:00:01.000Z' };
    await serverRebase(replica, [put(7, 'message', serverReply), put(8, 'ticket', { ...TICKET, status: 'open', firstResponseAt: serverReply.createdAt })], 1, 8);

    expect(outboxRows(replica)).toEqual([]);
    expect(thread(replica)).toEqual([expect.objectContaining({ id: REPLY_ID, createdAt: serverReply.createdAt, pendingSync: false })]);
    expect(replica.store.get('ticket', TICKET.id)?.firstResponseAt).toBe(serverReply.createdAt);
  });

  it('keeps an acknowledged change visible, no longer pending, until a pull brings it', async () => {
    const replica = await replicaWithTicket();
    await record(replica, messageAdd, { id: REPLY_ID, ticketId: TICKET.id, kind: 'reply', body: 'Looking into it.' });
    await replica.writer.transaction(() => replica.outbox.acknowledge(1));

    // A pull page that ends before the server's change for it: the reply must not flicker away.
    await serverRebase(replica, [put(5, 'message', customerMessage)], 0, 5);

    expect(thread(replica).map((m) => [m.id, m.pendingSync])).toEqual([
      [CUSTOMER_MSG_ID, false],
      [REPLY_ID, false],
    ]);
    expect(outboxRows(replica)).toEqual([{ id: 1, state: 'acknowledged', error: null, replayError: null }]);
    expect(replica.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });

  it('keeps a mutation that no longer applies queued and marked, and replays the others', async () => {
    const replica = await replicaWithTicket();
    await record(replica, messageAdd, { id: REPLY_ID, ticketId: TICKET.id, kind: 'reply', body: 'Looking into it.' });
    await record(replica, messageAdd, { id: NOTE_ID, ticketId: TICKET.id, kind: 'note', body: 'Customer is on the Pro plan.' });

    // The ticket was solved and closed on the server: a reply is refused, a note is still fine.
    await serverRebase(replica, [put(9, 'ticket', { ...TICKET, status: 'closed', solvedAt: T0 })], 0, 9);

    expect(outboxRows(replica)).toEqual([
      { id: 1, state: 'pending', error: null, replayError: 'A closed ticket cannot get replies; create a follow-up ticket instead.' },
      { id: 2, state: 'pending', error: null, replayError: null },
    ]);
    expect(thread(replica).map((m) => m.id)).toEqual([NOTE_ID]);
    expect(replica.store.get('ticket', TICKET.id)?.status).toBe('closed');
    expect(replica.meta.get('cursor')).toBe(JSON.stringify({ epoch: 'e1', seq: 9 }));
  });

  it('undoes a mutation the server rejected and keeps it, with the reason, as rejected', async () => {
    const replica = await replicaWithTicket();
    await record(replica, ticketSetStatus, { ticketId: TICKET.id, status: 'solved' });
    await record(replica, messageAdd, { id: NOTE_ID, ticketId: TICKET.id, kind: 'note', body: 'Solved by the 2.3 update.' });
    await replica.writer.transaction(() => replica.outbox.reject(1, 'You may not solve tickets of another team.'));

    await serverRebase(replica, [], 1, 10);

    expect(replica.store.get('ticket', TICKET.id)).toMatchObject({ status: 'new', solvedAt: null });
    expect(thread(replica).map((m) => [m.id, m.pendingSync])).toEqual([[NOTE_ID, true]]);
    expect(outboxRows(replica)).toEqual([
      { id: 1, state: 'rejected', error: 'You may not solve tickets of another team.', replayError: null },
      { id: 2, state: 'pending', error: null, replayError: null },
    ]);
    expect(replica.outbox.counts()).toEqual({ pending: 1, rejected: 1 });
  });

  it('skips an invalid server row, applies the rest and still moves the cursor', async () => {
    const replica = await replicaWithTicket();
    const broken: Change = { seq: 11, kind: 'ticket', id: TICKET.id, op: 'put', data: { ...TICKET, status: 'exploded' } };
    await serverRebase(replica, [broken, put(12, 'message', customerMessage)], 0, 12);

    expect(replica.store.get('ticket', TICKET.id)?.status).toBe('new');
    expect(thread(replica).map((m) => m.id)).toEqual([CUSTOMER_MSG_ID]);
    expect(replica.meta.get('cursor')).toBe(JSON.stringify({ epoch: 'e1', seq: 12 }));
  });

  it('moves nothing when the transaction fails: cursor and rows stay as they were', async () => {
    const replica = await replicaWithTicket();
    await replica.writer.transaction(() => replica.meta.setJson('cursor', { epoch: 'e1', seq: 3 }));
    const failing = replica.writer.transaction(async () => {
      await rebase(replica, { changes: [put(4, 'message', customerMessage)], lastMutationId: 0, cursor: { epoch: 'e1', seq: 4 } });
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(replica.meta.get('cursor')).toBe(JSON.stringify({ epoch: 'e1', seq: 3 }));
    expect(thread(replica)).toEqual([]);
  });
});
