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

describe('a ticket created while the server is down', () => {
  it('shows at once without a number, and gets the server’s number after sync, once', async () => {
    let server: TestServer = await startTestServer({ demo: { scale: 0.1, seed: 11 } });
    cleanup.push(() => server.close());
    const engine = await Engine.open({ dbFile: newReplica(), pollIntervalMs: 0 });
    cleanup.push(() => engine.close());
    const desk = deskOf(engine);
    await desk.invoke('session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
    await untilStatus(desk, idleAndOnline);
    const [someone] = (await desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    const requesterId = (await desk.invoke('ticket.get', { id: someone?.id ?? '' }))?.requester.id ?? '';

    await server.close();
    const created = await desk.invoke('ticket.create', {
      subject: 'Caller cannot open the invoice PDF',
      requesterId,
      priority: 'high',
      tags: ['Invoices'],
      firstMessage: { kind: 'note', body: 'Customer called; tried two browsers.' },
    });

    // On screen at once, with the provisional (null) number, marked as not yet synced.
    const shown = await desk.invoke('ticket.get', { id: created.ticketId });
    expect(shown).toMatchObject({ ticket: { number: null, status: 'new', priority: 'high', tags: ['invoices'] }, pendingSync: true });
    expect(shown?.messages).toEqual([expect.objectContaining({ id: created.messageId, body: 'Customer called; tried two browsers.', pendingSync: true })]);
    const queued = (await desk.invoke('queue.page', { view: 'unassigned', after: null, limit: 500 })).rows.find((r) => r.id === created.ticketId);
    expect(queued).toMatchObject({ number: null, pendingSync: true });
    await untilStatus(desk, (s) => s.phase === 'offline' && s.pending === 1);

    server = await startTestServer({ dbFile: server.dbFile, port: server.port });
    await untilStatus(desk, idleAndOnline);

    const db = new Database(server.dbFile, { readonly: true });
    try {
      const onServer = db.prepare('SELECT number FROM tickets WHERE id = ?').get(created.ticketId) as { number: number };
      expect(onServer.number).toBe(db.prepare('SELECT last_ticket_number FROM workspace').pluck().get());
      expect(db.prepare('SELECT count(*) FROM messages WHERE id = ?').pluck().get(created.messageId)).toBe(1);
      const synced = await desk.invoke('ticket.get', { id: created.ticketId });
      expect(synced).toMatchObject({ ticket: { id: created.ticketId, number: onServer.number }, pendingSync: false });
      expect(synced?.messages).toEqual([expect.objectContaining({ id: created.messageId, pendingSync: false })]);
    } finally {
      db.close();
    }
  });
});
