import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/model/index.ts';
import type { Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { loadActor } from '../../../server/auth/actor.ts';
import { pullForGroup } from '../../../server/sync/group-pull.ts';
import { pull } from '../../../server/sync/pull.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, mutation, note, post, readStore, signIn, ticketsOf } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

/**
 * The realtime fan-out reads once for every socket at one cursor and filters per reader in memory;
 * that must answer each reader exactly what its own HTTP pull answers (scopes, evictions, checksums,
 * its counter), or replicas would drift apart.
 */
describe('one read for a group of readers at one cursor', () => {
  let server: TestServer;
  let cast: Session[];
  let firstTeamTicket: Ticket;

  beforeAll(async () => {
    server = await startTestServer({ demo: { scale: 0.05 } });
    cast = await Promise.all([DEMO_AGENT_EMAIL, 'priya@orbit.demo', 'sofia@orbit.demo', DEMO_LEAD_EMAIL, DEMO_ADMIN_EMAIL].map((email) => signIn(server.url, email)));
    const [alex, priya] = await Promise.all([agentByEmail(server.location, DEMO_AGENT_EMAIL), agentByEmail(server.location, 'priya@orbit.demo')]);
    // Neither Alex's nor Priya's: once it moves to another team, both lose it.
    [firstTeamTicket] = (await ticketsOf(server.location, (t) => t.teamId === alex.teamIds[0] && t.status !== 'closed' && t.assigneeId !== alex.id && t.assigneeId !== priya.id)) as [Ticket];
  }, 30_000);
  afterAll(() => server.close());

  it('answers every reader what its own pull answers, across scopes, a team move (eviction) and each counter', async () => {
    const [alex, priya, sofia, lena, admin] = cast as [Session, Session, Session, Session, Session];
    const start = async (who: Session) => (await post(server.url, routes.bootstrap, { clientId: who.clientId }, who.token)).body.cursor as Cursor;
    const cursors = await Promise.all(cast.map(start));
    const cursor = cursors.reduce((a, c) => (c.seq > a.seq ? c : a));
    // Every reader at the same cursor: the newest bootstrap's.
    await post(server.url, routes.push, { clientId: alex.clientId, mutations: [note(1, firstTeamTicket.id, 'for the first team')] }, alex.token);
    const sofiaAgent = await agentByEmail(server.location, 'sofia@orbit.demo');
    await post(
      server.url,
      routes.push,
      { clientId: lena.clientId, mutations: [mutation(1, 'ticket.setTeam@1', { ticketId: firstTeamTicket.id, teamId: sofiaAgent.teamIds[0] })] },
      lena.token,
    );
    await post(server.url, routes.push, { clientId: priya.clientId, mutations: [note(1, firstTeamTicket.id, 'Priya cannot write here now')] }, priya.token);

    const group = await readStore(server.location, async (db) => {
      const readers = await Promise.all(cast.map(async (s) => ({ clientId: s.clientId, agentId: s.agentId, visibility: (await loadActor(db, s.agentId))!.visibility })));
      const grouped = await pullForGroup(db, cursor, readers, 100);
      const own = await Promise.all(cast.map(async (s) => pull(db, (await loadActor(db, s.agentId))!, { clientId: s.clientId, cursor })));
      return { grouped, own };
    });
    cast.forEach((s, i) => expect(group.grouped.get(s.clientId)).toEqual(group.own[i]));
    // The move shows as an eviction to the first team and as the row to the second.
    const alexPage = group.grouped.get(alex.clientId);
    const sofiaPage = group.grouped.get(sofia.clientId);
    expect(alexPage?.reset === false && alexPage.changes.filter((c) => c.id === firstTeamTicket.id).at(-1)?.op).toBe('del');
    expect(sofiaPage?.reset === false && sofiaPage.changes.filter((c) => c.id === firstTeamTicket.id).at(-1)?.op).toBe('put');
    expect(admin.clientId && group.grouped.get(admin.clientId)).toMatchObject({ reset: false, more: false });
    expect(alexPage).toMatchObject({ lastMutationId: 1 });
  });

  it('answers nothing for a page past the limit, a stale epoch, or a client id of another agent, so those clients pull', async () => {
    const [alex, priya, , , admin] = cast as [Session, Session, Session, Session, Session];
    const cursor = (await post(server.url, routes.bootstrap, { clientId: alex.clientId }, alex.token)).body.cursor as Cursor;
    const pushed = await post(server.url, routes.push, { clientId: admin.clientId, mutations: [note(1, firstTeamTicket.id), note(2, firstTeamTicket.id)] }, admin.token);
    expect(pushed.status).toBe(200);
    await readStore(server.location, async (db) => {
      const visibility = (await loadActor(db, alex.agentId))!.visibility;
      const all = { all: true } as const;
      expect((await pullForGroup(db, cursor, [{ clientId: admin.clientId, agentId: admin.agentId, visibility: all }], 1)).size).toBe(0);
      expect((await pullForGroup(db, cursor, [{ clientId: admin.clientId, agentId: admin.agentId, visibility: all }], 100)).size).toBe(1);
      expect((await pullForGroup(db, { ...cursor, epoch: 'gone' }, [{ clientId: alex.clientId, agentId: alex.agentId, visibility }], 100)).size).toBe(0);
      const stolen = await pullForGroup(db, cursor, [{ clientId: priya.clientId, agentId: alex.agentId, visibility }], 100);
      expect(stolen.size).toBe(0);
    });
  });
});
