import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeskApi, type DeskApi } from '../../../shared/ipc/index.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { POISON, poisonStore } from '../../support/store-faults.ts';
import { untilStatus } from '../engine-helpers.ts';
import { eventually } from './eventually.ts';
import { checksumsAgree, converged, oracleChecks, verdict } from './oracle.ts';
import { World, type Member } from './world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function startWorld(cast: readonly Member[]): Promise<World> {
  world = await World.start(cast);
  return world;
}

/** A Frontline ticket no one has closed, as the server holds it. */
async function frontlineTicket(w: World): Promise<Ticket> {
  const [ticket] = await w.openTickets('alex');
  if (!ticket) throw new Error('The demo workspace has no open Frontline ticket.');
  return ticket;
}

/** Resolves once the engine has tried to sync and found the server out of reach, with `pending` changes waiting. */
const offlineWith = (desk: DeskApi, pending: number) => untilStatus(desk, (s) => s.phase === 'offline' && s.pending === pending);

const pushes = (w: World, member: Member) => w.station(member).proxy.delivered.filter((d) => d.route === 'push');

describe('named cases', () => {
  it('put and remove in one batch: assign then unassign, status there and back, sent in one push and applied in order', async () => {
    const w = await startWorld(['alex', 'priya']);
    const alex = createDeskApi(w.station('alex'));
    const priya = createDeskApi(w.station('priya'));
    const { id: ticketId } = await frontlineTicket(w);
    await priya.invoke('ticket.assign', { ticketId, assigneeId: null });
    await priya.invoke('ticket.setStatus', { ticketId, status: 'open' });
    await w.station('priya').untilIdle();
    await w.station('alex').untilIdle();

    w.station('alex').proxy.partition(true);
    await alex.invoke('ticket.assign', { ticketId, assigneeId: w.station('priya').agent.id });
    await alex.invoke('ticket.assign', { ticketId, assigneeId: null });
    await alex.invoke('ticket.setStatus', { ticketId, status: 'solved' });
    await alex.invoke('ticket.setStatus', { ticketId, status: 'open' });
    await offlineWith(alex, 4);
    w.station('alex').proxy.partition(false);
    await w.quiesce();

    expect(pushes(w, 'alex')).toEqual([{ route: 'push', mutationIds: [1, 2, 3, 4], outcomes: { 1: 'applied', 2: 'applied', 3: 'applied', 4: 'applied' } }]);
    const server = await w.state.snapshot();
    expect(server.rows.ticket.find((t) => t.id === ticketId)).toMatchObject({ assigneeId: null, status: 'open', solvedAt: null });
    const alexClient = w.station('alex').view().clientId;
    // Each mutation changed the ticket once, in order (assigning also re-records the thread into Priya's user scope and back).
    const ticketChanges = server.changes.filter((c) => c.clientId === alexClient && c.kind === 'ticket');
    expect(ticketChanges.map((c) => [c.mutationId, c.entityId])).toEqual([1, 2, 3, 4].map((id) => [id, ticketId]));
    expect(await w.verdict()).toEqual([]);
  });

  it('a push in flight while another agent commits: the commit lands first, the push on top, both replicas converge', async () => {
    const w = await startWorld(['alex', 'priya']);
    const alexStation = w.station('alex');
    const alex = createDeskApi(alexStation);
    const priya = createDeskApi(w.station('priya'));
    const { id: ticketId } = await frontlineTicket(w);
    await priya.invoke('ticket.setStatus', { ticketId, status: 'open' });
    await w.quiesce();

    const held = alexStation.proxy.holdNext('push');
    const { messageId } = await alex.invoke('ticket.reply', { ticketId, kind: 'reply', body: 'Sent while Priya works on it.' });
    await held.arrived;
    const framesBefore = alexStation.proxy.framesDelivered;
    await priya.invoke('ticket.setStatus', { ticketId, status: 'pending' });
    await w.station('priya').untilIdle();
    // Priya's commit is announced to Alex while Alex's push is still on its way.
    await eventually(() => alexStation.proxy.framesDelivered > framesBefore);
    held.release();
    await w.quiesce();

    const server = await w.state.snapshot();
    const seqOf = (kind: string, id: string) => server.changes.find((c) => c.kind === kind && c.entityId === id && c.clientId === alexStation.view().clientId)?.seq;
    const priyaStatusSeq = server.changes.find((c) => c.clientId === w.station('priya').view().clientId && c.kind === 'ticket')?.seq;
    expect(priyaStatusSeq).toBeLessThan(seqOf('message', messageId) ?? 0);
    expect(server.rows.ticket.find((t) => t.id === ticketId)?.status).toBe('pending');
    expect(server.rows.message.filter((m) => m.id === messageId)).toHaveLength(1);
    const seenByAlex = await alex.invoke('ticket.get', { id: ticketId });
    expect(seenByAlex?.ticket.status).toBe('pending');
    expect(seenByAlex?.messages.filter((m) => m.id === messageId)).toEqual([expect.objectContaining({ pendingSync: false })]);
    expect(await w.verdict()).toEqual([]);
  });

  it('a crash after the server committed a push but before the engine recorded the answer: the resend is a duplicate, applied once', async () => {
    const w = await startWorld(['alex', 'priya']);
    const station = w.station('alex');
    const { id: ticketId } = await frontlineTicket(w);

    station.armCrash('push.answered');
    const { messageId } = await createDeskApi(station).invoke('ticket.reply', { ticketId, kind: 'reply', body: 'Written just before the crash.' });
    await eventually(() => station.down);
    expect(station.view().outbox).toEqual([expect.objectContaining({ id: 1, state: 'pending' })]);
    expect((await w.state.snapshot()).rows.message.filter((m) => m.id === messageId)).toHaveLength(1);

    await station.restart();
    await w.quiesce();

    expect(pushes(w, 'alex')).toEqual([
      { route: 'push', mutationIds: [1], outcomes: { 1: 'applied' } },
      { route: 'push', mutationIds: [1], outcomes: { 1: 'duplicate' } },
    ]);
    const server = await w.state.snapshot();
    expect(server.changes.filter((c) => c.kind === 'message' && c.entityId === messageId)).toHaveLength(1);
    expect(await w.verdict()).toEqual([]);
  });

  it('an answer lost on the wire after the server committed: the immediate resend is a duplicate, applied once', async () => {
    const w = await startWorld(['alex', 'priya']);
    const station = w.station('alex');
    const { id: ticketId } = await frontlineTicket(w);

    station.proxy.failNext('push', 'dropResponse');
    const { messageId } = await createDeskApi(station).invoke('ticket.reply', { ticketId, kind: 'note', body: 'Its first answer never arrives.' });
    await station.untilIdle();
    await w.quiesce();

    expect(pushes(w, 'alex')).toEqual([
      { route: 'push', mutationIds: [1], outcomes: { 1: 'applied' } },
      { route: 'push', mutationIds: [1], outcomes: { 1: 'duplicate' } },
    ]);
    expect((await w.state.snapshot()).rows.message.filter((m) => m.id === messageId)).toHaveLength(1);
    expect(await w.verdict()).toEqual([]);
  });

  it('a store failure in the middle of a batch: 503 and no acknowledgement; the whole batch is resent and every mutation lands once', async () => {
    const w = await startWorld(['alex', 'priya']);
    const station = w.station('alex');
    const alex = createDeskApi(station);
    const { id: ticketId } = await frontlineTicket(w);
    const bodies = ['before the failure', POISON, 'after the failure'];

    station.proxy.partition(true);
    const ids: string[] = [];
    for (const body of bodies) ids.push((await alex.invoke('ticket.reply', { ticketId, kind: 'note', body })).messageId);
    await offlineWith(alex, 3);
    await poisonStore(w.servers[0]!.location, true);
    station.proxy.partition(false);
    await station.syncNow();

    // The server kept the first note and said so with a 503: the engine acknowledged nothing of the batch.
    expect(pushes(w, 'alex')[0]).toEqual({ route: 'push', mutationIds: [1, 2, 3], outcomes: {} });
    expect(station.view().outbox.map((e) => [e.id, e.state])).toEqual([
      [1, 'pending'],
      [2, 'pending'],
      [3, 'pending'],
    ]);
    expect((await w.state.snapshot()).rows.message.filter((m) => ids.includes(m.id)).map((m) => m.body)).toEqual(['before the failure']);

    await poisonStore(w.servers[0]!.location, false);
    await w.quiesce();

    expect(pushes(w, 'alex').at(-1)).toEqual({ route: 'push', mutationIds: [1, 2, 3], outcomes: { 1: 'duplicate', 2: 'applied', 3: 'applied' } });
    const server = await w.state.snapshot();
    for (const id of ids) expect(server.rows.message.filter((m) => m.id === id)).toHaveLength(1);
    expect(server.changes.filter((c) => c.kind === 'message' && ids.includes(c.entityId)).map((c) => c.mutationId)).toEqual([1, 2, 3]);
    const seen = await createDeskApi(w.station('priya')).invoke('ticket.get', { id: ticketId });
    expect(seen?.messages.filter((m) => ids.includes(m.id)).map((m) => m.body)).toEqual(bodies);
    expect(await w.verdict()).toEqual([]);
  });
});

