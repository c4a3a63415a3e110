import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { Priority } from '../../shared/model/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readStore } from '../support/store.ts';
import { deskOf, idleAndOnline, replicaFiles, signedInWorkstation, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('pending work when the server comes back', () => {
  it('goes out by itself, with no new write and no sync request, exactly once', async () => {
    let server: TestServer = await startTestServer({ demo: { scale: 0.1, seed: 53 } });
    cleanup.push(() => server.close());
    const dbFile = newReplica();
    const first = await Engine.open({ dbFile, pollIntervalMs: 0 });
    const desk = deskOf(first);
    await desk.invoke('session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
    await untilStatus(desk, idleAndOnline);
    const [target] = (await desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    if (!target) throw new Error('the demo agent has no open ticket assigned');

    // Written during an outage; then the app is restarted, still without a server.
    await server.close();
    const { messageId } = await desk.invoke('ticket.reply', { ticketId: target.id, kind: 'note', body: 'Written during the outage.' });
    await first.close();
    const restarted = await Engine.open({ dbFile, pollIntervalMs: 0 });
    cleanup.push(() => restarted.close());
    const again = deskOf(restarted);
    await untilStatus(again, (s) => s.phase === 'offline' && s.pending === 1);

    // Nothing happens on this workstation from here on: only the server returns.
    server = await startTestServer({ location: server.location, port: server.port });
    const drained = await untilStatus(again, idleAndOnline);
    expect(drained).toMatchObject({ pending: 0, rejected: 0, error: null });
    const kept = await readStore(server.location, (db) => db.selectFrom('messages').select('id').where('id', '=', messageId).execute());
    expect(kept).toHaveLength(1);
  });

  it('a drain longer than a pull page: its effects come back over several pages and the replica ends as the server', async () => {
    let server: TestServer = await startTestServer({ demo: { scale: 0.1, seed: 59 } });
    cleanup.push(() => server.close());
    const { desk } = await signedInWorkstation({ serverUrl: server.url, email: DEMO_AGENT_EMAIL, dbFile: newReplica(), opened: (e) => cleanup.push(() => e.close()) });
    const tickets = (await desk.invoke('queue.page', { view: 'team', after: null, limit: 20 })).rows.map((r) => r.id);

    // More changes than one pull page (1,000) brings back, every one a real write.
    await server.close();
    const changes = 1_200;
    const last = new Map<string, Priority>();
    for (let i = 0; i < changes; i++) {
      const change = { ticketId: tickets[i % tickets.length] as string, priority: Priority.options[Math.floor(i / tickets.length) % Priority.options.length] as Priority };
      await desk.invoke('ticket.setPriority', change);
      last.set(change.ticketId, change.priority);
    }
    await untilStatus(desk, (s) => s.pending === changes);

    server = await startTestServer({ location: server.location, port: server.port });
    expect(await untilStatus(desk, idleAndOnline)).toMatchObject({ pending: 0, rejected: 0, error: null });
    const stored = await readStore(server.location, (db) => db.selectFrom('tickets').select(['id', 'priority']).where('id', 'in', tickets).execute());
    for (const { id, priority } of stored) {
      expect(priority).toBe(last.get(id));
      expect((await desk.invoke('ticket.get', { id }))?.ticket.priority).toBe(priority);
    }
    const client = await readStore(server.location, (db) => db.selectFrom('clients').select('last_mutation_id').where('last_mutation_id', '=', changes).execute());
    expect(client).toHaveLength(1);
  });
});
