import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../../server/demo/credentials.ts';
import { LISTENER_APPLICATION_NAME } from '../../../server/realtime/postgres-bus.ts';
import { deskOf, idleAndOnline, replicaFiles, untilChanged, untilStatus } from '../../integration/engine-helpers.ts';
import { checksumsOf } from '../../integration/scope-helpers.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { recountChecksums } from '../../support/recount-checksums.ts';
import { readStore } from '../../support/store.ts';
import { agentByEmail, connectRealtime, note, post, signIn, ticketsOf, type Realtime } from './api.ts';

// Two server instances on different ports over ONE PostgreSQL database, as behind a load balancer.

const PRIYA_EMAIL = 'priya@orbit.demo';

let one: TestServer;
let two: TestServer;
let ticket: Ticket;

beforeAll(async () => {
  one = await startTestServer({ demo: { scale: 0.05 } });
  two = await startTestServer({ location: one.location });
  const team = (await agentByEmail(one.location, DEMO_AGENT_EMAIL)).teamIds[0];
  ticket = (await ticketsOf(one.location, (t) => t.teamId === team && t.status !== 'closed'))[0] as Ticket;
});
afterAll(async () => {
  await two?.close();
  await one?.close();
});

const bodiesOn = (ticketId: string) =>
  readStore(one.location, async (db) => (await db.selectFrom('messages').select('body').where('ticket_id', '=', ticketId).execute()).map((m) => m.body));

/** Alex signed in on instance 1, a new client of his at the head of the log, and a realtime socket to instance 1. */
async function alexOnInstanceOne(): Promise<{ alex: Awaited<ReturnType<typeof signIn>>; cursor: Cursor; socket: Realtime }> {
  const alex = await signIn(one.url, DEMO_AGENT_EMAIL);
  const { cursor } = (await post(one.url, routes.bootstrap, { clientId: alex.clientId }, alex.token)).body;
  return { alex, cursor, socket: await connectRealtime(one.url, alex.token) };
}

