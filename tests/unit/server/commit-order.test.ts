import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import type { Change, Cursor, PullResponse } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { createRandom } from '../../../server/demo/prng.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { recountChecksums } from '../../support/recount-checksums.ts';
import { readStore } from '../../support/store.ts';
import { agentByEmail, mutation, note, post, signIn, ticketsOf } from './api.ts';

// Everything here happens at once on purpose: on PostgreSQL each request runs on its own pool
// connection, so only the store's locking keeps the change log in commit order.

const SEED = Number(process.env.ORBIT_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`commit-order: seed ${SEED} (replay with ORBIT_TEST_SEED=${SEED})`);

/** Agents of the first demo team (and its lead): each pushes notes on the team's tickets from several clients. */
const WRITERS = [DEMO_AGENT_EMAIL, 'priya@orbit.demo', DEMO_LEAD_EMAIL];
const CLIENTS_PER_WRITER = 3;
const PUSHES_PER_CLIENT = 6;

let server: TestServer;
let tickets: Ticket[];

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1 } });
  const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
  tickets = await ticketsOf(server.location, (t) => t.teamId === team && t.status !== 'closed');
});
afterAll(async () => {
  await server.close();
});

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

// A load test by design: more time than a unit test, on a busy two-core machine.
describe('the change log under concurrent pushes', { timeout: 30_000 }, () => {
  it('hands a reader pulling all along every change once, in seq order, with no gap that fills in later', async () => {
    const random = createRandom(SEED);
    const admin = await signIn(server.url, DEMO_ADMIN_EMAIL);
    const readerClient = newId();
    const start: Cursor = (await post(server.url, routes.bootstrap, { clientId: readerClient }, admin.token)).body.cursor;

    // Plans are drawn up front, so the seed alone decides who writes what.
    const writers = await Promise.all(WRITERS.map((email) => signIn(server.url, email)));
    const plans = writers.flatMap((w) =>
      Array.from({ length: CLIENTS_PER_WRITER }, () => ({
        token: w.token,
        clientId: newId(),
        batches: Array.from({ length: PUSHES_PER_CLIENT }, () => Array.from({ length: random.int(1, 3) }, () => random.pick(tickets).id)),
      })),
    );
    let writing = true;
    const writes = Promise.all(
      plans.map(async ({ token, clientId, batches }) => {
        let id = 0;
        for (const batch of batches) {
          const answer = await post(server.url, routes.push, { clientId, mutations: batch.map((ticketId) => note(++id, ticketId, `${clientId} #${id}`)) }, token);
          expect(answer.status).toBe(200);
          expect(answer.body.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
        }
      }),
    ).finally(() => (writing = false));

    // The admin sees every scope, so any hole in a page's seqs is a change that committed out of order.
    const seen: Change[] = [];
    let cursor = start;
    let pulls = 0;
    const pullOnce = async (): Promise<PullResponse & { reset: false }> => {
      const answer = (await post(server.url, routes.pull, { clientId: readerClient, cursor, limit: 7 }, admin.token)).body;
      expect(answer.reset).toBe(false);
      expect(answer.changes.map((c: Change) => c.seq)).toEqual(range(cursor.seq + 1, answer.cursor.seq));
      seen.push(...answer.changes);
      cursor = answer.cursor;
      pulls++;
      return answer;
    };
    while (writing) await pullOnce();
    await writes;
    while ((await pullOnce()).more);

    const notes = plans.reduce((n, p) => n + p.batches.flat().length, 0);
    // Each note is two changes: the message and the ticket it touches.
    expect(seen).toHaveLength(notes * 2);
    const logged = await readStore(server.location, (db) => db.selectFrom('change_log').select('seq').where('seq', '>', start.seq).orderBy('seq').execute());
    expect(seen.map((c) => c.seq)).toEqual(logged.map((r) => r.seq));
    expect(new Set(seen.filter((c) => c.kind === 'message').map((c) => c.id)).size).toBe(notes);
    // The per-scope checksums, moved by every one of those writes, still match the rows.
    const { kept, recounted } = await recountChecksums(server.location);
    expect(kept).toEqual(recounted);
    console.log(`commit-order: ${notes} notes from ${plans.length} clients, read in ${pulls} pulls`);
  });

  it('keeps both of two concurrent edits of one ticket by different agents', async () => {
    const [alex, priya] = await Promise.all([signIn(server.url, DEMO_AGENT_EMAIL), signIn(server.url, 'priya@orbit.demo')]);
    const targets = tickets.filter((t) => t.assigneeId !== priya.agentId).slice(0, 12);
    expect(targets.length).toBeGreaterThan(5);
    const parked = (t: Ticket) => (t.status === 'pending' ? 'on_hold' : 'pending');
    // Alex parks each ticket while Priya takes it: a writer that read the row before the other
    // committed, and wrote it back whole, would undo the other's change.
    await Promise.all(
      targets.flatMap((t) => [
        post(server.url, routes.push, { clientId: newId(), mutations: [mutation(1, 'ticket.setStatus@1', { ticketId: t.id, status: parked(t) })] }, alex.token),
        post(server.url, routes.push, { clientId: newId(), mutations: [mutation(1, 'ticket.assign@1', { ticketId: t.id, assigneeId: priya.agentId })] }, priya.token),
      ]),
    );
    const after = await ticketsOf(server.location, (t) => targets.some((x) => x.id === t.id));
    expect(after.map((t) => [t.status, t.assigneeId])).toEqual(targets.map((t) => [parked(t), priya.agentId]));
  });
});
