import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { newId } from '../../../shared/ids.ts';
import type { Agent, Ticket } from '../../../shared/model/index.ts';
import { PRESENCE_TTL_MS, type RealtimeServerMessage } from '../../../shared/sync/realtime.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { RealtimeHub, type Member } from '../../../server/realtime/hub.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { serverWrite } from '../../support/server-write.ts';
import { agentByEmail, connectRealtime, openRealtime, signIn, ticketsOf, type Realtime } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

/** Alex and Priya work in the first team, Sofia in the second; Lena leads both (server/demo/roster.ts). */
describe('presence over the realtime socket', () => {
  let server: TestServer;
  const session: Record<'alex' | 'priya' | 'sofia' | 'lena', Session> = {} as never;
  let alexAgent: Agent;
  let firstTeam: Ticket[];
  let secondTeam: Ticket[];
  /** Each test has tickets of its own: a presence from an earlier test's socket, closing as this one starts, is not about them. */
  let firstTeamTicket: Ticket;
  let secondTeamTicket: Ticket;
  let testsStarted = 0;
  const sockets: Realtime[] = [];

  // Seeding and four sign-ins (scrypt) take a while on two busy cores.
  beforeAll(async () => {
    server = await startTestServer({ demo: { scale: 0.05 } });
    const emails = { alex: DEMO_AGENT_EMAIL, priya: 'priya@orbit.demo', sofia: 'sofia@orbit.demo', lena: DEMO_LEAD_EMAIL };
    await Promise.all(Object.entries(emails).map(async ([who, email]) => (session[who as keyof typeof emails] = await signIn(server.url, email))));
    alexAgent = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
    const sofiaAgent = await agentByEmail(server.location, 'sofia@orbit.demo');
    firstTeam = await ticketsOf(server.location, (t) => t.teamId === alexAgent.teamIds[0]);
    secondTeam = await ticketsOf(server.location, (t) => t.teamId === sofiaAgent.teamIds[0]);
  }, 30_000);
  beforeEach(() => {
    [firstTeamTicket, secondTeamTicket] = [firstTeam[testsStarted], secondTeam[testsStarted++]] as [Ticket, Ticket];
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => server.close());

  async function socketOf(who: keyof typeof session): Promise<Realtime> {
    const socket = await connectRealtime(server.url, session[who].token);
    sockets.push(socket);
    const mine = new Set([firstTeamTicket.id, secondTeamTicket.id]);
    const message = async (): Promise<RealtimeServerMessage> => {
      const next = await socket.message();
      return next.type === 'presence' && !mine.has(next.ticketId) ? message() : next;
    };
    return { ...socket, message };
  }

  const announce = async (socket: Realtime, ticketId: string, state: 'viewing' | 'replying' | null) => {
    socket.send({ type: 'presence', ticketId, state });
    await socket.settle();
  };

  it('reaches agents who may see the ticket, never another team, never its own agent', async () => {
    const [alex, alexElsewhere, priya, sofia, lena] = await Promise.all([socketOf('alex'), socketOf('alex'), socketOf('priya'), socketOf('sofia'), socketOf('lena')]);
    await announce(alex, firstTeamTicket.id, 'viewing');
    expect(await priya.message()).toEqual({ type: 'presence', from: expect.any(String), agentId: alexAgent.id, ticketId: firstTeamTicket.id, state: 'viewing' });

    // What each of the others hears first is a later presence they may see: Alex's never reached them.
    await announce(lena, secondTeamTicket.id, 'replying');
    expect(await sofia.message()).toMatchObject({ ticketId: secondTeamTicket.id, state: 'replying' });
    await announce(priya, firstTeamTicket.id, 'viewing');
    expect(await alexElsewhere.message()).toMatchObject({ agentId: session.priya.agentId, ticketId: firstTeamTicket.id });
    expect(await alex.message()).toMatchObject({ agentId: session.priya.agentId });
  });

  it('ends when its socket closes', async () => {
    const [alex, priya] = await Promise.all([socketOf('alex'), socketOf('priya')]);
    await announce(alex, firstTeamTicket.id, 'replying');
    const shown = await priya.message();
    alex.close();
    expect(await priya.message()).toEqual({ ...shown, state: null });
  });

  it('is told to a socket that connects later', async () => {
    const alex = await socketOf('alex');
    await announce(alex, firstTeamTicket.id, 'viewing');
    const priya = await socketOf('priya');
    expect(await priya.message()).toMatchObject({ agentId: alexAgent.id, ticketId: firstTeamTicket.id, state: 'viewing' });
  });

  it('is refused on a ticket the agent may not see, and nobody hears of it', async () => {
    const [alex, sofia, lena] = await Promise.all([socketOf('alex'), socketOf('sofia'), socketOf('lena')]);
    await announce(alex, secondTeamTicket.id, 'viewing');
    expect(await alex.message()).toEqual({ type: 'error', message: `No ticket with id ${secondTeamTicket.id}.` });
    await announce(lena, secondTeamTicket.id, 'viewing');
    expect(await sofia.message()).toMatchObject({ agentId: session.lena.agentId });
  });

  it("is accepted on another team's ticket assigned to the agent (their user scope), and that team hears it", async () => {
    await serverWrite(server.location, async (tx) => {
      const ticket = await tx.get('ticket', secondTeamTicket.id);
      await tx.put('ticket', { ...ticket!, assigneeId: alexAgent.id });
    });
    const [alex, sofia] = await Promise.all([socketOf('alex'), socketOf('sofia')]);
    await announce(alex, secondTeamTicket.id, 'replying');
    expect(await sofia.message()).toMatchObject({ type: 'presence', agentId: alexAgent.id, ticketId: secondTeamTicket.id, state: 'replying' });
  });
});

describe('presence in the hub', () => {
  it('lapses when not refreshed within its TTL, even when nobody said it ended', async () => {
    let now = 1_000_000;
    const hub = new RealtimeHub({ now: () => now });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(wss, 'listening');
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    const member = (): Member => ({ agentId: newId(), visibility: { all: true }, refresh: () => Promise.reject(new Error('not used')) });
    const join = async (who: Member) => {
      const [client, [serverSide]] = await Promise.all([openRealtime(url), once(wss, 'connection') as Promise<[WebSocket]>]);
      hub.add(serverSide, who);
      return { client, serverSide };
    };
    try {
      const away = await join(member());
      const [stale, fresh] = [newId(), newId()];
      hub.announce(away.serverSide, stale, ['team:a'], 'viewing');
      now += PRESENCE_TTL_MS;
      hub.announce(away.serverSide, fresh, ['team:a'], 'viewing');

      const newcomer = await join(member());
      expect(await newcomer.client.message()).toMatchObject({ ticketId: fresh });
      now += PRESENCE_TTL_MS;
      const late = await join(member());
      hub.announce(away.serverSide, stale, ['team:a'], 'replying');
      expect(await late.client.message()).toMatchObject({ ticketId: stale, state: 'replying' });
      [away, newcomer, late].forEach((j) => j.client.close());
    } finally {
      hub.close();
      wss.close();
    }
  });
});
