import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { newId } from '../../shared/ids.ts';
import type { DeskApi } from '../../shared/ipc/index.ts';
import type { Agent, Message, Ticket } from '../../shared/model/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { serverWrite } from '../support/server-write.ts';
import { agentByEmail, readStore, ticketsOf } from '../unit/server/api.ts';
import { deskOf, idleAndOnline, replicaFiles, untilStatus } from './engine-helpers.ts';
import { checksumsOf, replicaRows, serverProjection } from './scope-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void> | void)[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 11 } });
  cleanup.push(() => server.close());
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

interface Workstation {
  desk: DeskApi;
  dbFile: string;
  agent: Agent;
  /** Out-of-scope rows seen in the replica after any commit so far. */
  leaks: string[];
}

/**
 * A real engine signed in as `email`, with a watcher that, after every commit the engine announces,
 * checks from a connection of its own that the replica holds no ticket or message outside the
 * agent's scopes: their teams' tickets, the tickets assigned to them, and those tickets' threads.
 */
async function workstation(email: string): Promise<Workstation> {
  const dbFile = newReplica();
  const engine = await Engine.open({ dbFile, pollIntervalMs: 0 });
  const desk = deskOf(engine);
  const agent = await agentByEmail(server.location, email);
  const leaks: string[] = [];
  const reader = new Database(dbFile, { readonly: true });
  cleanup.push(
    () => engine.close(),
    () => void reader.close(),
  );
  const check = () => {
    const tickets = reader.prepare<[], { id: string; data: string }>('SELECT id, data FROM tickets').all();
    const inScope = new Set<string>();
    for (const row of tickets) {
      const t = JSON.parse(row.data) as Ticket;
      if (agent.teamIds.includes(t.teamId ?? '') || t.assigneeId === agent.id) inScope.add(t.id);
      else leaks.push(`ticket ${t.id} of team ${t.teamId}`);
    }
    for (const { data } of reader.prepare<[], { data: string }>('SELECT data FROM messages').all()) {
      const m = JSON.parse(data) as Message;
      if (!inScope.has(m.ticketId)) leaks.push(`message ${m.id} of ticket ${m.ticketId}`);
    }
  };
  desk.on('changed', check);
  desk.on('sync.status', check);
  await desk.invoke('session.login', { serverUrl: server.url, email, password: DEMO_PASSWORD });
  await untilStatus(desk, idleAndOnline);
  check();
  return { desk, dbFile, agent, leaks };
}

const threadOf = (ticketId: string) =>
  readStore(server.location, async (db) => (await db.selectFrom('messages').select('id').where('ticket_id', '=', ticketId).orderBy('id').execute()).map((m) => m.id));

async function expectProjection(w: Workstation): Promise<void> {
  expect(replicaRows(w.dbFile)).toEqual(await serverProjection(server.location, w.agent));
  const { rows, recorded, server: expected } = await checksumsOf(w.dbFile, server.location);
  expect(rows).toEqual(expected);
  expect(recorded).toEqual(expected);
}

