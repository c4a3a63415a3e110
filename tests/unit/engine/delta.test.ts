import { describe, expect, it } from 'vitest';
import { messageAdd } from '../../../shared/mutators/index.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import type { RealtimeDelta } from '../../../shared/sync/realtime.ts';
import type { Replica } from '../../../electron/engine/replica/replica.ts';
import { applyDelta } from '../../../electron/engine/sync/delta.ts';
import { agentAlex, customerMessage as customerMessageFixture, T1, ticket } from '../shared/fixtures.ts';
import { baseRows, freshReplicas, putRows } from './support.ts';

const openReplica = freshReplicas();

const TICKET = ticket();
const OUR_NOTE = '0195f0a0-0000-7000-8000-0000000000b1';
const customerMessage = customerMessageFixture({ id: '0195f0a0-0000-7000-8000-0000000000b2', createdAt: T1 });
const customerWrote: Change = { seq: 11, kind: 'message', id: customerMessage.id, op: 'put', data: customerMessage };

/** A synced replica at (e1, 10) with one note of ours in the outbox. */
async function replicaAt10(noteState: 'pending' | 'acknowledged'): Promise<Replica> {
  const replica = await openReplica();
  await putRows(replica, baseRows);
  await replica.writer.transaction(async () => {
    replica.meta.setJson('cursor', { epoch: 'e1', seq: 10 });
    await replica.outbox.record(messageAdd, { id: OUR_NOTE, ticketId: TICKET.id, kind: 'note', body: 'On it.' }, { actorId: agentAlex.id, role: 'agent', now: T1 });
    if (noteState === 'acknowledged') replica.outbox.acknowledge(1);
  });
  return replica;
}

const delta = (fromSeq: number, lastMutationId: number, overrides: Partial<{ epoch: string; seq: number }> = {}): RealtimeDelta => ({
  type: 'delta',
  fromSeq,
  page: { reset: false, cursor: { epoch: 'e1', seq: 11, ...overrides }, lastMutationId, changes: [customerWrote], more: false },
});
const cursorOf = (replica: Replica) => JSON.parse(replica.meta.get('cursor') ?? 'null');
const messageIds = (replica: Replica) => replica.db.prepare('SELECT id FROM messages ORDER BY created_at, id').pluck().all();
const outboxStates = (replica: Replica) => replica.db.prepare('SELECT id, state FROM _outbox ORDER BY id').all();

describe('a realtime delta', () => {
  it('that starts at the cursor goes in like a pull: server rows under the pending work, cursor moved', async () => {
    const replica = await replicaAt10('pending');
    expect(await applyDelta(replica, delta(10, 0))).toEqual({ applied: new Set(['message', 'ticket']), more: false });
    expect(messageIds(replica)).toEqual(expect.arrayContaining([customerMessage.id, OUR_NOTE]));
    expect(cursorOf(replica)).toEqual({ epoch: 'e1', seq: 11 });
    expect(outboxStates(replica)).toEqual([{ id: 1, state: 'pending' }]);
    expect(replica.meta.get('last_synced_at')).toBeDefined();
  });

  it('drops an acknowledged mutation it includes', async () => {
    const replica = await replicaAt10('acknowledged');
    expect(await applyDelta(replica, delta(10, 1))).toMatchObject({ applied: expect.any(Set) });
    expect(outboxStates(replica)).toEqual([]);
  });

  it('that starts elsewhere, or in another epoch, changes nothing and asks for a pull', async () => {
    const replica = await replicaAt10('pending');
    expect(await applyDelta(replica, delta(9, 0))).toBe('pull');
    expect(await applyDelta(replica, delta(10, 0, { epoch: 'e2' }))).toBe('pull');
    expect(cursorOf(replica)).toEqual({ epoch: 'e1', seq: 10 });
    expect(messageIds(replica)).not.toContain(customerMessage.id);
  });

  it('that the replica already holds is ignored', async () => {
    const replica = await replicaAt10('pending');
    expect(await applyDelta(replica, delta(8, 0, { seq: 10 }))).toBe('known');
    expect(messageIds(replica)).not.toContain(customerMessage.id);
  });

  it('never drops a mutation whose push answer has not come: it waits for a pull after the answer', async () => {
    const replica = await replicaAt10('pending');
    // The server already decided mutation 1 (maybe refused it), but this replica has not heard how.
    expect(await applyDelta(replica, delta(10, 1))).toBe('pull');
    expect(outboxStates(replica)).toEqual([{ id: 1, state: 'pending' }]);
    expect(cursorOf(replica)).toEqual({ epoch: 'e1', seq: 10 });
  });

  it('is not applied during an initial download', async () => {
    const replica = await replicaAt10('pending');
    await replica.writer.transaction(() => replica.meta.set('bootstrap', '{}'));
    expect(await applyDelta(replica, delta(10, 0))).toBe('pull');
  });
});
