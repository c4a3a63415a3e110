import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Ticket } from '../../../shared/model/index.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { fromRow } from '../../../server/store/rows.ts';
import { readChecksums, recomputeChecksums, scopesInUse } from '../../../server/sync/checksums.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, mutation, note, post, readStore, signIn, ticketsOf } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

let server: TestServer;
let alex: Session;
let lena: Session;
let admin: Session;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 3 } });
  [alex, lena, admin] = await Promise.all([signIn(server.url, DEMO_AGENT_EMAIL), signIn(server.url, DEMO_LEAD_EMAIL), signIn(server.url, DEMO_ADMIN_EMAIL)]);
});
afterAll(async () => {
  await server.close();
});

const counters = new Map<string, number>();
/** Pushes one mutation as the next of that session's client; returns its outcome. */
async function run(session: Session, name: string, args: unknown) {
  const id = (counters.get(session.clientId) ?? 0) + 1;
  counters.set(session.clientId, id);
  const answer = await post(server.url, routes.push, { clientId: session.clientId, mutations: [mutation(id, name, args)] }, session.token);
  const { id: _id, ...outcome } = answer.body.results[0] as { id: number; status: string; error?: string };
  return outcome;
}
const cursorOf = async (session: Session): Promise<Cursor> => (await post(server.url, routes.bootstrap, { clientId: session.clientId }, session.token)).body.cursor;
const pullFrom = async (session: Session, cursor: Cursor) => (await post(server.url, routes.pull, { clientId: session.clientId, cursor }, session.token)).body;

/** The stored checksums must always equal those computed from the rows themselves. */
async function expectChecksumsExact(): Promise<void> {
  await readStore(server.location, async (db) => {
    const scopes = await scopesInUse(db);
    const stored = await readChecksums(db, scopes);
    await db
      .transaction()
      .execute(async (trx) => {
        await recomputeChecksums(trx);
        expect(await readChecksums(trx, scopes)).toEqual(stored);
        throw new Error('roll back');
      })
      .catch((err: Error) => expect(err.message).toBe('roll back'));
  });
}

describe('tombstones', () => {
  it('ticket.delete@1: leads delete a ticket with its thread, every replica hears a del, agents are refused', async () => {
    const frontline = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
    const [ticket] = await ticketsOf(server.location, (t) => t.teamId === frontline && t.status === 'open');
    if (!ticket) throw new Error('no open Frontline ticket');
    const thread = await readStore(server.location, (db) => db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute());
    const [alexFrom, adminFrom] = [await cursorOf(alex), await cursorOf(admin)];

    expect(await run(alex, 'ticket.delete@1', { ticketId: ticket.id })).toEqual({ status: 'rejected', error: 'Only a team lead or an admin can delete a ticket.' });
    expect(await run(lena, 'ticket.delete@1', { ticketId: ticket.id })).toEqual({ status: 'applied' });
    // A second delete of what is gone is what was wanted: nothing to do.
    expect(await run(lena, 'ticket.delete@1', { ticketId: ticket.id })).toEqual({ status: 'applied' });

    for (const [session, from] of [[alex, alexFrom], [admin, adminFrom]] as const) {
      const { changes } = await pullFrom(session, from);
      expect(changes.map((c: Change) => [c.op, c.kind, c.id, c.data])).toEqual([
        ...thread.map((m) => ['del', 'message', m.id, null]),
        ['del', 'ticket', ticket.id, null],
      ]);
    }
    expect(await ticketsOf(server.location, (t) => t.id === ticket.id)).toEqual([]);
    await expectChecksumsExact();
  });

  it('article.delete@1: an agent may delete only a draft of their own; leads any article', async () => {
    const articles = await readStore(server.location, async (db) => (await db.selectFrom('articles').selectAll().execute()).map((r) => fromRow('article', r)));
    const alexId = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).id;
    const published = articles.find((a) => a.status === 'published') as Article;
    expect(await run(alex, 'article.delete@1', { articleId: published.id })).toMatchObject({ status: 'rejected', error: expect.stringMatching(/lead or an admin/) });
    expect(await run(lena, 'article.delete@1', { articleId: published.id })).toEqual({ status: 'applied' });
    const draft = articles.find((a) => a.status === 'draft' && a.authorId === alexId);
    if (draft) expect(await run(alex, 'article.delete@1', { articleId: draft.id })).toEqual({ status: 'applied' });
    const left = await readStore(server.location, (db) => db.selectFrom('articles').select('id').execute());
    expect(left.map((a) => a.id)).not.toContain(published.id);
    await expectChecksumsExact();
  });
});

