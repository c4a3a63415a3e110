import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../../server/demo/credentials.ts';
import { ROSTER } from '../../../server/demo/roster.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { replicaChecksums } from '../scope-helpers.ts';
import { scopeLeaks, verdict, type Observation } from './oracle.ts';
import { ServerState } from './server-state.ts';
import { Workstation } from './workstation.ts';

/** Small, so that five initial syncs take a moment; the demo's roster gives teams with several agents. */
const DEMO = { scale: 0.03, seed: 1 };
/** Rounds of "everyone syncs" after healing before the system must have settled. */
const MAX_QUIESCE_ROUNDS = 8;

/** Demo agents by first name: Alex, Priya and Marcus work in Frontline; Sofia in Billing; Lena leads both. */
export type Member = 'alex' | 'priya' | 'marcus' | 'lena' | 'sofia';
const firstName = (name: string) => name.split(' ')[0]?.toLowerCase() ?? name;

/**
 * Real servers over loopback — one, or several instances sharing one PostgreSQL database — and a
 * workstation per cast member (spread over the instances), each with its own replica and faulty
 * link. Reads the store beside them for the oracle.
 */
export class World {
  readonly servers: readonly TestServer[];
  readonly state: ServerState;
  readonly stations: readonly Workstation[];
  readonly #dir: string;

  private constructor(servers: TestServer[], state: ServerState, stations: Workstation[], dir: string) {
    this.servers = servers;
    this.state = state;
    this.stations = stations;
    this.#dir = dir;
  }

  static async start(cast: readonly Member[], opts: { instances?: number } = {}): Promise<World> {
    const dir = mkdtempSync(join(tmpdir(), 'orbit-sim-'));
    const server = await startTestServer({ demo: DEMO });
    const instances = opts.instances ?? 1;
    if (instances > 1 && !('databaseUrl' in server.location)) throw new Error('Several server instances share a PostgreSQL database: run with ORBIT_TEST_STORE=postgres.');
    const servers = [server, ...(await Promise.all(Array.from({ length: instances - 1 }, () => startTestServer({ location: server.location }))))];
    const state = ServerState.open(server);
    const agents = await state.agents();
    const signedIn = await Promise.allSettled(
      cast.map((name, i) => {
        const email = ROSTER.find((r) => firstName(r.name) === name)?.email;
        const agent = agents.find((a) => a.email === email);
        if (!agent) throw new Error(`The demo workspace has no agent called ${name}.`);
        return Workstation.signIn({ name, agent, password: DEMO_PASSWORD, serverUrl: (servers[i % servers.length] as TestServer).url, dir });
      }),
    );
    const stations = signedIn.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const world = new World(servers, state, stations, dir);
    const failed = signedIn.find((r) => r.status === 'rejected');
    if (failed) {
      await world.close();
      throw failed.reason;
    }
    return world;
  }

  station(name: Member): Workstation {
    const station = this.stations.find((s) => s.name === name);
    if (!station) throw new Error(`${name} is not in this world.`);
    return station;
  }

  /** Tickets of the first team of `teamOf` that are not closed, by id. */
  async openTickets(teamOf: Member): Promise<Ticket[]> {
    const teamId = this.station(teamOf).agent.teamIds[0];
    return (await this.state.tickets()).filter((t) => t.teamId === teamId && t.status !== 'closed');
  }

  /**
   * Heals every link, restarts crashed workstations, then lets everyone sync until a whole round
   * changes nothing on the server and no outbox has work left.
   */
  async quiesce(): Promise<void> {
    for (const s of this.stations) {
      s.armCrash(null);
      await s.proxy.heal();
      if (s.down) await s.restart();
    }
    for (let round = 0; round < MAX_QUIESCE_ROUNDS; round++) {
      const head = await this.state.headSeq();
      for (const s of this.stations) await s.untilIdle();
      const settled = this.stations.every((s) => s.view().outbox.every((e) => e.state === 'rejected'));
      if (settled && head === (await this.state.headSeq())) return;
    }
    throw new Error(`The workstations did not settle in ${MAX_QUIESCE_ROUNDS} rounds of syncing on a healthy network.`);
  }

  async observe(): Promise<Observation> {
    const server = await this.state.snapshot();
    const stations = await Promise.all(
      this.stations.map(async (s) => {
        const { scopes, rows, recorded } = replicaChecksums(s.dbFile);
        const checksums = { rows, recorded, server: await this.state.checksums(scopes) };
        return { name: s.name, agentId: s.agent.id, view: s.view(), recorded: s.recorded, delivered: s.proxy.delivered, checksums };
      }),
    );
    return { server, stations };
  }

  /** Every guarantee the oracle checks that does not hold now (call after `quiesce`). */
  async verdict(): Promise<string[]> {
    return verdict(await this.observe());
  }

  /** Rows any replica holds right now outside its agent's scopes: must be empty at every moment. */
  async leaks(): Promise<string[]> {
    const tickets = new Map((await this.state.tickets()).map((t) => [t.id, t]));
    const agents = await this.state.agents();
    return this.stations.flatMap((s) => scopeLeaks(agents.find((a) => a.id === s.agent.id) ?? s.agent, s.view(), tickets).map((l) => `${s.name}: ${l}`));
  }

  async close(): Promise<void> {
    await Promise.all(this.stations.map((s) => s.close()));
    await this.state.close();
    await Promise.all(this.servers.map((s) => s.close()));
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
