import { setTimeout as sleep } from 'node:timers/promises';
import { crashPoints } from '../../../electron/engine/crash-points.ts';
import { createRandom, type Random } from '../../../server/demo/prng.ts';
import type { DeskResult } from '../../../shared/ipc/envelope.ts';
import type { Agent, Ticket } from '../../../shared/model/index.ts';
import { faultTally, seededFaults, type HttpFault } from './network-faults.ts';
import { makeIntent } from './workload.ts';
import type { Workstation } from './workstation.ts';
import { World, type Member } from './world.ts';

/** Three agents of one team, one of another, and a lead of both. */
const SIM_CAST: readonly Member[] = ['alex', 'priya', 'marcus', 'sofia', 'lena'];
/** Shared tickets per team: few, so that agents keep running into each other. */
const SHARED_TICKETS = { alex: 4, sofia: 2 } as const;
const DEFAULT_STEPS = 90;

type Action = 'mutate' | 'sync' | 'pause' | 'burst' | 'partition' | 'crash';
const ACTION_WEIGHTS: readonly (readonly [Action, number])[] = [
  ['mutate', 50],
  ['sync', 12],
  ['pause', 6],
  ['burst', 6],
  ['partition', 10],
  ['crash', 7],
];

export interface SimReport {
  seed: number;
  steps: number;
  /** What went wrong: a scope leak at some step, or the oracle's verdict after quiescence. Empty: every guarantee held. */
  problems: string[];
  /** One line per step, for reading a failure. */
  trace: string[];
  mutations: number;
  /** Mutations the UI never confirmed because the engine crashed first (still durable). */
  unconfirmed: number;
  rejected: number;
  crashes: number;
  faults: Record<HttpFault, number>;
  frames: number;
  seconds: number;
}

const outcome = (r: DeskResult) => (r.ok ? 'ok' : `${r.error.code}: ${r.error.message.slice(0, 80)}`);

/**
 * One seeded run: five workstations change a few shared tickets at random while their links drop,
 * duplicate, delay and reorder requests, partitions come and go, and engines crash at the engine's
 * crash points and restart on the same replica. After every step no replica may hold a row
 * outside its agent's scopes; at the end the network heals, everyone syncs, and the oracle judges.
 */
