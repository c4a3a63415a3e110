import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { bootstrap } from '../../electron/engine/sync/bootstrap.ts';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { newId } from '../../shared/ids.ts';
import { messageAdd } from '../../shared/mutators/index.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import type { Database as ServerDatabase } from '../../server/store/schema.ts';
import type { DeskApi } from '../../shared/ipc/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readStore, setStatusBehindServer } from '../support/store.ts';
import { deskOf, idleAndOnline, replicaFiles, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
let server: TestServer;
/** Engines of the running test, closed after it so none keeps syncing into the next one. */
const engines: Engine[] = [];
let testsStarted = 0;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 23 } });
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});
afterAll(() => server.close());

async function openEngine(dbFile: string): Promise<{ engine: Engine; desk: DeskApi }> {
  const engine = await Engine.open({ dbFile, pollIntervalMs: 0 });
  engines.push(engine);
  return { engine, desk: deskOf(engine) };
}

/** Writes straight into the server's database: what an administrator or a restore would do behind the API. */
const onServerDb = <T>(task: (db: Kysely<ServerDatabase>) => Promise<T>): Promise<T> => readStore(server.location, task);

const serverMessagesWithBody = (body: string): Promise<number> =>
  onServerDb(async (db) => Number((await db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where('body', '=', body).executeTakeFirstOrThrow()).n));

async function signedInAlex(): Promise<{ engine: Engine; desk: DeskApi; ticketId: string; agentId: string; dbFile: string }> {
  const dbFile = newReplica();
  const { engine, desk } = await openEngine(dbFile);
  const session = await desk.invoke('session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
  if (session.state !== 'signed_in') throw new Error('sign-in failed');
  await untilStatus(desk, idleAndOnline);
  const { rows } = await desk.invoke('queue.page', { view: 'mine', after: null, limit: 20 });
  // Each test takes its own ticket, so tests sharing the server do not meet.
  const ticketId = rows[testsStarted++]?.id;
  if (!ticketId) throw new Error('not enough open tickets assigned to the demo agent');
  return { engine, desk, ticketId, agentId: session.agent.id, dbFile };
}

describe('sync trouble', () => {
  it('keeps a change the server refuses, as rejected with its reason, and undoes its effect', async () => {
    const { desk, ticketId } = await signedInAlex();
    // Someone closed the ticket on the server; this replica has not heard of it.
    await setStatusBehindServer(server.location, ticketId, 'closed');

    const { messageId } = await desk.invoke('ticket.reply', { ticketId, kind: 'reply', body: 'Following up on your question.' });
    const status = await untilStatus(desk, (s) => s.phase === 'idle' && s.rejected === 1);

    expect(status).toMatchObject({ pending: 0, rejected: 1 });
    expect((await desk.invoke('ticket.get', { id: ticketId }))?.messages.some((m) => m.id === messageId)).toBe(false);
    const reasons = await onServerDb((db) => db.selectFrom('rejected_mutations').select('reason').execute());
    expect(reasons.map((r) => r.reason)).toEqual(['A closed ticket cannot get replies; create a follow-up ticket instead.']);
  });

  it('signs the agent out when the server ends the session, and sends their change after the next sign-in', async () => {
    const { desk, ticketId } = await signedInAlex();
    await onServerDb((db) => db.deleteFrom('sessions').execute());

    const body = 'Written just as the session was revoked.';
    await desk.invoke('ticket.reply', { ticketId, kind: 'note', body });
    const out = await untilStatus(desk, (s) => s.phase === 'signed_out');
    expect(out).toMatchObject({ pending: 1, error: expect.stringContaining('Sign in again') });
    expect(await desk.invoke('session.get')).toEqual({ state: 'signed_out' });

    await desk.invoke('session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
    await untilStatus(desk, idleAndOnline);
    expect(await serverMessagesWithBody(body)).toBe(1);
  });

  it('stops pushing a change the server does not know, says what to do, and loses nothing', async () => {
    const { engine, ticketId, agentId, dbFile } = await signedInAlex();
    await engine.close();
    // As if a newer Orbit had queued a kind of change this server does not have yet.
    const replica = new Database(dbFile);
    replica
      .prepare(`INSERT INTO _outbox (id, name, args, ctx, state) VALUES (1, 'ticket.teleport@1', '{}', ?, 'pending')`)
      .run(JSON.stringify({ actorId: agentId, role: 'agent', now: new Date().toISOString() }));
    replica.prepare(`INSERT INTO _meta (key, value) VALUES ('last_mutation_id', '1')`).run();
    replica.close();

    const { desk: reopened } = await openEngine(dbFile);
    const blocked = await untilStatus(reopened, (s) => s.phase === 'error');
    expect(blocked).toMatchObject({ pending: 1, error: expect.stringMatching(/does not know .*Update Orbit/) });

    await reopened.invoke('ticket.reply', { ticketId, kind: 'note', body: 'Queued behind the unknown change.' });
    const after = await reopened.invoke('sync.now');
    expect(after).toMatchObject({ phase: 'error', pending: 2 });
    expect(await serverMessagesWithBody('Queued behind the unknown change.')).toBe(0);
  });

  it('downloads everything again when the server was restored, then syncs on', async () => {
    const { engine, ticketId, dbFile } = await signedInAlex();
    await engine.close();
    // A restore gives the workspace a new epoch: every replica's cursor is void.
    await onServerDb((db) => db.updateTable('workspace').set({ epoch: 'restored-from-backup' }).execute());

    const { desk: reopened } = await openEngine(dbFile);
    const phases: string[] = [];
    reopened.on('sync.status', (s) => phases.push(s.phase));
    await untilStatus(reopened, idleAndOnline);
    expect(phases).toContain('bootstrapping');
    const replica = new Database(dbFile, { readonly: true });
    expect(replica.prepare(`SELECT value FROM _meta WHERE key = 'cursor'`).pluck().get()).toMatch(/restored-from-backup/);
    replica.close();

    const body = 'After the restore.';
    await reopened.invoke('ticket.reply', { ticketId, kind: 'note', body });
    await untilStatus(reopened, idleAndOnline);
    expect((await reopened.invoke('ticket.get', { id: ticketId }))?.messages.filter((m) => m.body === body)).toHaveLength(1);
  });

  it('keeps pending work, visible, across such a fresh download', async () => {
    const { engine, ticketId, agentId, dbFile } = await signedInAlex();
    await engine.close();
    const body = 'Written before the fresh download.';
    const noteId = newId();
    const replica = await Replica.open(dbFile);
    try {
      await replica.writer.transaction(async () => {
        await replica.outbox.record(messageAdd, { id: noteId, ticketId, kind: 'note', body }, { actorId: agentId, role: 'agent', now: new Date().toISOString() });
        // What a `reset` answer to a pull leaves behind.
        replica.meta.delete('cursor');
      });
      const api = new SyncApi(server.url, replica.meta.get('token') ?? '');
      const complete = await bootstrap(replica, api, replica.meta.get('client_id') ?? '', { onProgress: () => undefined, onRows: () => undefined });

      expect(complete).toBe(true);
      expect(replica.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
      expect(replica.store.get('message', noteId)).toMatchObject({ ticketId, body });
    } finally {
      await replica.close();
    }

    const { desk } = await openEngine(dbFile);
    await untilStatus(desk, idleAndOnline);
    expect(await serverMessagesWithBody(body)).toBe(1);
  });
});
