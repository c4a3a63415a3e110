import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { startEngineWorker } from '../../electron/engine/worker-client.ts';
import type { DeskApi } from '../../shared/ipc/index.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { startTestServer } from '../support/server.ts';
import { deskOf, idleAndOnline, replicaFiles, untilChanged, untilStatus } from './engine-helpers.ts';

/** Priya works in the same team as Alex (server/demo/roster.ts). */
const PRIYA_EMAIL = 'priya@orbit.demo';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
let alex: DeskApi;
let priya: DeskApi;

beforeAll(async () => {
  const server = await startTestServer({ demo: { scale: 0.1, seed: 11 } });
  cleanup.push(() => server.close());
  // One engine in-process, one in its worker thread as the apps run it; neither polls.
  const alexEngine = await Engine.open({ dbFile: newReplica(), pollIntervalMs: 0 });
  const priyaEngine = await startEngineWorker({ dbFile: newReplica(), pollIntervalMs: 0 });
  cleanup.push(() => alexEngine.close(), () => priyaEngine.close());
  alex = deskOf(alexEngine);
  priya = deskOf(priyaEngine);
  await alex.invoke('session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
  await priya.invoke('session.login', { serverUrl: server.url, email: PRIYA_EMAIL, password: DEMO_PASSWORD });
  // Online means the realtime socket is up: from here on only pokes can bring news.
  await Promise.all([untilStatus(alex, idleAndOnline), untilStatus(priya, idleAndOnline)]);
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function sharedTicket(): Promise<string> {
  const { rows } = await alex.invoke('queue.page', { view: 'team', after: null, limit: 1 });
  const id = rows[0]?.id;
  if (!id || !(await priya.invoke('ticket.get', { id }))) throw new Error('no team ticket both agents can see');
  return id;
}

describe('two workstations of one team', () => {
  it("see each other's changes after a poke, without polling", async () => {
    const ticketId = await sharedTicket();

    const { messageId } = await alex.invoke('ticket.reply', { ticketId, kind: 'note', body: 'Priya, can you take the call with them?' });
    const seenByPriya = await untilChanged(priya, async () => (await priya.invoke('ticket.get', { id: ticketId }))?.messages.find((m) => m.id === messageId));
    expect(seenByPriya).toMatchObject({ kind: 'note', authorName: 'Alex Morgan', pendingSync: false });

    const session = await priya.invoke('session.get');
    if (session.state !== 'signed_in') throw new Error('Priya is not signed in');
    const priyaId = session.agent.id;
    await priya.invoke('ticket.assign', { ticketId, assigneeId: priyaId });
    const seenByAlex = await untilChanged(alex, async () => {
      const detail = await alex.invoke('ticket.get', { id: ticketId });
      return detail?.ticket.assigneeId === priyaId && !detail.pendingSync ? detail : undefined;
    });
    expect(seenByAlex.assignee).toMatchObject({ id: priyaId, name: 'Priya Raman' });
    expect(await alex.invoke('sync.status')).toMatchObject({ pending: 0, rejected: 0 });
  });
});