export async function simulate(seed: number, opts: { steps?: number; instances?: number } = {}): Promise<SimReport> {
  const steps = opts.steps ?? DEFAULT_STEPS;
  const started = Date.now();
  const random = createRandom(seed);
  const world = await World.start(SIM_CAST, { instances: opts.instances });
  try {
    const agents = await world.state.agents();
    const pool = [...random.sample(await world.openTickets('alex'), SHARED_TICKETS.alex), ...random.sample(await world.openTickets('sofia'), SHARED_TICKETS.sofia)];
    for (const s of world.stations) s.proxy.misbehave(seededFaults(createRandom(random.int(1, 2 ** 31))));
    const run = new Run(world, random, seed, agents, pool);
    const problems = await run.steps(steps);
    if (problems.length === 0) {
      await world.quiesce();
      problems.push(...(await world.verdict()));
    }
    const recorded = world.stations.flatMap((s) => s.recorded);
    const faults = faultTally();
    for (const s of world.stations) for (const [f, n] of Object.entries(s.proxy.faultCounts)) faults[f as HttpFault] += n;
    const view = world.stations.map((s) => s.view());
    return {
      seed,
      steps,
      problems,
      trace: run.trace,
      mutations: recorded.length,
      unconfirmed: recorded.filter((r) => !r.shown).length,
      rejected: view.reduce((n, v) => n + v.outbox.filter((e) => e.state === 'rejected').length, 0),
      crashes: world.stations.reduce((n, s) => n + s.crashes, 0),
      faults,
      frames: world.stations.reduce((n, s) => n + s.proxy.framesDelivered, 0),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await world.close();
  }
}

/**
 * The state of one run between steps: who is partitioned or down until when. Every random draw
 * happens whatever the workstations' state (a draw for a workstation that is down is still made),
 * so a seed always makes the same script of actions; only their outcomes depend on timing.
 */
class Run {
  readonly trace: string[] = [];
  readonly #world: World;
  readonly #random: Random;
  readonly #seed: number;
  readonly #agents: readonly Agent[];
  readonly #pool: readonly Ticket[];
  readonly #partitionedUntil = new Map<Workstation, number>();
  /** How many steps an armed crash keeps its workstation down, drawn when it is armed. */
  readonly #downFor = new Map<Workstation, number>();
  readonly #downUntil = new Map<Workstation, number>();
  #bodies = 0;

  constructor(world: World, random: Random, seed: number, agents: readonly Agent[], pool: readonly Ticket[]) {
    this.#world = world;
    this.#random = random;
    this.#seed = seed;
    this.#agents = agents;
    this.#pool = pool;
  }

  /** Runs the steps; returns the scope leaks of the first step that had any. */
  async steps(count: number): Promise<string[]> {
    for (let step = 0; step < count; step++) {
      await this.#recover(step);
      const action = this.#random.weighted(ACTION_WEIGHTS);
      this.trace.push(`${step}: ${await this.#act(action, step)}`);
      const leaks = await this.#world.leaks();
      if (leaks.length) return leaks.map((l) => `after step ${step}: ${l}`);
    }
    return [];
  }

  /** Ends partitions whose time is up and restarts crashed engines once they have been down their while. */
  async #recover(step: number): Promise<void> {
    for (const s of this.#world.stations) {
      if ((this.#partitionedUntil.get(s) ?? Infinity) <= step) {
        this.#partitionedUntil.delete(s);
        s.proxy.partition(false);
        this.trace.push(`${step}: ${s.name}'s network is back`);
      }
      if (!s.down) continue;
      const until = this.#downUntil.get(s);
      if (until === undefined) {
        this.#downUntil.set(s, step + (this.#downFor.get(s) ?? 1));
      } else if (until <= step) {
        this.#downUntil.delete(s);
        await s.restart();
        this.trace.push(`${step}: ${s.name} restarts after crash #${s.crashes}`);
      }
    }
  }

  async #act(action: Action, step: number): Promise<string> {
    const station = this.#random.pick(this.#world.stations);
    switch (action) {
      case 'mutate':
        return this.#mutate(station);
      case 'sync': {
        if (station.down) return `${station.name} is down: no sync`;
        const status = await station.syncNow();
        return `${station.name} syncs: ${status ? `${status.phase}, ${status.pending} pending` : 'crashed'}`;
      }
      case 'pause': {
        const ms = this.#random.int(1, 25);
        await sleep(ms);
        return `pause ${ms} ms`;
      }
      case 'burst': {
        const group = this.#random.sample(this.#world.stations, this.#random.int(2, 3));
        const lines = await Promise.all(
          group.map(async (s) => {
            const line = await this.#mutate(s);
            if (!s.down) await s.syncNow();
            return line;
          }),
        );
        return `burst: ${lines.join('; ')}`;
      }
      case 'partition': {
        const until = step + this.#random.int(4, 20);
        this.#partitionedUntil.set(station, until);
        station.proxy.partition(true);
        return `${station.name}'s network is cut until step ${until}`;
      }
      case 'crash': {
        const point = this.#random.pick(crashPoints);
        const downFor = this.#random.int(1, 4);
        if (station.down || station.armed) return `${station.name} is down or already has a crash armed: no crash at ${point}`;
        station.armCrash(point);
        this.#downFor.set(station, downFor);
        return `${station.name} will crash at ${point} and stay down ${downFor} steps`;
      }
    }
  }

  async #mutate(station: Workstation): Promise<string> {
    const visible = this.#pool.filter((t) => t.teamId !== null && station.agent.teamIds.includes(t.teamId));
    const picked = this.#random.pick(visible);
    const call = makeIntent({
      random: this.#random,
      ticket: (station.down ? undefined : station.view().rows.ticket.find((t) => t.id === picked.id)) ?? picked,
      agents: this.#agents,
      body: () => `sim ${this.#seed} ${station.name} #${++this.#bodies}`,
    });
    if (station.down) return `${station.name} is down: no ${call.name}`;
    const result = await station.invoke(call.name, call.input);
    return `${station.name} ${call.name} ${JSON.stringify(call.input)} -> ${outcome(result)}`;
  }
}
