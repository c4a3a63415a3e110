import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, Ticket } from '../../../shared/model/index.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { canSee, scopeOf, teamScope, visibilityOf } from '../../../server/sync/scopes.ts';
import { agentScopes, Scope, scopesOfRow } from '../../../shared/sync/scopes.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, connectRealtime, mutation, note, post, readStore, signIn, ticketsOf } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

describe('scope rules', () => {
  const [t1, t2, a1] = ['0195f0a0-0000-7000-8000-0000000000a1', '0195f0a0-0000-7000-8000-0000000000a2', '0195f0a0-0000-7000-8000-0000000000b1'];

  it('puts tickets in their team and, when assigned, their assignee’s scope; messages in their ticket’s; the rest in org', () => {
    expect(scopesOfRow('ticket', { teamId: t1, assigneeId: null })).toEqual([`team:${t1}`]);
    expect(scopesOfRow('ticket', { teamId: null, assigneeId: a1 })).toEqual(['team:none', `user:${a1}`]);
    expect(scopesOfRow('message', {}, { teamId: t1, assigneeId: a1 })).toEqual([`team:${t1}`, `user:${a1}`]);
    expect(() => scopesOfRow('message', {})).toThrow(/its ticket/);
    expect(scopesOfRow('contact', {})).toEqual(['org']);
    // The table's home scope stays the team's.
    expect(scopeOf('ticket', { teamId: t1 })).toBe(`team:${t1}`);
    expect(scopeOf('message', {}, `team:${t1}`)).toBe(`team:${t1}`);
  });

  it('lets admins see everything, and agents and leads org, their teams and what is assigned to them', () => {
    expect(canSee(visibilityOf({ id: a1, role: 'admin', teamIds: [] }), 'team:none')).toBe(true);
    const lead = visibilityOf({ id: a1, role: 'lead', teamIds: [t1, t2] });
    expect(['org', teamScope(t1), teamScope(t2), `user:${a1}`].every((s) => canSee(lead, s))).toBe(true);
    expect(canSee(lead, teamScope(null)) || canSee(lead, 'user:0195f0a0-0000-7000-8000-0000000000b2')).toBe(false);
    expect(agentScopes({ id: a1, role: 'agent', teamIds: [t1] })).toEqual(['org', `team:${t1}`, `user:${a1}`]);
    for (const scope of agentScopes({ id: a1, role: 'agent', teamIds: [t1] }) as string[]) expect(Scope.safeParse(scope).success).toBe(true);
    expect(Scope.safeParse('team:x; drop table').success).toBe(false);
  });
});

