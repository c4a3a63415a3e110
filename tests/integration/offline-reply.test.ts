import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readStore } from '../support/store.ts';
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
    server = await startTestServer({ location: server.location, port: server.port });
    await untilStatus(desk, idleAndOnline);

    await readStore(server.location, async (db) => {
      expect(await db.selectFrom('messages').select(['id', 'ticket_id as ticketId', 'body']).where('body', '=', body).execute()).toEqual([
        { id: messageId, ticketId: target.id, body },
      ]);
      const logged = await db.selectFrom('change_log').select('seq').where('kind', '=', 'message').where('entity_id', '=', messageId).execute();
      expect(logged).toHaveLength(1);
      expect((await db.selectFrom('clients').select('last_mutation_id').execute()).map((c) => c.last_mutation_id)).toEqual([1]);
    });
    const synced = await desk.invoke('ticket.get', { id: target.id });
    expect(synced?.messages.filter((m) => m.id === messageId)).toEqual([expect.objectContaining({ body, pendingSync: false })]);
    expect(await desk.invoke('sync.status')).toMatchObject({ pending: 0, rejected: 0, error: null });
  });
});
