import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import type { DeskApi } from '../../shared/ipc/index.ts';
import { routes } from '../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import type { Database as ServerDatabase } from '../../server/store/schema.ts';
import { startObservedServer, type ObservedServer } from '../support/observed-server.ts';
import { serverWrite } from '../support/server-write.ts';
import { readStore, setStatusBehindServer } from '../support/store.ts';
import { agentByEmail, ticketsOf } from '../unit/server/api.ts';
import { deskOf, idleAndOnline, replicaFiles, untilChanged, untilStatus } from './engine-helpers.ts';

/** Priya works in the same team as Alex (server/demo/roster.ts). */
const PRIYA_EMAIL = 'priya@orbit.demo';

interface Workstation {
  desk: DeskApi;
  dbFile: string;
  clientId: string;
  agentId: string;
}

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
let server: ObservedServer;
let alex: Workstation;
let priya: Workstation;
/** Open tickets of the shared team, one per test, so that tests do not meet. */
let teamTickets: string[];

function readReplica<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const metaOf = (w: Workstation, key: string) => readReplica(w.dbFile, (db) => db.prepare('SELECT value FROM _meta WHERE key = ?').pluck().get(key) as string);
const cursorSeq = (w: Workstation) => (JSON.parse(metaOf(w, 'cursor')) as { seq: number }).seq;

async function workstation(email: string): Promise<Workstation> {
  const dbFile = newReplica();
  // In-process and without polling: only the realtime socket brings news.
  const engine = await Engine.open({ dbFile, pollIntervalMs: 0 });
  cleanup.push(() => engine.close());
  const desk = deskOf(engine);
  const session = await desk.invoke('session.login', { serverUrl: server.url, email, password: DEMO_PASSWORD });
  if (session.state !== 'signed_in') throw new Error(`${email} could not sign in`);
  await untilStatus(desk, idleAndOnline);
  const w = { desk, dbFile, agentId: session.agent.id, clientId: '' };
  w.clientId = metaOf(w, 'client_id');
  return w;
}

/**
 * Resolves once the workstation has no sync cycle running or queued (sync.now answers after the
 * queued one) and the server knows where its replica stands: from then on commits reach it inline.
 */
async function caughtUp(w: Workstation): Promise<void> {
  await w.desk.invoke('sync.now');
  await server.hub.until(() => server.hub.reports.get(w.clientId)?.seq === cursorSeq(w));
}

const note = async (w: Workstation, ticketId: string, body: string) => (await w.desk.invoke('ticket.reply', { ticketId, kind: 'note', body })).messageId;
const messageOn = (w: Workstation, ticketId: string, messageId: string) =>
  untilChanged(w.desk, async () => (await w.desk.invoke('ticket.get', { id: ticketId }))?.messages.find((m) => m.id === messageId && !m.pendingSync));
const onServer = <T>(read: (db: Kysely<ServerDatabase>) => Promise<T>) => readStore(server.location, read);

