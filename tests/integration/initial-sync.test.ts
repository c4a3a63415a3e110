import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { bootstrap, needsBootstrap, type BootstrapProgress } from '../../electron/engine/sync/bootstrap.ts';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { newId } from '../../shared/ids.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { replicaFiles } from './engine-helpers.ts';

const newReplica = replicaFiles();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 5 } });
});
afterAll(() => server.close());

describe('the initial sync', () => {
  it('resumes where it stopped, after a restart, and ends with every row the server counted', async () => {
    const { token } = await new SyncApi(server.url, null).login(DEMO_AGENT_EMAIL, DEMO_PASSWORD);
    const api = new SyncApi(server.url, token);
    const clientId = newId();
    const dbFile = newReplica();
    const progress: BootstrapProgress[] = [];
    const hooks = { onProgress: (p: BootstrapProgress) => progress.push(p), onRows: () => undefined };

    // Interrupted once the tickets are in, as if the app were closed then.
    const first = await Replica.open(dbFile);
    expect(await bootstrap(first, api, clientId, hooks, 'ticket')).toBe(false);
    expect(first.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    await first.close();
    const beforeRestart = progress.length;

    const second = await Replica.open(dbFile);
    try {
      expect(needsBootstrap(second)).toBe(true);
      expect(await bootstrap(second, api, clientId, hooks)).toBe(true);
      expect(needsBootstrap(second)).toBe(false);

      const { counts } = await api.bootstrap({ clientId });
      const count = (table: string) => second.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      // Nothing downloaded twice: the second run starts with the messages.
      expect(new Set(progress.slice(beforeRestart).map((p) => p.label))).toEqual(new Set(['Downloading messages', 'Downloading articles']));
      expect({ ticket: count('tickets'), message: count('messages'), contact: count('contacts'), article: count('articles') }).toEqual({
        ticket: counts.ticket,
        message: counts.message,
        contact: counts.contact,
        article: counts.article,
      });
      const last = progress.at(-1);
      expect(last).toEqual({ label: 'Downloading articles', done: last?.total, total: Object.values(counts).reduce((a, b) => a + b, 0) });
      // Progress only ever moves forward, across the restart too.
      expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    } finally {
      await second.close();
    }
  });
});