describe('scopes over real engines', () => {
  let alex: Workstation;
  let aisha: Workstation;
  let lena: Workstation;
  const syncAll = async () => {
    for (const w of [alex, aisha, lena]) await w.desk.invoke('sync.now');
  };

  beforeAll(async () => {
    alex = await workstation(DEMO_AGENT_EMAIL);
    aisha = await workstation('aisha@orbit.demo');
    lena = await workstation(DEMO_LEAD_EMAIL);
  });

  it('evicts a ticket and its thread from replicas that lose it (team move, reassignment), never leaking another team’s rows', async () => {
    const [frontline] = alex.agent.teamIds;
    const [technical] = aisha.agent.teamIds;
    const sofia = await agentByEmail(server.location, 'sofia@orbit.demo');
    const tom = await agentByEmail(server.location, 'tom@orbit.demo');
    const open = (t: Ticket) => !['solved', 'closed'].includes(t.status);
    const [moved, handed] = await ticketsOf(server.location, (t) => t.teamId === frontline && open(t) && t.assigneeId !== alex.agent.id);
    const [borrowed] = await ticketsOf(server.location, (t) => t.teamId === technical && open(t));
    if (!moved || !handed || !borrowed) throw new Error('the demo lacks the open tickets this test needs');
    expect(await alex.desk.invoke('ticket.get', { id: moved.id })).not.toBeNull();

    // A team move: Lena hands a Frontline ticket to Sofia, who is in Billing only.
    await lena.desk.invoke('ticket.assign', { ticketId: moved.id, assigneeId: sofia.id });
    await syncAll();
    expect(await alex.desk.invoke('ticket.get', { id: moved.id })).toBeNull();
    expect((await lena.desk.invoke('ticket.get', { id: moved.id }))?.messages.map((m) => m.id).sort()).toEqual(await threadOf(moved.id));

    // A reassignment into another team: Aisha's team gains the ticket with its whole thread.
    expect(await aisha.desk.invoke('ticket.get', { id: handed.id })).toBeNull();
    await lena.desk.invoke('ticket.assign', { ticketId: handed.id, assigneeId: aisha.agent.id });
    await syncAll();
    expect(await alex.desk.invoke('ticket.get', { id: handed.id })).toBeNull();
    const gained = await aisha.desk.invoke('ticket.get', { id: handed.id });
    expect(gained?.ticket).toMatchObject({ teamId: technical, assigneeId: aisha.agent.id });
    expect(gained?.messages.map((m) => m.id).sort()).toEqual(await threadOf(handed.id));

    // A Technical ticket assigned to Alex is his through his user scope, thread and all, until it is reassigned.
    await serverWrite(server.location, async (tx) => {
      const ticket = (await tx.get('ticket', borrowed.id)) as Ticket;
      await tx.put('ticket', { ...ticket, assigneeId: alex.agent.id, updatedAt: new Date().toISOString() });
    });
    await syncAll();
    expect((await alex.desk.invoke('ticket.get', { id: borrowed.id }))?.messages.map((m) => m.id).sort()).toEqual(await threadOf(borrowed.id));
    await aisha.desk.invoke('ticket.assign', { ticketId: borrowed.id, assigneeId: tom.id });
    await syncAll();
    expect(await alex.desk.invoke('ticket.get', { id: borrowed.id })).toBeNull();
    expect(await aisha.desk.invoke('ticket.get', { id: borrowed.id })).toMatchObject({ ticket: { assigneeId: tom.id } });

    for (const w of [alex, aisha, lena]) await expectProjection(w);
    expect(alex.leaks).toEqual([]);
    expect(aisha.leaks).toEqual([]);
  });

  it('converges through create, delete and re-create of one ticket; only leads and admins may delete', async () => {
    const [frontline] = alex.agent.teamIds;
    const ticketId = newId();
    const now = () => new Date().toISOString();
    const create = (body: string) =>
      serverWrite(server.location, async (tx) => {
        const [requester] = await readStore(server.location, (db) => db.selectFrom('contacts').select('id').limit(1).execute());
        const at = now();
        const ticket: Ticket = {
          id: ticketId, number: null, subject: 'Printer on fire', status: 'new', priority: 'urgent', channel: 'email',
          requesterId: requester?.id ?? newId(), accountId: null, teamId: frontline ?? null, assigneeId: null, tags: [], product: null,
          customFields: {}, firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: null, solvedAt: null, problemId: null, followerIds: [], mergedIntoId: null,
          replyCount: 0, reopenCount: 0, satisfaction: null,
          createdAt: at, updatedAt: at,
        };
        await tx.put('ticket', ticket);
        await tx.put('message', { id: newId(), ticketId, kind: 'reply', authorType: 'contact', authorId: ticket.requesterId, body, event: null, bodyHtml: null, attachments: [], mentionIds: [], createdAt: at });
      });

    await create('It is on fire.');
    await syncAll();
    expect((await alex.desk.invoke('ticket.get', { id: ticketId }))?.messages.map((m) => m.body)).toEqual(['It is on fire.']);

    await expect(alex.desk.invoke('ticket.delete', { ticketId })).rejects.toMatchObject({ code: 'rejected', message: expect.stringMatching(/lead or an admin/) });
    await lena.desk.invoke('ticket.delete', { ticketId });
    expect(await lena.desk.invoke('ticket.get', { id: ticketId })).toBeNull();
    await syncAll();
    for (const w of [alex, lena]) expect(await w.desk.invoke('ticket.get', { id: ticketId })).toBeNull();
    expect(await threadOf(ticketId)).toEqual([]);

    await create('It is on fire again.');
    await syncAll();
    for (const w of [alex, lena]) {
      expect((await w.desk.invoke('ticket.get', { id: ticketId }))?.messages.map((m) => m.body)).toEqual(['It is on fire again.']);
      await expectProjection(w);
      expect(await w.desk.invoke('sync.status')).toMatchObject({ pending: 0, rejected: 0 });
    }
    expect(alex.leaks).toEqual([]);
  });
});
