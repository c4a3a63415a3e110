import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ADMIN_EMAIL } from '../../server/demo/credentials.ts';
import { startOfUtcDay } from '../../server/demo/generate.ts';
import type { Agent } from '../../shared/model/index.ts';
import { startServerProcess, type ServerProcess } from '../server/server-process.ts';
import { loadAdminReplica } from './admin-replica.ts';
import { loadStore, type LoadedCounts } from './server-load.ts';
import { createStore } from './server-store.ts';
import { planWorkspace, type WorkspacePlan } from './sizes.ts';
import { largeWorkspace, type LargeWorkspace } from './workspace.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';

interface Manifest {
  plan: WorkspacePlan;
  seed: number;
  now: string;
  counts: LoadedCounts;
  agents: Pick<Agent, 'id' | 'email' | 'role' | 'teamIds'>[];
  generatedSeconds: number;
}

/**
 * A generated workspace kept on disk between runs (minutes of work at full scale): the server's
 * SQLite store, and an admin's full replica of it once one has been synced.
 */
export class Fixture {
  readonly dir: string;
  readonly manifest: Manifest;

  private constructor(dir: string, manifest: Manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  get serverDb(): string {
    return join(this.dir, 'server.sqlite');
  }

  /** The kept server store (SQLite). */
  get store(): StoreLocation {
    return { dbFile: this.serverDb };
  }

  /** The same workspace again (same seed, same day), to load into another store. */
  workspace(): LargeWorkspace {
    return largeWorkspace(this.manifest.plan, this.manifest.seed, new Date(this.manifest.now));
  }

  /** A workstation data folder (browser host --data) holding an admin's full replica. */
  get adminDataDir(): string {
    return join(this.dir, 'admin');
  }

  get adminReplica(): string {
    return join(this.adminDataDir, 'replica.sqlite');
  }

  /** Agents of the first roster group: the demo's own log-ins. */
  agent(email: string): Manifest['agents'][number] {
    const agent = this.manifest.agents.find((a) => a.email === email);
    if (!agent) throw new Error(`No agent ${email} in the bench workspace.`);
    return agent;
  }

  /** The workspace at `scale` with `seed`: the kept one, or a new one generated now. */
  static async ensure(root: string, scale: number, seed: number, opts: { fresh?: boolean; log?: (message: string) => void } = {}): Promise<Fixture> {
    const dir = join(root, `scale-${scale}-seed-${seed}`);
    const manifestFile = join(dir, 'manifest.json');
    if (!opts.fresh && existsSync(manifestFile)) {
      // A store kept by an older version reaches the newest schema first, as the server would migrate it.
      await createStore({ dbFile: join(dir, 'server.sqlite') });
      return new Fixture(dir, JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest);
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const log = opts.log ?? (() => {});
    const plan = planWorkspace(scale);
    const now = startOfUtcDay();
    const workspace = largeWorkspace(plan, seed, now);
    const started = performance.now();
    log(`generating the workspace at scale ${scale} into ${dir}`);
    const counts = await loadStore({ dbFile: join(dir, 'server.sqlite') }, workspace, log);
    const manifest: Manifest = {
      plan,
      seed,
      now: now.toISOString(),
      counts,
      agents: workspace.agents.map(({ id, email, role, teamIds }) => ({ id, email, role, teamIds })),
      generatedSeconds: (performance.now() - started) / 1000,
    };
    // Written last: a folder without it is an interrupted generation and is made again.
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    return new Fixture(dir, manifest);
  }

  /** The admin's full replica: kept from an earlier run, or loaded now from the fixture's store. */
  async ensureAdminReplica(log: (message: string) => void = () => {}): Promise<string> {
    if (existsSync(this.adminReplica)) return this.adminReplica;
    log("loading an admin's full replica of the workspace");
    mkdirSync(this.adminDataDir, { recursive: true });
    const file = `${this.adminReplica}.partial`;
    rmSync(file, { force: true });
    await loadAdminReplica(this.serverDb, file, this.agent(DEMO_ADMIN_EMAIL).id);
    // Renamed once complete: an interrupted load is made again.
    renameSync(file, this.adminReplica);
    return this.adminReplica;
  }

  startServer(): Promise<ServerProcess> {
    return startServerProcess(this.store);
  }
}
