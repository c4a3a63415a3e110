import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { RealtimeHub } from '../../../server/realtime/hub.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, connectRealtime, note, post, signIn, ticketsOf } from './api.ts';

describe('realtime socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: { scale: 0.05 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('pokes a connected client after a push commits, with the seq to pull up to', async () => {
    const alex = await signIn(server.url, DEMO_AGENT_EMAIL);
    const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
    const [ticket] = (await ticketsOf(server.location, (t) => t.teamId === team && t.status === 'open')) as Ticket[];
    const socket = await connectRealtime(server.url, alex.token);
    try {
      const { cursor } = (await post(server.url, routes.bootstrap, { clientId: alex.clientId }, alex.token)).body;
      await post(server.url, routes.push, { clientId: alex.clientId, mutations: [note(1, ticket!.id)] }, alex.token);
      const poke = await socket.next();
      expect(poke).toEqual({ type: 'poke', seq: cursor.seq + 2 });
    } finally {
      socket.close();
    }
  });

  it('refuses an upgrade without a valid bearer token with 401', async () => {
    await expect(connectRealtime(server.url, 'wrong-token')).rejects.toThrow(/401/);
    const bare = new WebSocket(server.url.replace(/^http/, 'ws') + routes.realtime);
    const [, res] = await once(bare, 'unexpected-response');
    expect(res.statusCode).toBe(401);
    expect((await fetch(server.url + routes.health)).status).toBe(200);
  });
});

describe('realtime hub keep-alive', () => {
  it('drops a socket that stops answering pings', async () => {
    const hub = new RealtimeHub({ keepAliveMs: 20 });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(wss, 'listening');
    // A client that never answers pings, like one on a dead connection.
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { autoPong: false });
    const [serverSide] = (await once(wss, 'connection')) as [WebSocket];
    hub.add(serverSide, { agentId: newId(), visibility: { all: true }, refresh: () => Promise.reject(new Error('not used')) });
    expect(hub.size).toBe(1);
    await once(serverSide, 'close');
    expect(hub.size).toBe(0);
    hub.close();
    client.terminate();
    wss.close();
  });
});
