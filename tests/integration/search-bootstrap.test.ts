import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../electron/engine/replica/statement-cache.ts';
import { runSearch } from '../../electron/engine/search/run-search.ts';
import { INDEXING_LABEL, searchIndexPending } from '../../electron/engine/search/search-index.ts';
import { SEARCHED } from '../../electron/engine/search/search-tables.ts';
import { bootstrap, type BootstrapProgress } from '../../electron/engine/sync/bootstrap.ts';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { newId } from '../../shared/ids.ts';
import { wordTokens } from '../../shared/rules/search-query.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { agentByEmail } from '../unit/server/api.ts';
import { replicaFiles } from './engine-helpers.ts';

const newReplica = replicaFiles();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05, seed: 11 } });
});
afterAll(() => server.close());

const indexed = (replica: Replica, fts: string) => replica.db.prepare(`SELECT count(*) FROM ${fts}_docsize`).pluck().get() as number;

describe('search after the initial sync', () => {
  it('indexes nothing while the snapshot downloads, then builds the index with progress, and every row is searchable', async () => {
    const { token } = await new SyncApi(server.url, null).login(DEMO_AGENT_EMAIL, DEMO_PASSWORD);
    const api = new SyncApi(server.url, token);
    const replica = await Replica.open(newReplica());
    const progress: BootstrapProgress[] = [];
    const indexedDuringDownload: number[] = [];
    try {
      await bootstrap(replica, api, newId(), {
        onProgress: (p) => {
          progress.push(p);
          if (p.label !== INDEXING_LABEL) indexedDuringDownload.push(indexed(replica, 'search_messages') + indexed(replica, 'search_tickets'));
        },
        onRows: () => undefined,
      });
      // The triggers stayed out of the bulk load.
      expect(indexedDuringDownload.every((n) => n === 0)).toBe(true);
      const indexing = progress.filter((p) => p.label === INDEXING_LABEL);
      const firstIndexing = progress.findIndex((p) => p.label === INDEXING_LABEL);
      // After every download step, from 0 to all rows, forward only.
      expect(progress.slice(firstIndexing).every((p) => p.label === INDEXING_LABEL)).toBe(true);
      const rows = SEARCHED.reduce((n, t) => n + (replica.db.prepare(`SELECT count(*) FROM ${t.table}`).pluck().get() as number), 0);
      expect(indexing[0]).toEqual({ label: INDEXING_LABEL, done: 0, total: rows });
      expect(indexing.at(-1)).toEqual({ label: INDEXING_LABEL, done: rows, total: rows });
      expect(indexing.map((p) => p.done)).toEqual(indexing.map((p) => p.done).toSorted((a, b) => a - b));
      expect(searchIndexPending(replica.db)).toBe(false);
      for (const t of SEARCHED) {
        expect(indexed(replica, t.fts)).toBe(replica.db.prepare(`SELECT count(*) FROM ${t.table}`).pluck().get());
        replica.db.prepare(`INSERT INTO ${t.fts} (${t.fts}, rank) VALUES ('integrity-check', 1)`).run();
      }

      // A ticket of the replica is found by a word of its subject.
      const alex = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
      const subject = replica.db.prepare(`SELECT json_extract(data, '$.subject') FROM tickets ORDER BY rowid LIMIT 1`).pluck().get() as string;
      const word = wordTokens(subject).sort((a, b) => b.length - a.length)[0] as string;
      const found = runSearch({ db: replica.db, sql: new StatementCache(replica.db), viewerId: alex.id }, { text: `${word} `, limit: 50 });
      expect(found.groups.find((g) => g.kind === 'ticket')?.hits.map((h) => h.kind === 'ticket' && h.subject.replace(/[\uE000\uE001]/g, ''))).toContain(subject);
    } finally {
      await replica.close();
    }
  });
});
