import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import type { Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, mutation, note, post, readStore, signIn, ticketsOf } from './api.ts';

let server: TestServer;
let alex: Awaited<ReturnType<typeof signIn>>;
let open: Ticket;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05 } });
  alex = await signIn(server.url, DEMO_AGENT_EMAIL);
  const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
  open = (await ticketsOf(server.location, (t) => t.teamId === team && t.status === 'open'))[0] as Ticket;
});
afterAll(async () => {
  await server.close();
});

const pull = async (clientId: string, cursor: Cursor, limit?: number, token = alex.token) =>
  (await post(server.url, routes.pull, { clientId, cursor, ...(limit && { limit }) }, token)).body;
const bootstrapCursor = async (clientId: string, token = alex.token): Promise<Cursor> =>
  (await post(server.url, routes.bootstrap, { clientId }, token)).body.cursor;

describe('pull', () => {
  it('pages changes after the cursor in commit order, with whole rows', async () => {
    const clientId = newId();
    const start = await bootstrapCursor(clientId);
    const notes = [note(1, open.id, 'one'), note(2, open.id, 'two'), note(3, open.id, 'three')];
    await post(server.url, routes.push, { clientId, mutations: notes }, alex.token);

    // Each note writes the message and touches the ticket: six changes.
    const first = await pull(clientId, start, 4);
    expect(first).toMatchObject({ reset: false, more: true });
    expect(first.changes.map((c: { seq: number }) => c.seq)).toEqual([1, 2, 3, 4].map((n) => start.seq + n));
    expect(first.cursor).toEqual({ epoch: start.epoch, seq: start.seq + 4 });
    const rest = await pull(clientId, first.cursor, 4);
    expect(rest).toMatchObject({ reset: false, more: false, cursor: { epoch: start.epoch, seq: start.seq + 6 }, lastMutationId: 3 });
    const changes = [...first.changes, ...rest.changes];
    expect(changes.map((c) => `${c.kind}:${c.op}`)).toEqual(Array(3).fill(['message:put', 'ticket:put']).flat());
    expect(changes.filter((c) => c.kind === 'message').map((c) => c.data.body)).toEqual(['one', 'two', 'three']);
    expect(changes[1].data).toMatchObject({ id: open.id, subject: open.subject, number: open.number });
    expect(await pull(clientId, rest.cursor)).toMatchObject({ changes: [], more: false, cursor: rest.cursor });
  });

  it('acknowledges only mutations whose changes are all in the pages pulled so far', async () => {
    const clientId = newId();
    const start = await bootstrapCursor(clientId);
    await post(server.url, routes.push, { clientId, mutations: [note(1, open.id), note(2, open.id), note(3, open.id)] }, alex.token);
    // Three changes: mutation 1 whole, half of mutation 2.
    const page = await pull(clientId, start, 3);
    expect(page).toMatchObject({ more: true, lastMutationId: 1 });
    expect(await pull(clientId, page.cursor)).toMatchObject({ more: false, lastMutationId: 3 });
  });

  it('reports rejected mutations as done, since they leave no changes', async () => {
    const clientId = newId();
    const start = await bootstrapCursor(clientId);
    await post(server.url, routes.push, { clientId, mutations: [mutation(1, 'ticket.setStatus@1', { ticketId: open.id, status: 'new' })] }, alex.token);
    expect(await pull(clientId, start)).toMatchObject({ reset: false, changes: [], lastMutationId: 1 });
  });

  it('asks for a reset when the epoch is foreign or the cursor is ahead of the server', async () => {
    const clientId = newId();
    const start = await bootstrapCursor(clientId);
    expect(await pull(clientId, { epoch: 'restored-elsewhere', seq: 0 })).toEqual({ reset: true, reason: expect.stringMatching(/new epoch/) });
    expect(await pull(clientId, { epoch: start.epoch, seq: start.seq + 1000 })).toEqual({ reset: true, reason: expect.stringMatching(/ahead/) });
  });
});

describe('snapshot', () => {
  it('pages every visible row of a kind exactly once, threads whole, matching the bootstrap counts', async () => {
    const admin = await signIn(server.url, DEMO_ADMIN_EMAIL);
    const clientId = newId();
    const { counts, scopes } = (await post(server.url, routes.bootstrap, { clientId }, admin.token)).body;
    for (const kind of ['ticket', 'message', 'contact'] as const) {
      const rows: { id: string; ticketId?: string }[] = [];
      let after: string | null = null;
      do {
        const page: { rows: { id: string }[]; versions: number[]; next: string | null } = (
          await post(server.url, routes.snapshot, { clientId, kind, scopes, after, limit: 37 }, admin.token)
        ).body;
        expect(page.rows.length).toBeLessThanOrEqual(37);
        expect(page.versions).toHaveLength(page.rows.length);
        rows.push(...page.rows);
        after = page.next;
      } while (after);
      const table = ({ ticket: 'tickets', message: 'messages', contact: 'contacts' } as const)[kind];
      const all = await readStore(server.location, (db) => db.selectFrom(table).select('id').orderBy('id').execute());
      expect(rows.map((r) => r.id).sort()).toEqual(all.map((r) => r.id));
      expect(counts[kind]).toBe(all.length);
      // Tickets and the directory come in id order; messages ticket by ticket, so a thread is never split across kinds of order.
      const keys = rows.map((r) => (kind === 'message' ? `${r.ticketId}/${r.id}` : r.id));
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('refuses an unknown kind with 400', async () => {
    const answer = await post(server.url, routes.snapshot, { clientId: newId(), kind: 'secrets', after: null }, alex.token);
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_request', message: expect.stringContaining('kind') } });
  });
});
