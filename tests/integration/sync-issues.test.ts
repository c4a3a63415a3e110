import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../server/demo/credentials.ts';
import { DeskError, type DeskApi, type SyncIssue } from '../../shared/ipc/index.ts';
import type { Database } from '../../server/store/schema.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readStore, setStatusBehindServer } from '../support/store.ts';
import { idleAndOnline, replicaFiles, signedInWorkstation, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
let server: TestServer;
const engines: Engine[] = [];
let ticketsTaken = 0;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 31 } });
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});
afterAll(() => server.close());

const serverDb = <T>(task: (db: Kysely<Database>) => Promise<T>) => readStore(server.location, task);
const serverMessages = async (body: string) => (await serverDb((db) => db.selectFrom('messages').select('id').where('body', '=', body).execute())).length;

/** A signed-in workstation and the `syncIssues.changed` events it sends from sign-in on. */
async function signedIn(email = DEMO_AGENT_EMAIL): Promise<{ desk: DeskApi; events: string[] }> {
  const events: string[] = [];
  const { desk } = await signedInWorkstation({
    serverUrl: server.url,
    email,
    dbFile: newReplica(),
    opened: (engine) => {
      engines.push(engine);
      engine.on((name, payload) => name === 'syncIssues.changed' && events.push(`issues:${(payload as { count: number }).count}`));
    },
  });
  return { desk, events };
}

/** An open ticket of Alex's that no other test of this file touches. */
async function takeTicket(desk: DeskApi): Promise<{ id: string; number: number; subject: string }> {
  const { rows } = await desk.invoke('queue.page', { view: 'mine', after: null, limit: 50 });
  const row = rows[ticketsTaken++];
  if (!row || row.number === null) throw new Error('not enough open tickets assigned to the demo agent');
  return { id: row.id, number: row.number, subject: row.subject };
}

/** A reply the server refuses: the ticket was closed behind this replica's back. */
async function refusedReply(desk: DeskApi, ticketId: string, body: string): Promise<SyncIssue & { messageId: string }> {
  await setStatusBehindServer(server.location, ticketId, 'closed');
  const { messageId } = await desk.invoke('ticket.reply', { ticketId, kind: 'reply', body });
  await untilStatus(desk, (s) => s.phase === 'idle' && s.rejected === 1);
  const [issue, ...more] = await desk.invoke('syncIssues.list');
  expect(more).toEqual([]);
  return { ...(issue as SyncIssue), messageId };
}

const reopenOnServer = (ticketId: string) => setStatusBehindServer(server.location, ticketId, 'open');

describe('sync issues', () => {
  it('list a refused change with what it was, the server’s reason, when it was made, and the text written', async () => {
    const { desk, events } = await signedIn();
    const ticket = await takeTicket(desk);
    const before = Date.now();
    const body = 'Your refund is on its way.\nKind regards';
    const { messageId: _, ...issue } = await refusedReply(desk, ticket.id, body);
    expect(issue).toEqual({
      id: expect.any(Number),
      summary: `Public reply on #${ticket.number} “${ticket.subject}”`,
      reason: 'A closed ticket cannot get replies; create a follow-up ticket instead.',
      createdAt: expect.any(String),
      text: body,
      ticketId: ticket.id,
    });
    expect(Date.parse(issue.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(events).toContain('issues:1');
  });

  it('retry sends the same change again as a new mutation; once the server accepts it the issue is gone', async () => {
    const { desk, events } = await signedIn();
    const ticket = await takeTicket(desk);
    const body = `Retried reply ${ticket.id}`;
    const issue = await refusedReply(desk, ticket.id, body);
    await reopenOnServer(ticket.id);

    await desk.invoke('syncIssues.retry', { id: issue.id });
    await untilStatus(desk, (s) => s.phase === 'idle' && s.rejected === 0 && s.pending === 0);
    expect(await desk.invoke('syncIssues.list')).toEqual([]);
    expect(await serverMessages(body)).toBe(1);
    // The same message, sent by the mutation after the refused one: the end of the outbox.
    const sentBy = await serverDb((db) => db.selectFrom('change_log').select('mutation_id').where('kind', '=', 'message').where('entity_id', '=', issue.messageId).execute());
    expect(sentBy.map((r) => r.mutation_id)).toEqual([issue.id + 1]);
    expect((await desk.invoke('ticket.get', { id: ticket.id }))?.messages.filter((m) => m.body === body)).toEqual([expect.objectContaining({ pendingSync: false })]);
    expect(events.at(-1)).toBe('issues:0');
    // Dealt with: a second retry or a discard of the same issue is refused clearly.
    await expect(desk.invoke('syncIssues.retry', { id: issue.id })).rejects.toThrow(/already been dealt with/);
    await expect(desk.invoke('syncIssues.discard', { id: issue.id })).rejects.toThrow(/already been dealt with/);
  });

  it('a retry the replica already knows to be refused stays an issue, with the reason', async () => {
    const { desk } = await signedIn();
    const ticket = await takeTicket(desk);
    const { messageId: _, ...issue } = await refusedReply(desk, ticket.id, 'Retry while closed');
    // Now the replica learns the ticket is closed (a lead solves and closes it through the API).
    await reopenOnServer(ticket.id);
    const { desk: lead } = await signedIn(DEMO_LEAD_EMAIL);
    await lead.invoke('ticket.setStatus', { ticketId: ticket.id, status: 'solved' });
    await lead.invoke('ticket.setStatus', { ticketId: ticket.id, status: 'closed' });
    await untilStatus(lead, idleAndOnline);
    await desk.invoke('sync.now');

    const refused = await desk.invoke('syncIssues.retry', { id: issue.id }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DeskError);
    expect(refused).toMatchObject({ code: 'rejected', message: 'A closed ticket cannot get replies; create a follow-up ticket instead.' });
    expect(await desk.invoke('syncIssues.list')).toEqual([issue]);
  });

  it('discard drops the refused change for good: nothing reaches the server, nothing stays on screen', async () => {
    const { desk, events } = await signedIn();
    const ticket = await takeTicket(desk);
    const body = `Discarded reply ${ticket.id}`;
    const issue = await refusedReply(desk, ticket.id, body);
    await reopenOnServer(ticket.id);

    await desk.invoke('syncIssues.discard', { id: issue.id });
    expect(await desk.invoke('syncIssues.list')).toEqual([]);
    expect(await desk.invoke('sync.status')).toMatchObject({ rejected: 0 });
    expect(events.at(-1)).toBe('issues:0');
    await desk.invoke('sync.now');
    expect(await serverMessages(body)).toBe(0);
    expect((await desk.invoke('ticket.get', { id: ticket.id }))?.messages.some((m) => m.body === body)).toBe(false);
  });
});
