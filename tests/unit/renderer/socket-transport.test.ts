import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { SocketClientMessage, SocketServerMessage } from '../../../shared/ipc/envelope.ts';
import type { ConnectionState } from '../../../renderer/src/desk/connection.ts';
import { SocketTransport } from '../../../renderer/src/desk/socket-transport.ts';

/** A real WebSocket server on loopback standing in for the browser host's `/desk`. */
async function startHost() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((done) => server.once('listening', () => done()));
  const sockets: ServerSocket[] = [];
  const connections: Array<(s: ServerSocket) => void> = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    connections.shift()?.(socket);
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/desk?key=k`,
    nextConnection: () => new Promise<ServerSocket>((done) => connections.push(done)),
    close: () => {
      for (const s of sockets) s.terminate();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const nextMessage = (socket: ServerSocket) =>
  new Promise<SocketClientMessage>((done) => socket.once('message', (data) => done(JSON.parse(String(data)) as SocketClientMessage)));

const send = (socket: ServerSocket, message: SocketServerMessage) => socket.send(JSON.stringify(message));

function stateReached(transport: SocketTransport, state: ConnectionState) {
  return new Promise<void>((done) => {
    if (transport.getState() === state) return done();
    const off = transport.subscribe(() => {
      if (transport.getState() !== state) return;
      off();
      done();
    });
  });
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const host = await startHost();
  cleanups.push(host.close);
  const connected = host.nextConnection();
  const transport = new SocketTransport({ url: host.url, minDelayMs: 5, maxDelayMs: 20 });
  cleanups.push(() => transport.close());
  return { host, transport, connected };
}

describe('SocketTransport (browser window.desk)', () => {
  it('sends a call made while connecting once the socket opens, and resolves with the host result', async () => {
    const { transport, connected } = await setup();
    const result = transport.invoke('ticket.get', { id: 'x' });
    const socket = await connected;
    const call = await nextMessage(socket);
    expect(call).toEqual({ t: 'invoke', id: call.id, name: 'ticket.get', input: { id: 'x' } });
    send(socket, { t: 'result', id: call.id, result: { ok: true, value: { answer: 42 } } });
    await expect(result).resolves.toEqual({ ok: true, value: { answer: 42 } });
  });

  it('matches results to calls by id, whatever order they come back in', async () => {
    const { transport, connected } = await setup();
    const socket = await connected;
    await stateReached(transport, 'open');
    const messages: SocketClientMessage[] = [];
    const both = new Promise<void>((done) =>
      socket.on('message', (data) => {
        messages.push(JSON.parse(String(data)) as SocketClientMessage);
        if (messages.length === 2) done();
      }),
    );
    const first = transport.invoke('queue.counts', undefined);
    const second = transport.invoke('sync.status', undefined);
    await both;
    const [a, b] = messages as [SocketClientMessage, SocketClientMessage];
    send(socket, { t: 'result', id: b.id, result: { ok: true, value: 'second' } });
    send(socket, { t: 'result', id: a.id, result: { ok: false, error: { code: 'rejected', message: 'no' } } });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'rejected', message: 'no' } });
  });

  it('passes engine events to listeners until they unsubscribe, and ignores malformed messages', async () => {
    const { transport, connected } = await setup();
    const socket = await connected;
    const seen: Array<[string, unknown]> = [];
    const off = transport.on((event, payload) => seen.push([event, payload]));
    const delivered = new Promise<void>((done) => transport.on((event) => event === 'changed' && done()));
    socket.send('not json');
    socket.send(JSON.stringify({ t: 'mystery' }));
    send(socket, { t: 'event', name: 'changed', payload: { kinds: ['ticket'] } });
    await delivered;
    expect(seen).toEqual([['changed', { kinds: ['ticket'] }]]);
    off();
    const again = new Promise<void>((done) => transport.on((event) => event === 'sync.status' && done()));
    send(socket, { t: 'event', name: 'sync.status', payload: {} });
    await again;
    expect(seen).toHaveLength(1);
  });

  it('fails a call in flight when the socket drops, fails calls while disconnected, then reconnects', async () => {
    const { host, transport, connected } = await setup();
    const socket = await connected;
    await stateReached(transport, 'open');

    const inFlight = transport.invoke('ticket.reply', { body: 'hello' });
    await nextMessage(socket);
    const reconnected = host.nextConnection();
    socket.terminate();
    const lost = await inFlight;
    expect(lost).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(lost.ok === false && lost.error.message).toMatch(/check whether the change was saved/);

    const newSocket = await reconnected;
    await stateReached(transport, 'open');
    const call = transport.invoke('session.get', undefined);
    const message = await nextMessage(newSocket);
    send(newSocket, { t: 'result', id: message.id, result: { ok: true, value: 'back' } });
    await expect(call).resolves.toEqual({ ok: true, value: 'back' });
  });

  it('answers at once with unavailable while no connection can be made', async () => {
    const host = await startHost();
    await host.close();
    const transport = new SocketTransport({ url: host.url, minDelayMs: 1000, maxDelayMs: 1000 });
    cleanups.push(() => transport.close());
    const waiting = transport.invoke('session.get', undefined);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(transport.getState()).toBe('closed');
    await expect(transport.invoke('session.get', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/Not connected/) },
    });
  });
});
