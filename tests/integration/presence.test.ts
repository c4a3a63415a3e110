import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { startEngineWorker } from '../../electron/engine/worker-client.ts';
import type { DeskApi, TicketPresence } from '../../shared/ipc/index.ts';
import { DEMO_LEAD_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { deskOf, idleAndOnline, replicaFiles, untilStatus } from './engine-helpers.ts';

/** Lena leads the first two teams; Priya works in the first, Sofia in the second (server/demo/roster.ts). */
const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
let server: TestServer;
let lena: { desk: DeskApi; close(): Promise<void> };
let priya: DeskApi;
let sofia: DeskApi;
/** Presence events each workstation heard, in order. */
const heard = new Map<DeskApi, TicketPresence[]>();

async function workstation(email: string, inWorker: boolean): Promise<{ desk: DeskApi; close(): Promise<void> }> {
  const opts = { dbFile: newReplica(), pollIntervalMs: 0 };
  const engine = inWorker ? await startEngineWorker(opts) : await Engine.open(opts);
  let closed = false;
  const close = async () => {
    if (!closed) await engine.close();
    closed = true;
  };
  cleanup.push(close);
  const desk = deskOf(engine);
  heard.set(desk, []);
  desk.on('presence', (p) => heard.get(desk)?.push(p));
  await desk.invoke('session.login', { serverUrl: server.url, email, password: DEMO_PASSWORD });
  await untilStatus(desk, idleAndOnline);
  return { desk, close };
}

/** The first presence event `desk` hears (from its start) that `wanted` accepts; re-checked on every new event. */
function untilHeard(desk: DeskApi, wanted: (p: TicketPresence) => boolean): Promise<TicketPresence> {
  return new Promise((resolve) => {
    const check = () => {
      const found = heard.get(desk)?.find(wanted);
      if (!found) return;
      off();
      resolve(found);
    };
    const off = desk.on('presence', check);
    check();
  });
}

async function ticketOfTeam(desk: DeskApi, teamName: string): Promise<string> {
  const { rows } = await desk.invoke('queue.page', { view: 'team', after: null, limit: 50 });
  for (const row of rows) {
    const detail = await desk.invoke('ticket.get', { id: row.id });
    if (detail?.team?.name === teamName) return row.id;
  }
  throw new Error(`no ticket of ${teamName} in the queue`);
}

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 41 } });
  cleanup.push(() => server.close());
  lena = await workstation(DEMO_LEAD_EMAIL, false);
  // Priya's engine runs in its worker thread, as the apps run it: presence events cross that boundary too.
  priya = (await workstation('priya@orbit.demo', true)).desk;
  sofia = (await workstation('sofia@orbit.demo', false)).desk;
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('presence between workstations', () => {
  it("shows an agent's presence to their team, not to another team, and never to themselves", async () => {
    const frontline = await ticketOfTeam(priya, 'Frontline');
    const billing = await ticketOfTeam(sofia, 'Billing & Accounts');

    expect(await lena.desk.invoke('presence.set', { ticketId: frontline, state: 'viewing' })).toEqual({ ticketId: frontline, agents: [] });
    const seen = await untilHeard(priya, (p) => p.ticketId === frontline && p.agents.length > 0);
    expect(seen.agents).toEqual([{ agentId: expect.any(String), name: 'Lena Hoffmann', state: 'viewing' }]);

    // Opening the ticket, Priya learns at once who is there; Lena then hears of Priya, not of herself.
    expect((await priya.invoke('presence.set', { ticketId: frontline, state: 'viewing' })).agents.map((a) => a.name)).toEqual(['Lena Hoffmann']);
    const withPriya = await untilHeard(lena.desk, (p) => p.ticketId === frontline && p.agents.length > 0);
    expect(withPriya.agents.map((a) => a.name)).toEqual(['Priya Raman']);

    await lena.desk.invoke('presence.set', { ticketId: billing, state: 'replying' });
    const sofiaHeard = await untilHeard(sofia, (p) => p.agents.length > 0);
    expect(sofiaHeard).toEqual({ ticketId: billing, agents: [expect.objectContaining({ name: 'Lena Hoffmann', state: 'replying' })] });
    expect(heard.get(sofia)?.some((p) => p.ticketId === frontline)).toBe(false);
    await lena.desk.invoke('presence.set', { ticketId: billing, state: null });
  });

  it('clears an agent’s presence when their socket closes', async () => {
    const ticketId = await ticketOfTeam(priya, 'Frontline');
    await lena.desk.invoke('presence.set', { ticketId, state: 'replying' });
    const shown = await untilHeard(priya, (p) => p.ticketId === ticketId && p.agents.some((a) => a.state === 'replying'));
    const shownAt = heard.get(priya)?.indexOf(shown) ?? -1;

    await lena.close();
    const cleared = await untilHeard(priya, (p) => p.ticketId === ticketId && (heard.get(priya)?.indexOf(p) ?? -1) > shownAt);
    expect(cleared.agents.filter((a) => a.name === 'Lena Hoffmann')).toEqual([]);
  });
});
