import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { queueCountsLive, suspendQueueCounts } from '../../electron/engine/replica/queue-counts.ts';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { INDEXING_LABEL } from '../../electron/engine/search/search-index.ts';
import { bootstrap } from '../../electron/engine/sync/bootstrap.ts';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { newId } from '../../shared/ids.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { replicaFiles, settled, signedInWorkstation } from './engine-helpers.ts';

const newReplica = replicaFiles();
let server: TestServer;
const engines: Engine[] = [];
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05, seed: 12 } });
});
afterAll(async () => {
  for (const e of engines) await e.close();
  await server.close();
});

const COLS = 'team_id, assignee_id, status, unsolved, priority_rank';
/** The kept counts and COUNT(*) over the tickets, read over a connection of their own. */
function keptAndCounted(db: Database.Database) {
  return {
    live: queueCountsLive(db),
    kept: db.prepare(`SELECT ${COLS}, n FROM _queue_counts ORDER BY ${COLS}`).all(),
    counted: db.prepare(`SELECT ${COLS}, count(*) AS n FROM tickets GROUP BY ${COLS} ORDER BY ${COLS}`).all(),
  };
}

describe('kept queue counts and the server', () => {
  it('stay out of the initial sync’s bulk load, then hold every downloaded ticket', async () => {
    const { token } = await new SyncApi(server.url, null).login(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    const replica = await Replica.open(newReplica());
    const during: number[] = [];
    try {
      await bootstrap(replica, new SyncApi(server.url, token), newId(), {
        // While the snapshot downloads (the search index is built after the counts).
        onProgress: (p) => {
          if (p.label !== INDEXING_LABEL) during.push(queueCountsLive(replica.db) ? -1 : (replica.db.prepare('SELECT count(*) FROM _queue_counts').pluck().get() as number));
        },
        onRows: () => undefined,
      });
      expect(during.length).toBeGreaterThan(2);
      expect(during.every((n) => n === 0)).toBe(true);
      const { live, kept, counted } = keptAndCounted(replica.db);
      expect(live).toBe(true);
      expect(kept).toEqual(counted);
      expect(counted.length).toBeGreaterThan(3);
    } finally {
      await replica.close();
    }
  });

  it('are built by the sync loop for a replica that holds tickets it has not counted (as after the migration), and kept with the server’s changes', async () => {
    const dbFile = newReplica();
    const alex = await signedInWorkstation({ serverUrl: server.url, email: DEMO_AGENT_EMAIL, dbFile, opened: (e) => engines.push(e) });
    const lena = await signedInWorkstation({ serverUrl: server.url, email: DEMO_LEAD_EMAIL, dbFile: newReplica(), opened: (e) => engines.push(e) });
    const reader = new Database(dbFile);
    try {
      expect(keptAndCounted(reader).live).toBe(true);
      // As migration 013 leaves a replica that already holds tickets: nothing counted yet.
      reader.transaction(() => suspendQueueCounts(reader)).immediate();
      expect(keptAndCounted(reader)).toMatchObject({ live: false, kept: [] });

      // Another agent's change reaches Alex while the counts are being (re)built.
      const page = await lena.desk.invoke('queue.page', { view: 'team', after: null, limit: 5 });
      const target = page.rows[0];
      expect(target).toBeDefined();
      await lena.desk.invoke('ticket.assign', { ticketId: target!.id, assigneeId: alex.agentId, base: target!.assigneeId });
      await settled(lena.desk);
      await settled(alex.desk);

      const { live, kept, counted } = keptAndCounted(reader);
      expect(live).toBe(true);
      expect(kept).toEqual(counted);
      const all = reader.prepare('SELECT count(*) FROM tickets').pluck().get();
      expect(await alex.desk.invoke('queue.page', { view: 'all', after: null, limit: 1 })).toMatchObject({ total: all });
    } finally {
      reader.close();
    }
  });
});
