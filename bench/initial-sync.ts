// Initial sync with the replica's secondary indexes kept during the bulk load, and with them
// dropped and built afterwards (the default). Prints rows/s for
//  - the whole sync of the demo workspace over loopback (--scale, default 5), and
//  - the replica's writes alone: the demo at scale 10, its tickets and threads copied --copies
//    times (default 4, about 0.9M rows), served from memory so only the engine's work is timed.
//   npx node bench/initial-sync.ts [--scale 5] [--copies 4]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Replica } from '../electron/engine/replica/replica.ts';
import { bootstrap } from '../electron/engine/sync/bootstrap.ts';
import { SyncApi } from '../electron/engine/sync/sync-api.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../server/demo/credentials.ts';
import { generateDemo, type DemoWorkspace } from '../server/demo/generate.ts';
import { newId } from '../shared/ids.ts';
import type { EntityKind } from '../shared/model/index.ts';
import type { BootstrapResponse, SnapshotRequest, SnapshotResponse } from '../shared/sync/protocol.ts';
import { startTestServer } from '../tests/support/server.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '5' }, copies: { type: 'string', default: '4' } } });
const dir = mkdtempSync(join(tmpdir(), 'orbit-bench-'));
const noHooks = { onProgress: () => undefined, onRows: () => undefined };
const PAGE = 2000;

/** Serves generated rows as snapshot pages from memory; every ticket and message comes with the first share asked for. */
class MemoryApi extends SyncApi {
  readonly #rows: Record<EntityKind, object[]>;
  constructor(rows: Record<EntityKind, object[]>) {
    super('http://127.0.0.1:9', null);
    this.#rows = rows;
  }
  override async bootstrap(): Promise<BootstrapResponse> {
    const counts = Object.fromEntries(Object.entries(this.#rows).map(([k, r]) => [k, r.length]));
    return { cursor: { epoch: 'bench', seq: 0 }, lastMutationId: 0, counts, scopes: ['org'] };
  }
  override async snapshot(request: SnapshotRequest): Promise<SnapshotResponse> {
    const all = request.history && request.history.part !== 'open' ? [] : this.#rows[request.kind];
    const from = Number(request.after ?? 0);
    const rows = all.slice(from, from + PAGE) as Record<string, unknown>[];
    return { rows, versions: rows.map(() => 0), next: from + PAGE < all.length ? String(from + PAGE) : null };
  }
}

/** The demo with its tickets and threads copied under fresh ids, for a replica the size of a busy help desk. */
function bigWorkspace(copies: number): Record<EntityKind, object[]> {
  const demo: DemoWorkspace = generateDemo({ scale: 10, seed: 1 });
  const tickets: object[] = [];
  const messages: object[] = [];
  for (let c = 0; c < copies; c++) {
    const ids = new Map(demo.tickets.map((t) => [t.id, c === 0 ? t.id : newId()]));
    for (const t of demo.tickets) tickets.push({ ...t, id: ids.get(t.id), number: null });
    for (const m of demo.messages) messages.push({ ...m, id: c === 0 ? m.id : newId(), ticketId: ids.get(m.ticketId) });
  }
  return { team: demo.teams, agent: demo.agents, account: demo.accounts, contact: demo.contacts, ticket: tickets, message: messages, article: demo.articles, slaPolicy: [], macro: [], view: [], report: [] };
}

async function timedBootstrap(api: SyncApi, deferIndexes: boolean): Promise<{ rows: number; seconds: number }> {
  const replica = await Replica.open(join(dir, `${newId()}.sqlite`));
  try {
    const started = performance.now();
    await bootstrap(replica, api, newId(), noHooks, undefined, { deferIndexes });
    const seconds = (performance.now() - started) / 1000;
    const rows = replica.db.prepare<[], number>('SELECT count(*) FROM _versions').pluck().get() ?? 0;
    return { rows, seconds };
  } finally {
    await replica.close();
  }
}

const line = (what: string, { rows, seconds }: { rows: number; seconds: number }) =>
  console.log(`${what.padEnd(40)} ${rows.toLocaleString('en').padStart(9)} rows in ${seconds.toFixed(1).padStart(5)} s = ${Math.round(rows / seconds).toLocaleString('en').padStart(7)} rows/s`);
const variants = [false, true].map((deferIndexes) => ({ deferIndexes, label: deferIndexes ? 'indexes built after' : 'indexes kept during' }));

try {
  const memory = new MemoryApi(bigWorkspace(Number(values.copies)));
  for (const { deferIndexes, label } of variants) line(`replica writes only, ${label}:`, await timedBootstrap(memory, deferIndexes));

  const scale = Number(values.scale);
  const server = await startTestServer({ demo: { scale, seed: 1 }, location: { dbFile: join(dir, 'server.sqlite') } });
  try {
    const { token } = await new SyncApi(server.url, null).login(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    for (const { deferIndexes, label } of variants) line(`demo x${scale} over loopback, ${label}:`, await timedBootstrap(new SyncApi(server.url, token), deferIndexes));
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