beforeAll(async () => {
  server = await startObservedServer({ scale: 0.1, seed: 31 });
  cleanup.push(() => server.close());
  alex = await workstation(DEMO_AGENT_EMAIL);
  priya = await workstation(PRIYA_EMAIL);
  const { rows } = await alex.desk.invoke('queue.page', { view: 'team', after: null, limit: 50 });
  teamTickets = rows.filter((r) => r.status === 'open').map((r) => r.id);
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

function nextTicket(): string {
  const id = teamTickets.shift();
  if (!id) throw new Error('not enough open team tickets in the demo workspace');
  return id;
}

describe('inline deltas between two workstations', () => {
  it("bring another agent's commit to an idle workstation without an HTTP pull", async () => {
    const ticketId = nextTicket();
    await caughtUp(priya);
    const pullsBefore = server.pulls(priya.clientId);

    const messageId = await note(alex, ticketId, 'Priya, this one is for you.');
    expect(await messageOn(priya, ticketId, messageId)).toMatchObject({ authorName: 'Alex Morgan', body: 'Priya, this one is for you.' });
    expect(server.pulls(priya.clientId)).toBe(pullsBefore);
    expect(server.hub.sent).toContainEqual({ agentId: priya.agentId, message: expect.objectContaining({ type: 'delta' }) });
    // And Priya tells the server where she now stands, so the next commit can come inline too.
    await caughtUp(priya);
  });

  it('make a workstation pull when the delta does not start at its cursor', async () => {
    const ticketId = nextTicket();
    await caughtUp(priya);
    const believed = cursorSeq(priya);
    // The server misses one commit and Priya's next cursor report: its idea of her cursor goes stale.
    server.hub.ignoreReportsOf.add(priya.clientId);
    server.hub.deaf = true;
    const missed = await note(alex, ticketId, 'Missed by the hub');
    await untilStatus(alex.desk, idleAndOnline);
    server.hub.deaf = false;
    await priya.desk.invoke('sync.now');
    expect(cursorSeq(priya)).toBeGreaterThan(believed);
    const pullsBefore = server.pulls(priya.clientId);

    const next = await note(alex, ticketId, 'Comes as a delta from where the hub thinks Priya is');
    await messageOn(priya, ticketId, next);
    expect(server.hub.sent).toContainEqual({ agentId: priya.agentId, message: expect.objectContaining({ type: 'delta', fromSeq: believed }) });
    expect(server.pulls(priya.clientId)).toBe(pullsBefore + 1);
    const thread = (await priya.desk.invoke('ticket.get', { id: ticketId }))?.messages.map((m) => m.id);
    expect(thread?.filter((id) => id === missed || id === next)).toEqual([missed, next]);
    server.hub.ignoreReportsOf.delete(priya.clientId);
  });

  it('poke a workstation for a commit too big to go inline, and it pulls', async () => {
    const ticketId = nextTicket();
    await caughtUp(priya);
    const pullsBefore = server.pulls(priya.clientId);
    const long = await note(alex, ticketId, 'A pasted log file. '.repeat(4000));
    await messageOn(priya, ticketId, long);
    expect(server.hub.sent).toContainEqual({ agentId: priya.agentId, message: expect.objectContaining({ type: 'poke' }) });
    expect(server.pulls(priya.clientId)).toBe(pullsBefore + 1);
  });

  it('apply under a push in flight; the pushed mutation then lands exactly once', async () => {
    const ticketId = nextTicket();
    await Promise.all([caughtUp(alex), caughtUp(priya)]);
    const hold = server.hold(routes.push, 'before');
    const ours = await note(alex, ticketId, 'Alex, pushed slowly');
    await hold.reached;
    const pullsBefore = server.pulls(alex.clientId);

    const theirs = await note(priya, ticketId, 'Priya, meanwhile');
    await messageOn(alex, ticketId, theirs);
    const during = await alex.desk.invoke('ticket.get', { id: ticketId });
    expect(during?.messages.find((m) => m.id === ours)).toMatchObject({ pendingSync: true });
    expect(server.pulls(alex.clientId)).toBe(pullsBefore);

    hold.release();
    await messageOn(alex, ticketId, ours);
    await messageOn(priya, ticketId, ours);
    await untilStatus(alex.desk, idleAndOnline);
    expect(await onServer((db) => db.selectFrom('messages').select('id').where('id', '=', ours).execute())).toHaveLength(1);
    expect(await onServer((db) => db.selectFrom('change_log').select('seq').where('kind', '=', 'message').where('entity_id', '=', ours).execute())).toHaveLength(1);
    const order = (w: Workstation) => w.desk.invoke('ticket.get', { id: ticketId }).then((d) => d?.messages.map((m) => m.id));
    expect(await order(alex)).toEqual(await order(priya));
  });

  it('leave a pull answer that was overtaken by a delta unused, and pull on from the delta', async () => {
    const ticketId = nextTicket();
    await caughtUp(priya);
    const hold = server.hold(routes.pull, 'after');
    const pullsBefore = server.pulls(priya.clientId);
    const syncing = priya.desk.invoke('sync.now');
    await hold.reached;

    const overtaking = await note(alex, ticketId, 'Arrives inline while Priya waits for her pull');
    await messageOn(priya, ticketId, overtaking);
    const afterDelta = cursorSeq(priya);
    hold.release();
    await syncing;
    // The held answer stood at the old cursor: applied, it would have moved the cursor back behind the delta's rows.
    expect(cursorSeq(priya)).toBe(afterDelta);
    expect(server.pulls(priya.clientId)).toBe(pullsBefore + 2);
    expect((await priya.desk.invoke('ticket.get', { id: ticketId }))?.messages.filter((m) => m.id === overtaking)).toHaveLength(1);
  });

  it('wait for the push answer before settling a mutation it covers, so a refusal is never lost', async () => {
    const ticketId = nextTicket();
    const [closedOne] = (await alex.desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    if (!closedOne) throw new Error('the demo agent has no open ticket assigned');
    await Promise.all([caughtUp(alex), caughtUp(priya)]);
    // Closed on the server behind Alex's back: his reply to it will be refused.
    await setStatusBehindServer(server.location, closedOne.id, 'closed');

    const hold = server.hold(routes.push, 'after');
    await alex.desk.invoke('ticket.reply', { ticketId: closedOne.id, kind: 'reply', body: 'Replying to a ticket closed meanwhile.' });
    await hold.reached;
    const theirs = await note(priya, ticketId, 'Committed while Alex waits for his answer');
    await server.hub.until(() => server.hub.sent.some((s) => s.agentId === alex.agentId && s.message.type === 'delta' && !s.message.page.reset && s.message.page.changes.some((c) => c.id === theirs)));

    // Priya's presence follows that delta on Alex's socket, and a write on his replica queues behind the delta's transaction.
    const presenceHeard = new Promise<void>((resolve) => alex.desk.on('presence', (p) => p.ticketId === ticketId && resolve()));
    await priya.desk.invoke('presence.set', { ticketId, state: 'viewing' });
    await presenceHeard;
    await note(alex, ticketId, 'Written after the delta came');
    expect((await alex.desk.invoke('ticket.get', { id: ticketId }))?.messages.some((m) => m.id === theirs)).toBe(false);

    hold.release();
    const settled = await untilStatus(alex.desk, (s) => s.phase === 'idle' && s.pending === 0 && s.rejected === 1);
    expect(settled.rejected).toBe(1);
    await messageOn(alex, ticketId, theirs);
    await priya.desk.invoke('presence.set', { ticketId, state: null });
  });
  // Last: it changes Priya's teams for good.
  it("downloads a scope a delta grants (the agent joined a team) at once, without a poll", async () => {
    await Promise.all([caughtUp(alex), caughtUp(priya)]);
    const billing = (await agentByEmail(server.location, 'sofia@orbit.demo')).teamIds[0] as string;
    const [billingTicket] = await ticketsOf(server.location, (t) => t.teamId === billing);
    if (!billingTicket) throw new Error('the demo lacks a Billing ticket');
    // An administrator adds Priya to Billing; the server pokes nobody for that write itself.
    await serverWrite(server.location, async (tx) => {
      const agent = await tx.get('agent', priya.agentId);
      await tx.put('agent', { ...agent!, teamIds: [...agent!.teamIds, billing], updatedAt: new Date().toISOString() });
    });
    // Any commit Priya hears about brings the new membership inline; Billing's tickets must follow without anything else happening.
    await note(alex, nextTicket(), 'Anything, to wake Priya up.');
    expect(await untilChanged(priya.desk, () => priya.desk.invoke('ticket.get', { id: billingTicket.id }).then((t) => t ?? undefined))).toMatchObject({
      ticket: { id: billingTicket.id, teamId: billing },
    });
  });
});
