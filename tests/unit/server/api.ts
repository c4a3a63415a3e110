import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import WebSocket from 'ws';
import type { Change, Cursor, PendingMutation, ServerEvent } from '../../../shared/sync/protocol.ts';
import { RealtimeServerMessage } from '../../../shared/sync/realtime.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL, DEMO_PASSWORD } from '../../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import type { StoreLocation } from '../../../server/store/dialect.ts';
import { fromRow } from '../../../server/store/rows.ts';
import { readStore } from '../../support/store.ts';

/** Small HTTP helpers for the server tests: real requests over loopback. */
// Answers are checked by the tests' assertions; typing every body up front would only repeat the schemas.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  body: T;
}

export async function send(url: string, path: string, body: string, opts: { token?: string; contentType?: string } = {}): Promise<Answer> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': opts.contentType ?? 'application/json', ...(opts.token && { authorization: `Bearer ${opts.token}` }) },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export const post = (url: string, path: string, body: unknown, token?: string) => send(url, path, JSON.stringify(body), token ? { token } : {});

export async function signIn(url: string, email: string): Promise<{ token: string; agentId: string; clientId: string }> {
  const { status, body } = await post(url, routes.login, { email, password: DEMO_PASSWORD });
  if (status !== 200) throw new Error(`Sign-in of ${email} failed: ${status} ${JSON.stringify(body)}`);
  return { token: body.token, agentId: body.agentId, clientId: newId() };
}

export const mutation = (id: number, name: string, args: unknown): PendingMutation => ({ id, name, args, createdAt: new Date().toISOString() });

/**
 * A demo workspace served for a file's tests (started before them, closed after) with three agents
 * signed in: Alex and Priya (agents, one team each) and Lena (a lead). Read it inside the tests.
 */
export function demoWithThreeAgents(scale: number) {
  const demo = {} as { server: TestServer; alex: SignedIn; priya: SignedIn; lena: SignedIn; client: (who: SignedIn) => ReturnType<typeof syncClient> };
  beforeAll(async () => {
    demo.server = await startTestServer({ demo: { scale } });
    [demo.alex, demo.priya, demo.lena] = await Promise.all([signIn(demo.server.url, DEMO_AGENT_EMAIL), signIn(demo.server.url, 'priya@orbit.demo'), signIn(demo.server.url, DEMO_LEAD_EMAIL)]);
    demo.client = (who) => syncClient(demo.server.url, who);
  });
  afterAll(async () => {
    await demo.server?.close();
  });
  return demo;
}

export type SignedIn = Awaited<ReturnType<typeof signIn>>;

/** A workstation of a signed-in agent: its own client id and mutation counter, pushing and pulling over loopback. */
export function syncClient(url: string, who: { token: string }) {
  const clientId = newId();
  let next = 1;
  return {
    clientId,
    push: async (...mutations: { name: string; args: unknown }[]) =>
      (await post(url, routes.push, { clientId, mutations: mutations.map((m) => mutation(next++, m.name, m.args)) }, who.token)).body,
    cursor: async (): Promise<Cursor> => (await post(url, routes.bootstrap, { clientId }, who.token)).body.cursor,
    pull: async (cursor: Cursor): Promise<Change[]> => (await post(url, routes.pull, { clientId, cursor }, who.token)).body.changes,
  };
}

export const note = (id: number, ticketId: string, body = `Note ${id}`) =>
  mutation(id, 'message.add@1', { id: newId(), ticketId, kind: 'note', body });

/** Reads (or changes) the server's store directly, beside the running server; on either dialect. */
export { readStore };

export const ticketsOf = (location: StoreLocation, where: (t: Ticket) => boolean) =>
  readStore(location, async (db) => (await db.selectFrom('tickets').selectAll().orderBy('number').execute()).map((r) => fromRow('ticket', r)).filter(where));

export const agentByEmail = (location: StoreLocation, email: string) =>
  readStore(location, async (db) => fromRow('agent', await db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirstOrThrow()));

/** A realtime socket whose messages are read in order, one at a time. */
export interface Realtime {
  /** The next message, which must be a poke. */
  next(): Promise<ServerEvent>;
  /** The next message, whatever it is. */
  message(): Promise<RealtimeServerMessage>;
  send(message: unknown): void;
  /** Resolves once the server has read every message sent before (it answers a ping only after them). */
  settle(): Promise<void>;
  close(): void;
}

export function connectRealtime(url: string, token: string): Promise<Realtime> {
  return openRealtime(url.replace(/^http/, 'ws') + routes.realtime, { authorization: `Bearer ${token}` });
}

/** A realtime client on any WebSocket URL (a bare hub in a test has no route or token). */
export function openRealtime(wsUrl: string, headers: Record<string, string> = {}): Promise<Realtime> {
  const socket = new WebSocket(wsUrl, { headers });
  const queued: RealtimeServerMessage[] = [];
  const waiting: ((e: RealtimeServerMessage) => void)[] = [];
  socket.on('message', (data) => {
    const event = RealtimeServerMessage.parse(JSON.parse(String(data)));
    const waiter = waiting.shift();
    if (waiter) waiter(event);
    else queued.push(event);
  });
  const message = (): Promise<RealtimeServerMessage> => (queued.length ? Promise.resolve(queued.shift()!) : new Promise((r) => waiting.push(r)));
  return new Promise((resolve, reject) => {
    socket.once('open', () =>
      resolve({
        next: async () => {
          const event = await message();
          if (event.type !== 'poke') throw new Error(`Expected a poke, got ${JSON.stringify(event)}`);
          return event;
        },
        message,
        send: (m) => socket.send(JSON.stringify(m)),
        settle: () =>
          new Promise<void>((done) => {
            socket.once('pong', () => done());
            socket.ping();
          }),
        close: () => socket.close(),
      }),
    );
    socket.once('unexpected-response', (_req, res) => reject(new Error(`Realtime refused: ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