describe('two server instances sharing one PostgreSQL database', () => {
  it('pokes a socket on instance 1 for a push through instance 2, and instance 1 then serves the change', async () => {
    expect(one.port).not.toBe(two.port);
    const { alex, cursor, socket } = await alexOnInstanceOne();
    try {
      // The session made on instance 1 is good on instance 2: both read one database.
      const pushed = await post(two.url, routes.push, { clientId: alex.clientId, mutations: [note(1, ticket.id, 'through instance 2')] }, alex.token);
      expect(pushed.body.results).toEqual([{ id: 1, status: 'applied' }]);
      expect(await socket.next()).toEqual({ type: 'poke', seq: cursor.seq + 2 });
      const pulled = (await post(one.url, routes.pull, { clientId: alex.clientId, cursor }, alex.token)).body;
      expect(pulled.changes.map((c: Change) => c.data?.body).filter(Boolean)).toEqual(['through instance 2']);
    } finally {
      socket.close();
    }
  });

  it('sends a socket on instance 1 that told its cursor the delta of a push through instance 2, checksums included', async () => {
    const { alex, cursor, socket } = await alexOnInstanceOne();
    try {
      socket.send({ type: 'cursor', clientId: alex.clientId, cursor });
      await socket.settle();
      const priya = await signIn(two.url, PRIYA_EMAIL);
      await post(two.url, routes.push, { clientId: priya.clientId, mutations: [note(1, ticket.id, 'inline across instances')] }, priya.token);
      const delta = await socket.message();
      // Exactly what a pull through the other instance answers, with the checksums of Alex's scopes at its head.
      const pulled = (await post(two.url, routes.pull, { clientId: alex.clientId, cursor }, alex.token)).body;
      expect(delta).toEqual({ type: 'delta', fromSeq: cursor.seq, page: pulled });
      expect(pulled.changes.map((c: Change) => c.data?.body)).toContain('inline across instances');
      expect(pulled.checksums.length).toBeGreaterThan(1);
    } finally {
      socket.close();
    }
  });

  it('brings a push through instance 2 to an engine connected to instance 1, without polling, its checksums agreeing', async () => {
    const newReplica = replicaFiles();
    const dbFile = newReplica();
    const engine = await Engine.open({ dbFile, pollIntervalMs: 0 });
    try {
      const priya = deskOf(engine);
      await priya.invoke('session.login', { serverUrl: one.url, email: PRIYA_EMAIL, password: DEMO_PASSWORD });
      // Online means the realtime socket to instance 1 is up: from here on only a poke can bring news.
      await untilStatus(priya, idleAndOnline);
      const alex = await signIn(two.url, DEMO_AGENT_EMAIL);
      const body = `Pushed through instance 2 at ${new Date().toISOString()}`;
      expect((await post(two.url, routes.push, { clientId: alex.clientId, mutations: [note(1, ticket.id, body)] }, alex.token)).status).toBe(200);
      const seen = await untilChanged(priya, async () => (await priya.invoke('ticket.get', { id: ticket.id }))?.messages.find((m) => m.body === body));
      expect(seen).toMatchObject({ kind: 'note', authorName: 'Alex Morgan', pendingSync: false });
      const { rows, recorded, server } = await checksumsOf(dbFile, one.location);
      expect([rows, recorded]).toEqual([server, server]);
    } finally {
      await engine.close();
    }
  });

  it('applies each mutation once when one client pushes the same batches to both instances at once', async () => {
    const alex = await signIn(one.url, DEMO_AGENT_EMAIL);
    const clientId = newId();
    const mutations = Array.from({ length: 30 }, (_, i) => note(i + 1, ticket.id, `twice ${clientId} #${i + 1}`));
    // Three rounds of ten, each sent to both instances at the same moment.
    const answers = [];
    for (let round = 0; round < 3; round++) {
      const batch = mutations.slice(round * 10, round * 10 + 10);
      answers.push(...(await Promise.all([one, two].map((s) => post(s.url, routes.push, { clientId, mutations: batch }, alex.token)))));
    }
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    const outcomes = new Map<number, string[]>();
    for (const { body } of answers) for (const r of body.results) outcomes.set(r.id, [...(outcomes.get(r.id) ?? []), r.status].sort());
    expect([...outcomes.values()]).toEqual(Array(30).fill(['applied', 'duplicate']));

    const bodies = (await bodiesOn(ticket.id)).filter((b) => b.startsWith(`twice ${clientId}`));
    expect(bodies.sort()).toEqual(mutations.map((m) => (m.args as { body: string }).body).sort());
    const logged = await readStore(one.location, (db) => db.selectFrom('change_log').select('mutation_id').where('client_id', '=', clientId).orderBy('seq').execute());
    // Two changes per note (message, ticket), in client order.
    expect(logged.map((r) => r.mutation_id)).toEqual(mutations.flatMap((m) => [m.id, m.id]));
    const { kept, recounted } = await recountChecksums(one.location);
    expect(kept).toEqual(recounted);
  });

  it('shows an agent on instance 1 the presence of a teammate on instance 2, and its end when that socket closes', async () => {
    const [alex, priya] = await Promise.all([signIn(one.url, DEMO_AGENT_EMAIL), signIn(two.url, PRIYA_EMAIL)]);
    const alexSocket = await connectRealtime(one.url, alex.token);
    const priyaSocket = await connectRealtime(two.url, priya.token);
    try {
      priyaSocket.send({ type: 'presence', ticketId: ticket.id, state: 'replying' });
      expect(await alexSocket.message()).toMatchObject({ type: 'presence', agentId: priya.agentId, ticketId: ticket.id, state: 'replying' });
      priyaSocket.close();
      expect(await alexSocket.message()).toMatchObject({ type: 'presence', agentId: priya.agentId, ticketId: ticket.id, state: null });
    } finally {
      alexSocket.close();
    }
  });

  it('after losing its LISTEN connection, an instance reconnects, pokes its sockets up to the head, and hears the others again', async () => {
    const { alex, cursor, socket } = await alexOnInstanceOne();
    try {
      const terminated = await readStore(one.location, async (db) => {
        const { rows } = await sql<{ done: boolean }>`
          select pg_terminate_backend(pid) as done from pg_stat_activity
          where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`.execute(db);
        return rows.filter((r) => r.done).length;
      });
      expect(terminated).toBe(2);
      // Whatever the other instance said meanwhile is lost, so the reconnected instance pokes everyone.
      expect(await socket.next()).toEqual({ type: 'poke', seq: cursor.seq });
      await post(two.url, routes.push, { clientId: alex.clientId, mutations: [note(1, ticket.id, 'after the reconnect')] }, alex.token);
      expect(await socket.next()).toEqual({ type: 'poke', seq: cursor.seq + 2 });
    } finally {
      socket.close();
    }
  });
});
