import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import { MAX_BODY_CHARS, type Ticket } from '../../../shared/model/index.ts';
import { ApiError, MAX_PUSH_MUTATIONS, MAX_SYNC_BODY_BYTES } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { recountChecksums } from '../../support/recount-checksums.ts';
import { POISON, poisonStore } from '../../support/store-faults.ts';
import { agentByEmail, mutation, note, post, readStore, send, signIn, ticketsOf } from './api.ts';

let server: TestServer;
let alex: Awaited<ReturnType<typeof signIn>>;
let open: Ticket;
let closed: Ticket;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05 } });
  alex = await signIn(server.url, DEMO_AGENT_EMAIL);
  const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
  const mine = await ticketsOf(server.location, (t) => t.teamId === team);
  open = mine.find((t) => t.status === 'open') as Ticket;
  closed = mine.find((t) => t.status === 'closed') as Ticket;
});
afterAll(async () => {
  await server.close();
});

const push = (clientId: string, mutations: unknown[], token = alex.token) => post(server.url, routes.push, { clientId, mutations }, token);
const messagesOf = (ticketId: string) => readStore(server.location, (db) => db.selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).execute());
const lastMutationId = (clientId: string) =>
  readStore(server.location, async (db) => (await db.selectFrom('clients').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirst())?.last_mutation_id);

/** A bad request must leave the server answering the next good one normally. */
async function expectStillServing(): Promise<void> {
  const clientId = newId();
  expect(await push(clientId, [note(1, open.id)])).toMatchObject({ status: 200, body: { results: [{ id: 1, status: 'applied' }] } });
}

function expectApiError(answer: { status: number; body: unknown }, status: number, error: string): void {
  expect(answer.status).toBe(status);
  expect(ApiError.parse(answer.body)).toMatchObject({ error, message: expect.any(String) });
}

/** A server of its own (its store is about to be broken), the demo agent signed in, and an open ticket of their team. */
async function withOwnServer(test: (own: { server: TestServer; token: string; ticketId: string }) => Promise<void>): Promise<void> {
  const own = await startTestServer({ demo: { scale: 0.05 } });
  try {
    const me = await signIn(own.url, DEMO_AGENT_EMAIL);
    const team = (await agentByEmail(own.location, DEMO_AGENT_EMAIL)).teamIds[0];
    const [ticket] = await ticketsOf(own.location, (t) => t.status !== 'closed' && t.teamId === team);
    await test({ server: own, token: me.token, ticketId: ticket!.id });
  } finally {
    await own.close();
  }
}

