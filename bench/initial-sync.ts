// Initial sync of the demo workspace at scale, with the replica's secondary indexes kept during
// the bulk load and with them dropped and built afterwards (the default). Prints rows/s for the
// whole sync over loopback and for the replica's writes alone (the same pages replayed from memory).
//   npx node bench/initial-sync.ts [--scale 5] [--seed 1]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Replica } from '../electron/engine/replica/replica.ts';
import { bootstrap } from '../electron/engine/sync/bootstrap.ts';
import { SyncApi } from '../electron/engine/sync/sync-api.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../server/demo/credentials.ts';
import { newId } from '../shared/ids.ts';
import type { BootstrapResponse, SnapshotRequest, SnapshotResponse } from '../shared/sync/protocol.ts';
import { startTestServer } from '../tests/support/server.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
const dir = mkdtempSync(join(tmpdir(), 'orbit-bench-'));
const noHooks = { onProgress: () => undefined, onRows: () => undefined };

/** Serves the pages one real download fetched, from memory: what is left to time is the replica's own work. */
class ReplayApi extends SyncApi {
  readonly #start: BootstrapResponse;
  readonly #pages: Map<string, SnapshotResponse>;
  constructor(start: BootstrapResponse, pages: Map<string, SnapshotResponse>) {
    super('http://127.0.0.1:9', null);
    this.#start = start;
    this.#pages = pages;
  }
  override async bootstrap(): Promise<BootstrapResponse> {
    return this.#start;
  }
  override async snapshot(request: SnapshotRequest): Promise<SnapshotResponse> {
    const page = this.#pages.get(pageKey(request));
    if (!page) throw new Error(`no recorded page for ${pageKey(request)}`);
    return page;
  }
}

/** Records what it downloads, for ReplayApi. */
class TapeApi extends SyncApi {
  start: BootstrapResponse | undefined;
  readonly pages = new Map<string, SnapshotResponse>();
  override async bootstrap(request: { clientId: string }): Promise<BootstrapResponse> {
    this.start = await super.bootstrap(request);
    return this.start;
  }
  override async snapshot(request: SnapshotRequest): Promise<SnapshotResponse> {
    const page = await super.snapshot(request);
    this.pages.set(pageKey(request), page);
    return page;
  }
}

const pageKey = (r: SnapshotRequest) => `${r.kind}/${r.history?.part ?? ''}/${r.after ?? ''}`;

async function timedBootstrap(api: SyncApi, deferIndexes: boolean): Promise<{ rows: number; seconds: number }> {
  const replica = await Replica.open(join(dir, `${newId()}.sqlite`));
  try {
    const started = performance.now();
    await bootstrap(replica, api, newId(), noHooks, { deferIndexes });
    const seconds = (performance.now() - started) / 1000;
    const rows = replica.db.prepare<[], number>('SELECT count(*) FROM _versions').pluck().get() ?? 0;
    return { rows, seconds };
  } finally {
    await replica.close();
  }
}

const line = (what: string, { rows, seconds }: { rows: number; seconds: number }) =>
  console.log(`${what.padEnd(44)} ${rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s`);

try {
  console.log(`Seeding the demo workspace at scale ${scale}…`);
  const server = await startTestServer({ demo: { scale, seed: Number(values.seed) }, dbFile: join(dir, 'server.sqlite') });
  try {
    const { token } = await new SyncApi(server.url, null).login(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    const tape = new TapeApi(server.url, token);
    // Warm-up run (also records the pages); then each variant over the network and from the tape.
    await timedBootstrap(tape, true);
    const replay = new ReplayApi(tape.start as BootstrapResponse, tape.pages);
    for (const deferIndexes of [false, true]) {
      const label = deferIndexes ? 'indexes built after the load' : 'indexes kept during the load';
      line(`over loopback, ${label}:`, await timedBootstrap(new SyncApi(server.url, token), deferIndexes));
      line(`replica writes only, ${label}:`, await timedBootstrap(replay, deferIndexes));
    }
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
