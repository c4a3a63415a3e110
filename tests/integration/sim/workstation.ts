import { join } from 'node:path';
import { Engine } from '../../../electron/engine/engine.ts';
import type { CrashPoint, EngineFaults } from '../../../electron/engine/crash-points.ts';
import { SerialQueue } from '../../../electron/engine/serial-queue.ts';
import type { DeskResult, DeskTransport } from '../../../shared/ipc/envelope.ts';
import type { SyncStatus } from '../../../shared/ipc/views.ts';
import type { Agent } from '../../../shared/model/index.ts';
import { FaultProxy } from './fault-proxy.ts';
import { ReplicaReader, type ReplicaView } from './replica-reader.ts';

/** A mutation this workstation's replica recorded, as the harness learned it. */
export interface Recorded {
  mutationId: number;
  /** Versioned mutator name and its arguments, as stored in the outbox. */
  name: string;
  args: unknown;
  /** The call returned ok: the UI showed it. False when the engine crashed between commit and answer. */
  shown: boolean;
}

const CRASHED: DeskResult = { ok: false, error: { code: 'unavailable', message: 'The engine crashed (simulated) during this call.' } };
const DOWN: DeskResult = { ok: false, error: { code: 'unavailable', message: 'The engine is down (simulated crash) and not restarted yet.' } };

/**
 * One agent's desk: an in-process Engine on its own replica file, reaching the server only through
 * its own FaultProxy. It can crash at an armed crash point (the Engine object is abandoned without
 * a clean close) and restart on the same file. Every mutation the replica records lands in
 * `recorded`, whether or not the call got to answer.
 */
export class Workstation implements DeskTransport, EngineFaults {
  readonly name: string;
  readonly agent: Agent;
  readonly proxy: FaultProxy;
  readonly dbFile: string;
  readonly recorded: Recorded[] = [];
  crashes = 0;
  #engine: Engine | null = null;
  #reader: ReplicaReader | null = null;
  #armed: CrashPoint | null = null;
  #crashed: Promise<DeskResult> = new Promise(() => undefined);
  #onCrash: () => void = () => undefined;
  readonly #calls = new SerialQueue();
  readonly #listeners = new Set<(event: string, payload: unknown) => void>();
  readonly #detach: (() => void)[] = [];

  private constructor(name: string, agent: Agent, proxy: FaultProxy, dbFile: string) {
    this.name = name;
    this.agent = agent;
    this.proxy = proxy;
    this.dbFile = dbFile;
  }

  /** Opens a fresh replica in `dir`, signs the agent in through a new proxy to `serverUrl`, and waits for the first full sync. */
  static async signIn(opts: { name: string; agent: Agent; password: string; serverUrl: string; dir: string }): Promise<Workstation> {
    const proxy = await FaultProxy.start(opts.serverUrl);
    const station = new Workstation(opts.name, opts.agent, proxy, join(opts.dir, `${opts.name}.sqlite`));
    try {
      await station.#open();
      station.#reader = new ReplicaReader(station.dbFile);
      const login = await station.invoke('session.login', { serverUrl: proxy.url, email: opts.agent.email, password: opts.password });
      if (!login.ok) throw new Error(`${opts.name} could not sign in: ${login.error.message}`);
      await station.untilIdle();
      return station;
    } catch (err) {
      await station.close();
      throw err;
    }
  }

  get down(): boolean {
    return this.#engine === null;
  }

  /** The next time the engine reaches `point`, it crashes there (null: no crash). */
  armCrash(point: CrashPoint | null): void {
    this.#armed = point;
  }

  get armed(): CrashPoint | null {
    return this.#armed;
  }

  crashAt(point: CrashPoint): boolean {
    if (this.#armed !== point) return false;
    this.#armed = null;
    this.crashes++;
    this.#engine = null;
    this.#detach.splice(0).forEach((off) => off());
    this.#onCrash();
    return true;
  }

  /** A new Engine on the same replica file, as the app does after a crash; it resumes syncing by itself. */
  async restart(): Promise<void> {
    if (this.#engine) throw new Error(`${this.name} is running; only a crashed workstation restarts.`);
    await this.#open();
  }

  /** One call at a time, like one agent at one keyboard. A call cut short by a crash answers 'unavailable'. */
  invoke(name: string, input: unknown): Promise<DeskResult> {
    return this.#calls.run(async () => {
      const engine = this.#engine;
      if (!engine) return DOWN;
      const before = this.#lastMutationId();
      const result = await Promise.race([engine.invoke(name, input), this.#crashed]);
      const after = this.#lastMutationId();
      if (after > before) {
        const entry = this.#reader?.outboxEntry(after);
        if (!entry) throw new Error(`${this.name}: mutation ${after} is not in the outbox right after it was recorded.`);
        this.recorded.push({ mutationId: after, name: entry.name, args: entry.args, shown: result.ok });
      }
      return result;
    });
  }

  on(listener: (event: string, payload: unknown) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A whole sync cycle (push, pull); undefined when the engine is down or crashed during it. */
  async syncNow(): Promise<SyncStatus | undefined> {
    const result = await this.invoke('sync.now', undefined);
    return result.ok ? (result.value as SyncStatus) : undefined;
  }

  /** Syncs until a cycle ends idle (the network must be healthy); throws when sync keeps failing. */
  async untilIdle(attempts = 10): Promise<void> {
    let status: SyncStatus | undefined;
    for (let i = 0; i < attempts; i++) {
      status = await this.syncNow();
      if (status?.phase === 'idle') return;
    }
    throw new Error(`${this.name} did not get in sync in ${attempts} cycles: ${status ? `${status.phase}, ${status.error ?? ''}` : 'engine down'}`);
  }

  view(): ReplicaView {
    if (!this.#reader) throw new Error(`${this.name} has no replica yet.`);
    return this.#reader.view();
  }

  async close(): Promise<void> {
    await this.#engine?.close();
    this.#engine = null;
    this.#reader?.close();
    await this.proxy.close();
  }

  async #open(): Promise<void> {
    this.#crashed = new Promise((resolve) => (this.#onCrash = () => resolve(CRASHED)));
    const engine = await Engine.open({ dbFile: this.dbFile, pollIntervalMs: 0, faults: this });
    this.#detach.push(engine.on((event, payload) => this.#listeners.forEach((l) => l(event, payload))));
    this.#engine = engine;
  }

  #lastMutationId(): number {
    return Number(this.#reader?.meta('last_mutation_id') ?? 0);
  }
}