describe('scope filtering over the API', () => {
  let server: TestServer;
  let alex: Session;
  let aisha: Session;
  let alexAgent: Agent;
  let aishaAgent: Agent;
  let teamATicket: Ticket;
  let teamBTicket: Ticket;

  beforeAll(async () => {
    server = await startTestServer({ demo: { scale: 0.05 } });
    alex = await signIn(server.url, DEMO_AGENT_EMAIL);
    aisha = await signIn(server.url, 'aisha@orbit.demo');
    alexAgent = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
    aishaAgent = await agentByEmail(server.location, 'aisha@orbit.demo');
    const unsolved = (t: Ticket) => t.status !== 'closed' && t.status !== 'solved';
    teamATicket = (await ticketsOf(server.location, (t) => t.teamId === alexAgent.teamIds[0] && unsolved(t)))[0] as Ticket;
    teamBTicket = (await ticketsOf(server.location, (t) => t.teamId === aishaAgent.teamIds[0] && unsolved(t)))[0] as Ticket;
  });
  afterAll(async () => {
    await server.close();
  });

  const scopesOf = async (session: Session): Promise<string[]> =>
    (await post(server.url, routes.bootstrap, { clientId: session.clientId }, session.token)).body.scopes;

  async function snapshotAll(session: Session, kind: 'ticket' | 'message'): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let after: string | null = null;
    do {
      const page: { rows: Record<string, unknown>[]; next: string | null } = (
        await post(server.url, routes.snapshot, { clientId: session.clientId, kind, scopes: await scopesOf(session), after, limit: 500 }, session.token)
      ).body;
      rows.push(...page.rows);
      after = page.next;
    } while (after);
    return rows;
  }

  it('snapshots hold only the tickets and messages of the agent’s teams', async () => {
    const all = await ticketsOf(server.location, () => true);
    const tickets = await snapshotAll(aisha, 'ticket');
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.map((t) => t.id).sort()).toEqual(all.filter((t) => t.teamId === aishaAgent.teamIds[0]).map((t) => t.id).sort());
    const mine = new Set(tickets.map((t) => t.id));
    const messages = await snapshotAll(aisha, 'message');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => mine.has(m.ticketId as string))).toBe(true);
    // Admins see everything, including tickets no team has picked up yet.
    const admin = await signIn(server.url, DEMO_ADMIN_EMAIL);
    expect((await snapshotAll(admin, 'ticket')).length).toBe(all.length);
    // Their messages come over many pages along the messages' own index, each exactly once.
    const everyMessage = await readStore(server.location, (db) => db.selectFrom('messages').select('id').execute());
    const adminMessages = await snapshotAll(admin, 'message');
    expect(adminMessages.length).toBeGreaterThan(500);
    expect(adminMessages.map((m) => m.id).sort()).toEqual(everyMessage.map((m) => m.id).sort());
  });

  it('pull skips changes of other teams but moves the cursor past them; a lead of the team gets them', async () => {
    const aishaStart = (await post(server.url, routes.bootstrap, { clientId: aisha.clientId }, aisha.token)).body.cursor;
    const lena = await signIn(server.url, DEMO_LEAD_EMAIL);
    const lenaStart = (await post(server.url, routes.bootstrap, { clientId: lena.clientId }, lena.token)).body.cursor;
    const pushed = await post(server.url, routes.push, { clientId: alex.clientId, mutations: [note(1, teamATicket.id, 'team A only')] }, alex.token);
    expect(pushed.body.results[0].status).toBe('applied');

    const forAisha = (await post(server.url, routes.pull, { clientId: aisha.clientId, cursor: aishaStart }, aisha.token)).body;
    expect(forAisha.changes).toEqual([]);
    expect(forAisha.cursor.seq).toBe(aishaStart.seq + 2);
    const forLena = (await post(server.url, routes.pull, { clientId: lena.clientId, cursor: lenaStart }, lena.token)).body;
    expect(forLena.changes.map((c: Change) => c.id)).toContain(teamATicket.id);
  });

  it('an agent cannot read or write a ticket of another team through a mutation', async () => {
    const answer = await post(server.url, routes.push, { clientId: alex.clientId, mutations: [note(2, teamBTicket.id, 'sneaky')] }, alex.token);
    expect(answer.body.results).toEqual([{ id: 2, status: 'rejected', error: `No ticket with id ${teamBTicket.id}.` }]);
  });

  it('pokes only sockets whose agent may see a changed scope', async () => {
    const { epoch } = (await post(server.url, routes.bootstrap, { clientId: aisha.clientId }, aisha.token)).body.cursor;
    const aishaSocket = await connectRealtime(server.url, aisha.token);
    const alexSocket = await connectRealtime(server.url, alex.token);
    try {
      const teamA = await post(server.url, routes.push, { clientId: alex.clientId, mutations: [note(3, teamATicket.id)] }, alex.token);
      expect(teamA.status).toBe(200);
      const alexPoke = await alexSocket.next();
      // Then a change Aisha may see: the first poke she gets must be this one, not team A's.
      await post(server.url, routes.push, { clientId: aisha.clientId, mutations: [note(1, teamBTicket.id)] }, aisha.token);
      const aishaPoke = await aishaSocket.next();
      expect(aishaPoke.seq).toBeGreaterThan(alexPoke.seq);
      const pulled = (await post(server.url, routes.pull, { clientId: aisha.clientId, cursor: { epoch, seq: alexPoke.seq } }, aisha.token)).body;
      expect(pulled.changes.map((c: Change) => c.id)).toContain(teamBTicket.id);
      expect(pulled.cursor.seq).toBe(aishaPoke.seq);
    } finally {
      aishaSocket.close();
      alexSocket.close();
    }
  });

  it('a ticket handed to another team brings its thread into that team’s scope', async () => {
    const start = (await post(server.url, routes.bootstrap, { clientId: aisha.clientId }, aisha.token)).body.cursor;
    const assign = mutation(4, 'ticket.assign@1', { ticketId: teamATicket.id, assigneeId: aishaAgent.id });
    expect((await post(server.url, routes.push, { clientId: alex.clientId, mutations: [assign] }, alex.token)).body.results[0].status).toBe('applied');
    const pulled = (await post(server.url, routes.pull, { clientId: aisha.clientId, cursor: start }, aisha.token)).body;
    const ticket = pulled.changes.find((c: Change) => c.kind === 'ticket');
    expect(ticket.data).toMatchObject({ id: teamATicket.id, teamId: aishaAgent.teamIds[0], assigneeId: aishaAgent.id });
    const thread = pulled.changes.filter((c: Change) => c.kind === 'message').map((c: Change) => c.data?.body);
    expect(thread).toContain('team A only');
    expect(new Set(thread).size).toBe(thread.length);
  });
});
