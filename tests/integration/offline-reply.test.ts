import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { deskOf, idleAndOnline, replicaFiles, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('a reply written while the server is down', () => {
  it('shows at once, survives the outage, and reaches the server exactly once', async () => {
    let server: TestServer = await startTestServer({ demo: { scale: 0.1, seed: 7 } });
    cleanup.push(() => server.close());
    const engine = await Engine.open({ dbFile: newReplica(), pollIntervalMs: 0 });
    cleanup.push(() => engine.close());
    const desk = deskOf(engine);

    await desk.invoke('session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
    await untilStatus(desk, idleAndOnline);
    const [target] = (await desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    if (!target) throw new Error('the demo agent has no open ticket assigned');

    await server.close();
    const body = `Offline reply ${Date.now()}: the fix ships tomorrow.`;
    const { messageId } = await desk.invoke('ticket.reply', { ticketId: target.id, kind: 'reply', body });

    // In the thread at once, marked as not yet on the server.
    const shown = await desk.invoke('ticket.get', { id: target.id });
    expect(shown?.messages.filter((m) => m.id === messageId)).toEqual([expect.objectContaining({ body, pendingSync: true })]);
    await untilStatus(desk, (s) => s.phase === 'offline' && !s.online && s.pending === 1);

    // The server comes back where the engine expects it, on the same data; the engine notices by itself.
    server = await startTestServer({ dbFile: server.dbFile, port: server.port });
    await untilStatus(desk, idleAndOnline);

    const serverDb = new Database(server.dbFile, { readonly: true });
    try {
      expect(serverDb.prepare('SELECT id, ticket_id AS ticketId, body FROM messages WHERE body = ?').all(body)).toEqual([{ id: messageId, ticketId: target.id, body }]);
      expect(serverDb.prepare(`SELECT count(*) FROM change_log WHERE kind = 'message' AND entity_id = ?`).pluck().get(messageId)).toBe(1);
      expect(serverDb.prepare('SELECT last_mutation_id FROM clients').pluck().all()).toEqual([1]);
    } finally {
      serverDb.close();
    }
    const synced = await desk.invoke('ticket.get', { id: target.id });
    expect(synced?.messages.filter((m) => m.id === messageId)).toEqual([expect.objectContaining({ body, pendingSync: false })]);
    expect(await desk.invoke('sync.status')).toMatchObject({ pending: 0, rejected: 0, error: null });
  });
});
