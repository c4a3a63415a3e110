import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL } from '../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readStore } from '../support/store.ts';
import { idleAndOnline, replicaFiles, signedInWorkstation, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('a ticket created while the server is down', () => {
  it('shows at once without a number, and gets the server’s number after sync, once', async () => {
    let server: TestServer = await startTestServer({ demo: { scale: 0.1, seed: 11 } });
    cleanup.push(() => server.close());
    const { desk } = await signedInWorkstation({ serverUrl: server.url, email: DEMO_AGENT_EMAIL, dbFile: newReplica(), opened: (e) => cleanup.push(() => e.close()) });
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

    server = await startTestServer({ location: server.location, port: server.port });
    await untilStatus(desk, idleAndOnline);

    const [number, last, messages] = await readStore(server.location, async (db) => [
      (await db.selectFrom('tickets').select('number').where('id', '=', created.ticketId).executeTakeFirstOrThrow()).number,
      (await db.selectFrom('workspace').select('last_ticket_number').executeTakeFirstOrThrow()).last_ticket_number,
      (await db.selectFrom('messages').select('id').where('id', '=', created.messageId).execute()).length,
    ]);
    expect(number).toBe(last);
    expect(messages).toBe(1);
    const synced = await desk.invoke('ticket.get', { id: created.ticketId });
    expect(synced).toMatchObject({ ticket: { id: created.ticketId, number }, pendingSync: false });
    expect(synced?.messages).toEqual([expect.objectContaining({ id: created.messageId, pendingSync: false })]);
  });
});
