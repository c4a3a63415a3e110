import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { ApiError } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { ApiFailure } from '../../../server/http/api-failure.ts';
import { lockForWriting } from '../../../server/store/workspace.ts';
import { PushAdmission } from '../../../server/sync/push-admission.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { testStoreKind } from '../../support/store.ts';
import { agentByEmail, note, post, readStore, signIn, ticketsOf } from './api.ts';

const pushOf = (count: number) => ({ mutations: Array.from({ length: count }, () => ({})) });

describe('push admission: a full write queue refuses at once', () => {
  it('lets a push in when none is under way, however large; refuses one past the limit with a retry time; lets it in once the queue drains', async () => {
    const admission = new PushAdmission(10);
    let release = () => {};
    const held = admission.run(pushOf(50), () => new Promise<string>((resolve) => (release = () => resolve('first'))));
    expect(admission.queued).toBe(50);
    const refusal = await admission.run(pushOf(1), async () => 'second').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ApiFailure);
    expect(refusal).toMatchObject({ status: 503, code: 'unavailable' });
    expect((refusal as ApiFailure).retryAfter).toBeGreaterThanOrEqual(1);
    release();
    expect(await held).toBe('first');
    expect(admission.queued).toBe(0);
    expect(await admission.run(pushOf(1), async () => 'second')).toBe('second');
  });

  it('counts a failed push out of the queue too', async () => {
    const admission = new PushAdmission(10);
    await expect(admission.run(pushOf(5), async () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(admission.queued).toBe(0);
  });
});

// Holding the write lock from outside while the server waits for it needs a store that waits
// asynchronously: SQLite's busy wait would stop the server (and this test, in the same thread).
describe.runIf(testStoreKind() === 'postgres')('push admission over HTTP (PostgreSQL only: on SQLite, holding the write lock from outside blocks the test\'s own thread)', () => {
  let server: TestServer;
  let token: string;
  let ticketId: string;
  beforeAll(async () => {
    // One mutation of queue: any push arriving while another is under way is refused.
    server = await startTestServer({ demo: { scale: 0.05 }, maxQueuedMutations: 1 });
    token = (await signIn(server.url, DEMO_AGENT_EMAIL)).token;
    const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
    ticketId = ((await ticketsOf(server.location, (t) => t.status === 'open' && t.teamId === team))[0] as Ticket).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a push past the queue 503 with Retry-After at once, applying nothing of it; the one queued lands; the refused one resent lands once', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = readStore(server.location, (db) =>
      db.transaction().execute(async (trx) => {
        await lockForWriting(trx);
        locked();
        await held;
      }),
    );
    await lockTaken;
    const queued = { clientId: newId(), mutations: [note(1, ticketId, 'queued behind the lock')] };
    const waiting = post(server.url, routes.push, queued, token);
    // Until the server's push waits for the lock: then it is the one under way.
    await until(async () => (await readStore(server.location, (db) => sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock'`.execute(db))).rows[0]!.n > 0);

    const refusedPush = { clientId: newId(), mutations: [note(1, ticketId, 'refused while busy')] };
    const refused = await fetch(server.url + routes.push, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(refusedPush),
    });
    expect(refused.status).toBe(503);
    expect(ApiError.parse(await refused.json())).toMatchObject({ error: 'unavailable' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    release();
    await holder;
    expect((await waiting).body).toEqual({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
    expect(await readStore(server.location, (db) => db.selectFrom('clients').select('client_id').where('client_id', '=', refusedPush.clientId).executeTakeFirst())).toBeUndefined();

    expect((await post(server.url, routes.push, refusedPush, token)).body).toEqual({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
    const bodies = (await readStore(server.location, (db) => db.selectFrom('messages').select('body').where('ticket_id', '=', ticketId).execute())).map((m) => m.body);
    expect(bodies.filter((b) => b === 'refused while busy')).toHaveLength(1);
    expect(bodies.filter((b) => b === 'queued behind the lock')).toHaveLength(1);
  });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}
