import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../../server/demo/credentials.ts';
import { createRandom } from '../../../server/demo/prng.ts';
import { startTestServer } from '../../support/server.ts';
import { ReplicaReader } from '../sim/replica-reader.ts';
import { oneSeed } from '../sim/seeds.ts';
import { ServerState } from '../sim/server-state.ts';
import { WriterProcess } from './writer-process.ts';

const KILLS = 20;
/** Up to this many confirmed writes before a kill; 0 kills it while it starts (opening the replica, signing in, syncing). */
const MAX_WRITES_BEFORE_KILL = 6;
const MAX_EXTRA_MS = 40;

const dir = mkdtempSync(join(tmpdir(), 'orbit-kill-'));
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  rmSync(dir, { recursive: true, force: true });
});

describe('an engine process killed with SIGKILL at random moments', () => {
  it(`restarted ${KILLS} times on the same replica: every write it confirmed reaches the server exactly once, nothing else appears`, async () => {
    const seed = oneSeed();
    console.log(`kill seed ${seed} (replay: ORBIT_SIM_SEED=${seed} npx vitest run tests/integration/kill)`);
    const random = createRandom(seed);
    const started = Date.now();
    const server = await startTestServer({ demo: { scale: 0.03, seed: 1 } });
    cleanup.push(() => server.close());
    const state = ServerState.open(server);
    cleanup.push(() => state.close());

    const agent = (await state.agents()).find((a) => a.email === DEMO_AGENT_EMAIL);
    const ticket = (await state.tickets()).find((t) => t.status !== 'closed' && t.teamId !== null && agent?.teamIds.includes(t.teamId));
    if (!agent || !ticket) throw new Error('The demo workspace has no open ticket for its demo agent.');
    const db = join(dir, 'replica.sqlite');
    const label = `kill ${seed}`;
    const writer = (run: number, drain = false) =>
      new WriterProcess({ db, server: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD, ticket: ticket.id, label: `${label} run ${run}`, drain }, join(dir, 'compile-cache'));

    const shown = new Set<string>();
    for (let run = 0; run < KILLS; run++) {
      const child = writer(run);
      await child.shownAtLeast(random.int(0, MAX_WRITES_BEFORE_KILL));
      await sleep(random.int(0, MAX_EXTRA_MS));
      await child.kill();
      child.shown.forEach((id) => shown.add(id));
    }
    const drain = writer(KILLS, true);
    const end = await drain.exited;
    expect({ code: end.code, drained: drain.drained, stderr: end.stderr }).toEqual({ code: 0, drained: true, stderr: '' });

    const server_ = await state.snapshot();
    const reader = new ReplicaReader(db);
    const replica = reader.view();
    reader.close();
    const written = server_.rows.message.filter((m) => m.body.startsWith(`${label} `));
    const writtenIds = new Set(written.map((m) => m.id));
    console.log(`kill seed ${seed}: ${KILLS} kills, ${shown.size} writes confirmed, ${written.length} on the server, ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Every write the child confirmed is on the server...
    expect([...shown].filter((id) => !writtenIds.has(id))).toEqual([]);
    // ...once, and nothing on the server was not written by the child (each body once, by the agent).
    expect(new Set(written.map((m) => m.body)).size).toBe(written.length);
    expect(written.filter((m) => m.authorId !== agent.id || !/^kill \d+ run \d+ #\d+$/.test(m.body))).toEqual([]);
    // Every mutation the replica recorded made exactly one message: the counters agree with the rows.
    const client = server_.clients.find((c) => c.clientId === replica.clientId);
    expect({ serverCounter: client?.lastMutationId, replicaCounter: replica.lastMutationId, messages: written.length }).toEqual({
      serverCounter: written.length,
      replicaCounter: written.length,
      messages: written.length,
    });
    const messageChanges = server_.changes.filter((c) => c.clientId === replica.clientId && c.kind === 'message');
    expect(messageChanges.map((c) => c.entityId).sort()).toEqual([...writtenIds].sort());
    expect(server_.rejections).toEqual([]);
    // Nothing is left to send, and the replica holds exactly what the server has.
    expect(replica.outbox).toEqual([]);
    expect(replica.rows.message.filter((m) => m.body.startsWith(`${label} `)).map((m) => m.id).sort()).toEqual([...writtenIds].sort());
  }, 180_000);
});