describe('crash points', () => {
  it('a crash right after the outbox commit: the call never answers, yet the change is durable and reaches the server once after restart', async () => {
    const w = await startWorld(['alex', 'priya']);
    const station = w.station('alex');
    const { id: ticketId } = await frontlineTicket(w);

    station.armCrash('outbox.committed');
    const answer = await station.invoke('ticket.reply', { ticketId, kind: 'reply', body: 'Committed, then the lights went out.' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(station.down).toBe(true);
    expect(station.recorded).toEqual([expect.objectContaining({ mutationId: 1, name: 'message.add@1', shown: false })]);
    expect(station.view().outbox).toEqual([expect.objectContaining({ id: 1, state: 'pending' })]);

    await station.restart();
    await w.quiesce();
    const body = 'Committed, then the lights went out.';
    expect((await w.state.snapshot()).rows.message.filter((m) => m.body === body)).toHaveLength(1);
    expect(await w.verdict()).toEqual([]);
  });

  it('a crash inside the pull transaction: nothing of the page stays (rows and cursor roll back), and the next start pulls it again', async () => {
    const w = await startWorld(['alex', 'priya']);
    const station = w.station('alex');
    const priya = createDeskApi(w.station('priya'));
    const ticket = await frontlineTicket(w);
    const before = station.view();
    const status = ticket.status === 'pending' ? 'on_hold' : 'pending';

    // Priya's commit pokes Alex, whose pull of it crashes before COMMIT.
    station.armCrash('pull.applying');
    await priya.invoke('ticket.setStatus', { ticketId: ticket.id, status });
    await eventually(() => station.down);
    const after = station.view();
    expect(after.cursor).toBe(before.cursor);
    expect(after.rows.ticket.find((t) => t.id === ticket.id)).toEqual(before.rows.ticket.find((t) => t.id === ticket.id));

    await station.restart();
    await w.quiesce();
    expect(station.view().rows.ticket.find((t) => t.id === ticket.id)?.status).toBe(status);
    expect(await w.verdict()).toEqual([]);
  });
});

describe('named case: scope lost while a mutation is pending (Alex replies offline; meanwhile the ticket moves to Billing)', () => {
  let moved: World;
  let ticketId: string;
  let messageId: string;

  beforeAll(async () => {
    moved = await World.start(['alex', 'priya', 'sofia']);
    ticketId = (await frontlineTicket(moved)).id;
    const alex = createDeskApi(moved.station('alex'));
    moved.station('alex').proxy.partition(true);
    ({ messageId } = await alex.invoke('ticket.reply', { ticketId, kind: 'reply', body: 'Offline answer on a ticket that is leaving.' }));
    await offlineWith(alex, 1);
    // Assigning to an agent outside the ticket's team moves it to the assignee's team.
    await createDeskApi(moved.station('priya')).invoke('ticket.assign', { ticketId, assigneeId: moved.station('sofia').agent.id });
    await moved.station('priya').untilIdle();
    moved.station('alex').proxy.partition(false);
    await moved.quiesce();
  });
  afterAll(() => moved.close());

  it('the server refuses the reply (Alex may no longer see the ticket) exactly once, and Alex keeps it with the reason', async () => {
    const server = await moved.state.snapshot();
    expect(server.rows.ticket.find((t) => t.id === ticketId)?.teamId).toBe(moved.station('sofia').agent.teamIds[0]);
    expect(server.rows.message.find((m) => m.id === messageId)).toBeUndefined();
    const alex = moved.station('alex');
    expect(server.rejections.filter((r) => r.clientId === alex.view().clientId)).toEqual([
      { clientId: alex.view().clientId, mutationId: 1, name: 'message.add@1', reason: `No ticket with id ${ticketId}.` },
    ]);
    expect(alex.view().outbox).toEqual([expect.objectContaining({ id: 1, state: 'rejected', error: `No ticket with id ${ticketId}.` })]);
    expect(await createDeskApi(alex).invoke('sync.status')).toMatchObject({ pending: 0, rejected: 1 });

    // Billing now holds the ticket with its whole thread, without the refused reply.
    const sofiaSees = await createDeskApi(moved.station('sofia')).invoke('ticket.get', { id: ticketId });
    expect(sofiaSees?.ticket.teamId).toBe(moved.station('sofia').agent.teamIds[0]);
    expect(sofiaSees?.messages.map((m) => m.id).sort()).toEqual(server.rows.message.filter((m) => m.ticketId === ticketId).map((m) => m.id).sort());
    expect(sofiaSees?.messages.some((m) => m.id === messageId)).toBe(false);

    expect(verdict(await moved.observe(), oracleChecks.filter((c) => c !== converged))).toEqual([]);
  });

  it('every replica equals the server projection of its scopes: Frontline replicas evicted the moved ticket, Billing has its thread', async () => {
    expect(verdict(await moved.observe(), [converged, checksumsAgree])).toEqual([]);
  });
});