describe('push: exactly once, in client order', () => {
  it('applies a mutation once; a repeat is a duplicate and writes nothing', async () => {
    const clientId = newId();
    const m = note(1, open.id, 'Checked the logs.');
    const before = (await messagesOf(open.id)).length;
    expect(await push(clientId, [m])).toEqual({ status: 200, body: { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] } });
    expect(await push(clientId, [m])).toEqual({ status: 200, body: { lastMutationId: 1, results: [{ id: 1, status: 'duplicate' }] } });
    const after = await messagesOf(open.id);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((r) => r.body === 'Checked the logs.')).toHaveLength(1);
  });

  it('applies a mutation sent twice at the same time exactly once', async () => {
    const clientId = newId();
    const m = note(1, open.id, 'sent twice at once');
    const answers = await Promise.all([push(clientId, [m]), push(clientId, [m])]);
    expect(answers.map((a) => a.body.results[0].status).sort()).toEqual(['applied', 'duplicate']);
    expect((await messagesOf(open.id)).filter((r) => r.body === 'sent twice at once')).toHaveLength(1);
  });

  it('refuses a gap with 409 and the expected id, keeping what came before it in the batch', async () => {
    const clientId = newId();
    const first = note(1, open.id, 'first of batch');
    const answer = await push(clientId, [first, note(3, open.id, 'skips two')]);
    expectApiError(answer, 409, 'mutation_gap');
    expect(answer.body.expected).toBe(2);
    const bodies = (await messagesOf(open.id)).map((m) => m.body);
    expect(bodies).toContain('first of batch');
    expect(bodies).not.toContain('skips two');
    expect(await lastMutationId(clientId)).toBe(1);
    // Resending from the expected id works.
    expect((await push(clientId, [note(2, open.id), note(3, open.id)])).body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
  });

  it('records a rejection, advances the counter, and writes nothing of the mutation', async () => {
    const clientId = newId();
    const before = (await messagesOf(closed.id)).length;
    const reply = mutation(1, 'message.add@1', { id: newId(), ticketId: closed.id, kind: 'reply', body: 'Hello again' });
    const answer = await push(clientId, [reply, note(2, open.id)]);
    expect(answer.body).toEqual({
      lastMutationId: 2,
      results: [
        { id: 1, status: 'rejected', error: 'A closed ticket cannot get replies; create a follow-up ticket instead.' },
        { id: 2, status: 'applied' },
      ],
    });
    expect(await messagesOf(closed.id)).toHaveLength(before);
    const rejected = await readStore(server.location, (db) => db.selectFrom('rejected_mutations').selectAll().where('client_id', '=', clientId).execute());
    expect(rejected).toEqual([expect.objectContaining({ mutation_id: 1, name: 'message.add@1', reason: expect.stringContaining('closed ticket') })]);
    // A resend (the first answer was lost) is not run again, and still tells the client why it was refused.
    expect((await push(clientId, [reply])).body.results).toEqual([
      { id: 1, status: 'rejected', error: 'A closed ticket cannot get replies; create a follow-up ticket instead.' },
    ]);
    expect(await messagesOf(closed.id)).toHaveLength(before);
  });

  it('rejects a message over the length limit with the clear reason', async () => {
    const clientId = newId();
    const long = mutation(1, 'message.add@1', { id: newId(), ticketId: open.id, kind: 'reply', body: 'x'.repeat(MAX_BODY_CHARS + 1) });
    const answer = await push(clientId, [long]);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { id: 1, status: 'rejected', error: 'Invalid arguments for message.add@1: body: A message can be at most 100,000 characters.' },
    ]);
    expect((await messagesOf(open.id)).some((m) => m.body.length > MAX_BODY_CHARS)).toBe(false);
    expect(await lastMutationId(clientId)).toBe(1);
  });

  it('refuses a client id that belongs to another agent with 403', async () => {
    const lena = await signIn(server.url, DEMO_LEAD_EMAIL);
    const clientId = newId();
    await push(clientId, [note(1, open.id)]);
    expectApiError(await push(clientId, [note(2, open.id)], lena.token), 403, 'forbidden');
    expect(await lastMutationId(clientId)).toBe(1);
  });
});

