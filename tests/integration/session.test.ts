import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import type { DeskApi, SyncStatus } from '../../shared/ipc/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { deskOf, idleAndOnline, replicaFiles, untilStatus } from './engine-helpers.ts';

const PRIYA_EMAIL = 'priya@orbit.demo';
const newReplica = replicaFiles();
let server: TestServer;
const engines: Engine[] = [];

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 31 } });
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});
afterAll(() => server.close());

async function openDesk(dbFile = newReplica()): Promise<DeskApi> {
  const engine = await Engine.open({ dbFile, pollIntervalMs: 0 });
  engines.push(engine);
  return deskOf(engine);
}

const signIn = (desk: DeskApi, email: string, password = DEMO_PASSWORD) => desk.invoke('session.login', { serverUrl: server.url, email, password });
const clientIdOf = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  const id = db.prepare(`SELECT value FROM _meta WHERE key = 'client_id'`).pluck().get();
  db.close();
  return id;
};

describe('signing in', () => {
  it('reports the initial sync as progress, then serves the queue', async () => {
    const desk = await openDesk();
    const progress: NonNullable<SyncStatus['progress']>[] = [];
    desk.on('sync.status', (s) => s.progress && progress.push(s.progress));

    const session = await signIn(desk, DEMO_AGENT_EMAIL);
    expect(session).toMatchObject({ state: 'signed_in', serverUrl: server.url, workspaceName: 'Orbit Demo', agent: { email: DEMO_AGENT_EMAIL } });
    await untilStatus(desk, idleAndOnline);

    // Open work first, history after it.
    const labels = [...new Set(progress.map((p) => p.label))];
    expect(labels.slice(0, 3)).toEqual(['Downloading the directory', 'Downloading open tickets', 'Downloading customers']);
    expect(labels.indexOf('Downloading conversations of open tickets')).toBeLessThan(labels.indexOf('Downloading older tickets'));
    const last = progress.at(-1);
    expect(last && last.done).toBe(last?.total);
    const counts = await desk.invoke('queue.counts');
    expect(counts.mine).toBeGreaterThan(0);
    expect((await desk.invoke('queue.page', { view: 'all', after: null, limit: 5 })).total).toBe(counts.all);
  });

  it('says clearly when the password is wrong or the server cannot be reached', async () => {
    const desk = await openDesk();
    await expect(signIn(desk, DEMO_AGENT_EMAIL, 'not-the-password')).rejects.toMatchObject({ code: 'rejected' });
    await expect(desk.invoke('session.login', { serverUrl: 'http://127.0.0.1:9', email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'Cannot reach http://127.0.0.1:9. Check the address and your network.',
    });
    expect(await desk.invoke('session.get')).toEqual({ state: 'signed_out' });
  });

  it("refuses another agent while the first one's changes are unsent, and keeps them", async () => {
    const dbFile = newReplica();
    const desk = await openDesk(dbFile);
    await signIn(desk, DEMO_AGENT_EMAIL);
    await untilStatus(desk, idleAndOnline);
    const [ticket] = (await desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;

    // Alex writes while the server is out of reach, then signs out with it unsent.
    await server.close();
    await desk.invoke('ticket.reply', { ticketId: ticket!.id, kind: 'note', body: 'Unsent note.' });
    await desk.invoke('session.logout');
    server = await startTestServer({ location: server.location, port: server.port });

    await expect(signIn(desk, PRIYA_EMAIL)).rejects.toMatchObject({ code: 'rejected', message: expect.stringContaining('Sign in as Alex Morgan first') });
    expect(await desk.invoke('sync.status')).toMatchObject({ pending: 1 });

    await signIn(desk, DEMO_AGENT_EMAIL);
    await untilStatus(desk, idleAndOnline);
  });

  it('gives another agent a fresh replica (and client id) once nothing is unsent', async () => {
    const dbFile = newReplica();
    const desk = await openDesk(dbFile);
    await signIn(desk, DEMO_AGENT_EMAIL);
    await untilStatus(desk, idleAndOnline);
    const alexClient = clientIdOf(dbFile);
    await desk.invoke('session.logout');

    const session = await signIn(desk, PRIYA_EMAIL);
    await untilStatus(desk, idleAndOnline);
    expect(session).toMatchObject({ state: 'signed_in', agent: { email: PRIYA_EMAIL } });
    expect(clientIdOf(dbFile)).not.toBe(alexClient);
    const mine = await desk.invoke('queue.page', { view: 'mine', after: null, limit: 500 });
    expect(mine.rows.every((r) => r.assigneeName === 'Priya Raman')).toBe(true);
  });
});
