import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { bootstrap, needsBootstrap, type BootstrapProgress } from '../../electron/engine/sync/bootstrap.ts';
import { INDEXING_LABEL } from '../../electron/engine/search/search-index.ts';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { newId } from '../../shared/ids.ts';
import { UNSOLVED_STATUSES } from '../../shared/rules/status.ts';
import { routes } from '../../shared/sync/routes.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { agentByEmail, mutation, post, readStore, signIn, ticketsOf } from '../unit/server/api.ts';
import { replicaFiles } from './engine-helpers.ts';

const newReplica = replicaFiles();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 5 } });
});
afterAll(() => server.close());

async function alexApi(): Promise<SyncApi> {
  const { token } = await new SyncApi(server.url, null).login(DEMO_AGENT_EMAIL, DEMO_PASSWORD);
  return new SyncApi(server.url, token);
}

const count = (replica: Replica, sql: string, ...params: unknown[]) => replica.db.prepare(sql).pluck().get(...params) as number;
const unsolved = UNSOLVED_STATUSES.map((s) => `'${s}'`).join(', ');

describe('the initial sync', () => {
  it('resumes where it stopped, after a restart, and ends with every row the server counted', async () => {
    const api = await alexApi();
    const clientId = newId();
    const dbFile = newReplica();
    const progress: BootstrapProgress[] = [];
    const hooks = { onProgress: (p: BootstrapProgress) => progress.push(p), onRows: () => undefined };

    // Interrupted once every ticket is in, as if the app were closed then.
    const first = await Replica.open(dbFile);
    expect(await bootstrap(first, api, clientId, hooks, 'ticket')).toBe(false);
    expect(count(first, 'SELECT count(*) FROM articles')).toBe(0);
    await first.close();
    const beforeRestart = progress.length;

    const second = await Replica.open(dbFile);
    try {
      expect(needsBootstrap(second)).toBe(true);
      expect(await bootstrap(second, api, clientId, hooks)).toBe(true);
      expect(needsBootstrap(second)).toBe(false);

      const { counts } = await api.bootstrap({ clientId });
      const rows = (table: string) => count(second, `SELECT count(*) FROM ${table}`);
      // Nothing downloaded twice: the second run starts with the older conversations.
      // The search index is built after the download, with progress of its own.
      expect(new Set(progress.slice(beforeRestart).map((p) => p.label))).toEqual(new Set(['Downloading older conversations', 'Downloading articles', INDEXING_LABEL]));
      const download = progress.filter((p) => p.label !== INDEXING_LABEL);
      expect({ ticket: rows('tickets'), message: rows('messages'), contact: rows('contacts'), article: rows('articles') }).toEqual({
        ticket: counts.ticket,
        message: counts.message,
        contact: counts.contact,
        article: counts.article,
      });
      // Every row carries the version the server sent it at.
      expect(count(second, 'SELECT count(*) FROM _versions')).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
      const last = download.at(-1);
      expect(last).toEqual({ label: 'Downloading articles', done: last?.total, total: Object.values(counts).reduce((a, b) => a + b, 0) });
      // Progress only ever moves forward, across the restart too.
      expect(download.map((p) => p.done)).toEqual([...download.map((p) => p.done)].sort((a, b) => a - b));
      // The secondary indexes dropped for the bulk load are back.
      expect(second.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'tickets_by_team'`).pluck().get()).toBe('tickets_by_team');
      expect(second.meta.get('deferred_indexes')).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('brings the open tickets of the agent’s teams first, then their threads, then history', async () => {
    const api = await alexApi();
    const alex = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
    const openOnServer = (await ticketsOf(server.location, (t) => alex.teamIds.includes(t.teamId ?? '') && UNSOLVED_STATUSES.includes(t.status))).length;
    expect(openOnServer).toBeGreaterThan(0);
    const replica = await Replica.open(newReplica());
    const seen: { open: number; settled: number; messages: number }[] = [];
    const hooks = {
      onProgress: () => undefined,
      onRows: () =>
        seen.push({
          open: count(replica, `SELECT count(*) FROM tickets WHERE json_extract(data, '$.status') IN (${unsolved})`),
          settled: count(replica, `SELECT count(*) FROM tickets WHERE json_extract(data, '$.status') NOT IN (${unsolved})`),
          messages: count(replica, 'SELECT count(*) FROM messages'),
        }),
    };
    try {
      await bootstrap(replica, api, newId(), hooks);
      const firstTickets = seen.find((s) => s.open > 0);
      // The first page of tickets is the whole open queue (at this size), and nothing solved came before it.
      expect(firstTickets).toMatchObject({ open: openOnServer, settled: 0, messages: 0 });
      const firstSettled = seen.findIndex((s) => s.settled > 0);
      const threadsIn = seen.findIndex((s) => s.messages > 0);
      expect(threadsIn).toBeGreaterThan(-1);
      expect(threadsIn).toBeLessThan(firstSettled);
    } finally {
      await replica.close();
    }
  });

  it('never misses a ticket, nor its thread, that moves to an earlier share of the history during the download', async () => {
    const api = await alexApi();
    const alex = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
    const [solved] = await ticketsOf(server.location, (t) => t.status === 'solved' && alex.teamIds.includes(t.teamId ?? ''));
    if (!solved) throw new Error('the demo has no solved ticket in the agent’s team');
    const thread = await readStore(server.location, (db) => db.selectFrom('messages').select('id').where('ticket_id', '=', solved.id).execute());
    expect(thread.length).toBeGreaterThan(0);
    const dbFile = newReplica();
    const clientId = newId();

    // The open tickets and their threads are in; then the download stops.
    const first = await Replica.open(dbFile);
    const stop = new Error('closed');
    const stopAtHistory = {
      onProgress: (p: BootstrapProgress) => {
        if (p.label === 'Downloading recent tickets') throw stop;
      },
      onRows: () => undefined,
    };
    await expect(bootstrap(first, api, clientId, stopAtHistory)).rejects.toBe(stop);
    expect(first.store.get('ticket', solved.id)).toBeUndefined();
    await first.close();

    // Meanwhile a lead reopens the solved ticket: it is open work now, a share already downloaded.
    const lena = await signIn(server.url, DEMO_LEAD_EMAIL);
    const reopen = mutation(1, 'ticket.setStatus@1', { ticketId: solved.id, status: 'open' });
    expect((await post(server.url, routes.push, { clientId: lena.clientId, mutations: [reopen] }, lena.token)).body.results[0].status).toBe('applied');

    // The thread as it is now: the reopening added its activity event.
    const threadNow = await readStore(server.location, (db) => db.selectFrom('messages').select('id').where('ticket_id', '=', solved.id).execute());
    expect(threadNow.length).toBe(thread.length + 1);
    const second = await Replica.open(dbFile);
    try {
      expect(await bootstrap(second, api, clientId, { onProgress: () => undefined, onRows: () => undefined })).toBe(true);
      expect(second.store.get('ticket', solved.id)).toMatchObject({ status: 'open' });
      expect(second.store.thread(solved.id).map((m) => m.id).sort()).toEqual(threadNow.map((m) => m.id).sort());
    } finally {
      await second.close();
    }
  });
});