describe('push: a batch is one transaction, with the same answers as one mutation at a time', () => {
  const statuses = (answer: { body: { results: { status: string }[] } }) => answer.body.results.map((r) => r.status);

  it('a refused mutation in the middle leaves only its rejection; those around it apply', async () => {
    const clientId = newId();
    const reply = mutation(2, 'message.add@1', { id: newId(), ticketId: closed.id, kind: 'reply', body: 'refused in the middle' });
    const answer = await push(clientId, [note(1, open.id, 'before the refusal'), reply, note(3, open.id, 'after the refusal')]);
    expect(answer.status).toBe(200);
    expect(answer.body.lastMutationId).toBe(3);
    expect(statuses(answer)).toEqual(['applied', 'rejected', 'applied']);
    const bodies = (await messagesOf(open.id)).map((m) => m.body);
    expect(bodies).toEqual(expect.arrayContaining(['before the refusal', 'after the refusal']));
    expect((await messagesOf(closed.id)).map((m) => m.body)).not.toContain('refused in the middle');
    // The whole batch again: nothing runs twice, and the refusal is heard again.
    const again = await push(clientId, [note(1, open.id, 'before the refusal'), reply, note(3, open.id, 'after the refusal')]);
    expect(again.body.results).toEqual([
      { id: 1, status: 'duplicate' },
      { id: 2, status: 'rejected', error: 'A closed ticket cannot get replies; create a follow-up ticket instead.' },
      { id: 3, status: 'duplicate' },
    ]);
    expect((await messagesOf(open.id)).filter((m) => m.body === 'after the refusal')).toHaveLength(1);
  });

  it('a batch that starts with mutations already applied runs only the new ones, in order', async () => {
    const clientId = newId();
    await push(clientId, [note(1, open.id, 'old one')]);
    const answer = await push(clientId, [note(1, open.id, 'old one'), note(2, open.id, 'new two'), note(3, open.id, 'new three')]);
    expect(answer.body).toEqual({ lastMutationId: 3, results: [{ id: 1, status: 'duplicate' }, { id: 2, status: 'applied' }, { id: 3, status: 'applied' }] });
    const seqs = await readStore(server.location, (db) =>
      db.selectFrom('change_log').select(['mutation_id', 'seq']).where('client_id', '=', clientId).orderBy('seq').execute(),
    );
    // A note logs more than one change; in seq order they come mutation by mutation, in client order.
    expect(seqs.map((r) => r.mutation_id).filter((id, i, all) => id !== all[i - 1])).toEqual([1, 2, 3]);
  });

  it('a gap in the middle: 409, the mutations before it stay applied, none after it', async () => {
    const clientId = newId();
    const answer = await push(clientId, [note(1, open.id, 'gap batch one'), note(2, open.id, 'gap batch two'), note(4, open.id, 'gap batch four'), note(5, open.id, 'gap batch five')]);
    expectApiError(answer, 409, 'mutation_gap');
    expect(answer.body.expected).toBe(3);
    const bodies = (await messagesOf(open.id)).map((m) => m.body);
    expect(bodies).toEqual(expect.arrayContaining(['gap batch one', 'gap batch two']));
    expect(bodies).not.toContain('gap batch four');
    expect(bodies).not.toContain('gap batch five');
    expect(await lastMutationId(clientId)).toBe(2);
  });

  it('a store failure mid-batch: 503, no acknowledgement; the resend lands every mutation exactly once', async () => {
    await withOwnServer(async ({ server: broken, token, ticketId }) => {
      const clientId = newId();
      const batch = [note(1, ticketId, 'batch one'), note(2, ticketId, 'batch two'), note(3, ticketId, POISON), note(4, ticketId, 'batch four')];
      const bodies = async () =>
        (await readStore(broken.location, (db) => db.selectFrom('messages').select('body').where('ticket_id', '=', ticketId).execute())).map((m) => m.body);
      const stored = await readStore(broken.location, (db) => db.selectFrom('clients').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirst());
      expect(stored).toBeUndefined();

      await poisonStore(broken.location, true);
      const answer = await post(broken.url, routes.push, { clientId, mutations: batch }, token);
      expectApiError(answer, 503, 'unavailable');
      expect(answer.body.message).toMatch(/mutation 3/);
      // What came before the failing mutation committed (and the answer says so); nothing of it or after it did.
      expect(answer.body.message).toMatch(/up to 2/);
      expect(await bodies()).toEqual(expect.arrayContaining(['batch one', 'batch two']));
      expect(await bodies()).not.toContain('batch four');
      expect(await bodies()).not.toContain(POISON);

      await poisonStore(broken.location, false);
      // The client heard no acknowledgement, so it resends the whole batch.
      const retried = await post(broken.url, routes.push, { clientId, mutations: batch }, token);
      expect(retried.body).toEqual({
        lastMutationId: 4,
        results: [
          { id: 1, status: 'duplicate' },
          { id: 2, status: 'duplicate' },
          { id: 3, status: 'applied' },
          { id: 4, status: 'applied' },
        ],
      });
      const landed = await bodies();
      for (const body of ['batch one', 'batch two', POISON, 'batch four']) expect(landed.filter((b) => b === body)).toHaveLength(1);
    });
  });
});

describe('push: the change log, versions and checksums a batch writes at its end', () => {
  /** Every change of the store: seqs with no hole from 1 to the workspace's counter, scope rows only of logged changes, rows stamped with their last change. */
  async function expectWholeLog(location: TestServer['location'], ticketId: string): Promise<void> {
    const { log, scoped, head, ticket } = await readStore(location, async (db) => ({
      log: await db.selectFrom('change_log').select(['seq', 'kind', 'entity_id']).orderBy('seq').execute(),
      scoped: await db.selectFrom('change_scopes').select('seq').distinct().orderBy('seq').execute(),
      head: (await db.selectFrom('workspace').select('last_seq').executeTakeFirstOrThrow()).last_seq,
      ticket: (await db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow()) as { version?: number },
    }));
    expect(log.map((r) => Number(r.seq))).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(scoped.every((r) => Number(r.seq) >= 1 && Number(r.seq) <= head)).toBe(true);
    expect(Number(ticket.version)).toBe(Math.max(...log.filter((r) => r.kind === 'ticket' && r.entity_id === ticketId).map((r) => Number(r.seq))));
    const { kept, recounted } = await recountChecksums(location);
    expect(kept).toEqual(recounted);
  }

  it('seqs with no hole and checksums equal to a recount, through a refusal and a store failure mid-batch', async () => {
    await withOwnServer(async ({ server: own, token, ticketId }) => {
      const closedOne = (await ticketsOf(own.location, (t) => t.status === 'closed'))[0] as Ticket;
      const clientId = newId();
      const priority = (id: number, value: string) => mutation(id, 'ticket.setPriority@1', { ticketId, priority: value });
      const refused = mutation(3, 'message.add@1', { id: newId(), ticketId: closedOne.id, kind: 'reply', body: 'refused' });
      const first = await post(own.url, routes.push, { clientId, mutations: [priority(1, 'urgent'), note(2, ticketId), refused, priority(4, 'low'), note(5, ticketId)] }, token);
      expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'rejected', 'applied', 'applied']);
      await expectWholeLog(own.location, ticketId);

      await poisonStore(own.location, true);
      const broken = await post(own.url, routes.push, { clientId, mutations: [priority(6, 'high'), note(7, ticketId, POISON), priority(8, 'normal')] }, token);
      expect(broken.status).toBe(503);
      await poisonStore(own.location, false);
      await expectWholeLog(own.location, ticketId);

      const resent = await post(own.url, routes.push, { clientId, mutations: [priority(6, 'high'), note(7, ticketId, POISON), priority(8, 'normal')] }, token);
      expect(resent.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'applied', 'applied']);
      await expectWholeLog(own.location, ticketId);
    });
  });
});

