import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo, SeedRefused } from '../../server/demo/seed.ts';
import { startServer, type RunningServer } from '../../server/start.ts';
import { openStore } from '../../server/store/open.ts';

export interface TestServerOptions {
  /** Seed the demo workspace (full size with `true`) into an empty database; a database with data is used as it is. */
  demo?: boolean | { scale: number; seed?: number };
  /** Reuse this SQLite file (e.g. to restart a stopped server on the same data); a fresh temp file otherwise. */
  dbFile?: string;
  /** 0 or absent: any free port. Pass a stopped server's port to restart it where clients expect it. */
  port?: number;
}

export type TestServer = RunningServer & { dbFile: string };

const tempDirs = new Set<string>();
let cleanupInstalled = false;

function tempDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-server-'));
  tempDirs.add(dir);
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    // Kept until the test process ends, so a test can stop a server and start it again on the same file.
    process.once('exit', () => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  }
  return join(dir, 'server.sqlite');
}

/** A real Orbit server on 127.0.0.1 over a real SQLite file. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dbFile = opts.dbFile ?? tempDbFile();
  if (opts.demo) {
    const { scale, seed } = opts.demo === true ? { scale: 1, seed: undefined } : opts.demo;
    const db = await openStore(dbFile);
    try {
      await seedDemo(db, { scale, ...(seed !== undefined && { seed }) });
    } catch (err) {
      if (!(err instanceof SeedRefused)) throw err;
    } finally {
      await db.destroy();
    }
  }
  const server = await startServer({ dbFile, port: opts.port ?? 0 });
  return { ...server, dbFile };
}
