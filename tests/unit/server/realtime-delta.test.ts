import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { DELTA_MAX_BYTES } from '../../../server/realtime/delta.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, connectRealtime, note, post, signIn, ticketsOf, type Realtime } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

/** Alex and Priya work in the first team, Sofia in the second; Lena leads both (server/demo/roster.ts). */
describe('inline deltas over the realtime socket', () => {
  let server: TestServer;
  let alex: Session;
  let priya: Session;
  let sofia: Session;
  let lena: Session;
  let firstTeamTicket: Ticket;
  let secondTeamTicket: Ticket;
  const sockets: Realtime[] = [];

  // Seeding and four sign-ins (scrypt) take a while on two busy cores.
  beforeAll(async () => {
    server = await startTestServer({ demo: { scale: 0.05 } });
    [alex, priya, sofia, lena] = await Promise.all(
      [DEMO_AGENT_EMAIL, 'priya@orbit.demo', 'sofia@orbit.demo', DEMO_LEAD_EMAIL].map((email) => signIn(server.url, email)),
    ) as [Session, Session, Session, Session];
    const [first, second] = await Promise.all([agentByEmail(server.location, DEMO_AGENT_EMAIL), agentByEmail(server.location, 'sofia@orbit.demo')]);
    const open = (teamId: string | undefined) => ticketsOf(server.location, (t) => t.teamId === teamId && t.status === 'open');
    [firstTeamTicket] = (await open(first.teamIds[0])) as [Ticket];
    [secondTeamTicket] = (await open(second.teamIds[0])) as [Ticket];
  }, 30_000);
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => server.close());

  /** A new replica of `who` (own client id) at the head of the log, with its socket told where it stands. */
  async function replicaOf(who: Session, cursor?: Cursor): Promise<{ clientId: string; cursor: Cursor; socket: Realtime }> {
    const clientId = newId();
    const start = cursor ?? (await post(server.url, routes.bootstrap, { clientId }, who.token)).body.cursor;
    const socket = await connectRealtime(server.url, who.token);
    sockets.push(socket);
    socket.send({ type: 'cursor', clientId, cursor: start });
    await socket.settle();
    return { clientId, cursor: start, socket };
  }

  const push = (who: Session, clientId: string, ...mutations: unknown[]) => post(server.url, routes.push, { clientId, mutations }, who.token);
  const pullFrom = (who: Session, clientId: string, cursor: Cursor) => post(server.url, routes.pull, { clientId, cursor }, who.token);

  it('sends a socket that told its cursor exactly what a pull from there answers, and moves its cursor on', async () => {
    const reader = await replicaOf(alex);
    const writer = newId();
    await push(priya, writer, note(1, firstTeamTicket.id, 'Inline to Alex'));

    const delta = await reader.socket.message();
    const pulled = (await pullFrom(alex, reader.clientId, reader.cursor)).body;
    expect(delta).toEqual({ type: 'delta', fromSeq: reader.cursor.seq, page: pulled });
    expect(pulled.changes.map((c: Change) => c.data?.body)).toContain('Inline to Alex');

    // The next commit starts where that delta left the replica, though it said nothing since.
    await push(priya, writer, note(2, firstTeamTicket.id));
    expect(await reader.socket.message()).toMatchObject({ type: 'delta', fromSeq: pulled.cursor.seq, page: { more: false } });
  });

  it("carries the socket's own client's last mutation id", async () => {
    const own = await replicaOf(alex);
    await push(alex, own.clientId, note(1, firstTeamTicket.id), note(2, firstTeamTicket.id));
    expect(await own.socket.message()).toMatchObject({ type: 'delta', page: { lastMutationId: 2 } });
  });

  it('spans commits a socket may not see and sends only rows of its scopes', async () => {
    const outsider = await replicaOf(sofia);
    await push(priya, newId(), note(1, firstTeamTicket.id, 'first team only'));
    await push(lena, newId(), note(1, secondTeamTicket.id, 'for the second team'));

    // Nothing came for the first team's commit: the first message is the second one, from Sofia's cursor on.
    const delta = await outsider.socket.message();
    expect(delta).toMatchObject({ type: 'delta', fromSeq: outsider.cursor.seq });
    if (delta.type !== 'delta' || delta.page.reset) throw new Error('expected a delta page');
    expect(delta.page.changes.map((c) => c.data?.body).filter(Boolean)).toEqual(['for the second team']);
    expect(new Set(delta.page.changes.map((c) => (c.kind === 'message' ? c.data?.ticketId : c.id)))).toEqual(new Set([secondTeamTicket.id]));
  });

  it('pokes instead when the delta would be too big', async () => {
    const reader = await replicaOf(alex);
    const big = 'x'.repeat(DELTA_MAX_BYTES + 1);
    const answer = await push(priya, newId(), note(1, firstTeamTicket.id, big));
    expect(answer.status).toBe(200);
    expect(await reader.socket.message()).toEqual({ type: 'poke', seq: expect.any(Number) });
  });

  it('pokes when the told cursor is of another epoch, or the client is not the agent’s', async () => {
    const restored = await replicaOf(alex, { epoch: 'before-the-restore', seq: 1 });
    const priyaClient = newId();
    await push(priya, priyaClient, note(1, firstTeamTicket.id));
    const impostor = await replicaOf(alex);
    impostor.socket.send({ type: 'cursor', clientId: priyaClient, cursor: impostor.cursor });
    await impostor.socket.settle();

    await push(priya, priyaClient, note(2, firstTeamTicket.id));
    expect((await restored.socket.message()).type).toBe('poke');
    // Priya's client id in Alex's socket gets nothing of Priya's: the pull behind the delta refuses it.
    expect((await impostor.socket.message()).type).toBe('poke');
  });

  it('answers a message it cannot read with an error and keeps the socket', async () => {
    const reader = await replicaOf(alex);
    reader.socket.send({ type: 'cursor', clientId: 'not-an-id' });
    expect(await reader.socket.message()).toEqual({ type: 'error', message: expect.stringMatching(/cursor or presence/) });
    await push(priya, newId(), note(1, firstTeamTicket.id));
    expect((await reader.socket.message()).type).toBe('delta');
  });
});