describe('push: bad input gets a clear 4xx, nothing half-written, and the server stays up', () => {
  it('400 for a body that is not JSON', async () => {
    const answer = await send(server.url, routes.push, '{"clientId": "x", "mutations": [', { token: alex.token });
    expectApiError(answer, 400, 'invalid_request');
    expect(answer.body.message).toMatch(/not valid JSON/);
    await expectStillServing();
  });

  it('400 for a body that does not match the schema, naming the field', async () => {
    const answer = await post(server.url, routes.push, { clientId: newId(), mutations: [{ id: 0, name: 'message.add@1', args: {} }] }, alex.token);
    expectApiError(answer, 400, 'invalid_request');
    expect(answer.body.message).toMatch(/mutations\[0\]\.id/);
    expectApiError(await send(server.url, routes.push, 'clientId=1', { token: alex.token, contentType: 'text/plain' }), 400, 'invalid_request');
    await expectStillServing();
  });

  it('413 for a body over the size limit or too many mutations', async () => {
    const clientId = newId();
    const huge = mutation(1, 'message.add@1', { id: newId(), ticketId: open.id, kind: 'note', body: 'x'.repeat(MAX_SYNC_BODY_BYTES) });
    const tooBig = await push(clientId, [huge]);
    expectApiError(tooBig, 413, 'payload_too_large');
    expect(tooBig.body.message).toMatch(/4 MiB/);
    const many = Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, (_, i) => note(i + 1, open.id));
    expectApiError(await push(clientId, many), 413, 'payload_too_large');
    expect(await lastMutationId(clientId)).toBeUndefined();
    await expectStillServing();
  });

  it('422 for an unknown mutator, and nothing of the batch is applied', async () => {
    const clientId = newId();
    const answer = await push(clientId, [note(1, open.id, 'must not land'), mutation(2, 'ticket.teleport@1', { ticketId: open.id })]);
    expectApiError(answer, 422, 'unknown_mutator');
    expect(answer.body.message).toContain('ticket.teleport@1');
    expect((await messagesOf(open.id)).map((m) => m.body)).not.toContain('must not land');
    expect(await lastMutationId(clientId)).toBeUndefined();
    await expectStillServing();
  });

  it('503 when the store fails mid-mutation: nothing of it is kept and the counter does not move', async () => {
    await withOwnServer(async ({ server: broken, token, ticketId }) => {
      const clientId = newId();
      expect((await post(broken.url, routes.push, { clientId, mutations: [note(1, ticketId)] }, token)).status).toBe(200);
      await readStore(broken.location, (db) => sql`alter table change_log rename to change_log_gone`.execute(db));
      const answer = await post(broken.url, routes.push, { clientId, mutations: [note(2, ticketId, 'lost in the outage')] }, token);
      expectApiError(answer, 503, 'unavailable');
      const kept = await readStore(broken.location, (db) => db.selectFrom('messages').select('body').where('body', '=', 'lost in the outage').execute());
      expect(kept).toEqual([]);
      await readStore(broken.location, (db) => sql`alter table change_log_gone rename to change_log`.execute(db));
      // The client retries and the mutation lands, once.
      const retried = await post(broken.url, routes.push, { clientId, mutations: [note(2, ticketId, 'lost in the outage')] }, token);
      expect(retried.body).toEqual({ lastMutationId: 2, results: [{ id: 2, status: 'applied' }] });
    });
  });
});