describe('evictions and checksums', () => {
  it('a ticket moving teams is a del for readers who lose it and a put, thread included, for those who gain it', async () => {
    const [frontline] = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds;
    const sofia = await agentByEmail(server.location, 'sofia@orbit.demo');
    const [ticket] = await ticketsOf(server.location, (t: Ticket) => t.teamId === frontline && t.status === 'open');
    if (!ticket) throw new Error('no open Frontline ticket');
    expect(await run(alex, 'message.add@1', note(1, ticket.id, 'Before the move.').args)).toEqual({ status: 'applied' });
    const thread = await readStore(server.location, (db) => db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute());
    const sofiaSession = await signIn(server.url, 'sofia@orbit.demo');
    const [alexFrom, sofiaFrom, lenaFrom] = [await cursorOf(alex), await cursorOf(sofiaSession), await cursorOf(lena)];

    expect(await run(lena, 'ticket.assign@1', { ticketId: ticket.id, assigneeId: sofia.id })).toEqual({ status: 'applied' });

    const ops = (changes: Change[]) => changes.map((c) => `${c.op} ${c.kind}`).sort();
    // The activity events of the move (assignee, team) are written before it, in the old team's scope, then move with the thread.
    const moved = await readStore(server.location, (db) => db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute());
    const events = moved.filter((m) => !thread.some((t) => t.id === m.id)).map(() => 'put message');
    expect(events).toHaveLength(2);
    const expected = (op: string) => [...moved.map(() => `${op} message`), `${op} ticket`];
    expect(ops((await pullFrom(alex, alexFrom)).changes)).toEqual([...events, ...expected('del')].sort());
    const forSofia = await pullFrom(sofiaSession, sofiaFrom);
    expect(ops(forSofia.changes)).toEqual(expected('put').sort());
    expect(forSofia.changes.find((c: Change) => c.kind === 'ticket').data).toMatchObject({ teamId: sofia.teamIds[0], assigneeId: sofia.id });
    // Lena leads both teams: she keeps seeing it, as puts.
    expect(ops((await pullFrom(lena, lenaFrom)).changes)).toEqual([...events, ...expected('put')].sort());
    await expectChecksumsExact();
  });

  it('the page that reaches the head carries every scope of the caller with its checksum; earlier pages none', async () => {
    const from = await cursorOf(alex);
    const [frontline] = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds;
    const [ticket] = await ticketsOf(server.location, (t) => t.teamId === frontline && t.status !== 'closed');
    for (let i = 0; i < 3; i++) expect(await run(alex, 'message.add@1', note(1, ticket?.id ?? '', `Note ${i}`).args)).toEqual({ status: 'applied' });
    const first = (await post(server.url, routes.pull, { clientId: alex.clientId, cursor: from, limit: 2 }, alex.token)).body;
    expect(first.more).toBe(true);
    expect(first.checksums).toBeUndefined();
    const last = await pullFrom(alex, from);
    expect(last.more).toBe(false);
    const alexAgent = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
    expect(last.checksums.map((c: { scope: string }) => c.scope)).toEqual(['org', `team:${frontline}`, `user:${alexAgent.id}`]);
    expect(last.checksums).toEqual(await readStore(server.location, (db) => readChecksums(db, ['org', `team:${frontline}`, `user:${alexAgent.id}`])));
    expect(last.checksums.every((c: { count: number }) => c.count > 0)).toBe(true);
  });

  it('a snapshot asked for scopes the caller lacks leaves them out', async () => {
    const aisha = await agentByEmail(server.location, 'aisha@orbit.demo');
    const snapshot = (kind: string, scopes: string[]) =>
      post(server.url, routes.snapshot, { clientId: alex.clientId, kind, scopes, after: null, limit: 100 }, alex.token);
    for (const kind of ['ticket', 'message']) expect((await snapshot(kind, [`team:${aisha.teamIds[0]}`, `user:${aisha.id}`])).body).toEqual({ rows: [], versions: [], next: null });
    expect((await snapshot('ticket', ['team:none'])).body.rows).toEqual([]);
    expect((await snapshot('ticket', ['team:x; select'])).status).toBe(400);
    // The caller's own scopes are served.
    expect((await snapshot('ticket', [`user:${(await agentByEmail(server.location, DEMO_AGENT_EMAIL)).id}`])).body.rows.length).toBeGreaterThan(0);
  });
});
