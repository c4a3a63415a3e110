import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { parseInvocation, toDeskResultError, type DeskResult, type DeskTransport, type SocketServerMessage } from '../../shared/ipc/index.ts';
import type { SocketGuard } from './socket-guard.ts';
import { decodeClientMessage, SOCKET_HARD_LIMIT_BYTES } from './socket-message.ts';

/** Policy violation: the page sent something that names no call, so no result can answer it. */
const CLOSE_MALFORMED = 1008;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_GRACE_MS = 1000;

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * `window.desk` over a WebSocket: each page's calls are checked and forwarded to the one engine,
 * and every engine event goes to every connected page. Bad messages are answered, never fatal.
 */
export function attachDeskSocket(opts: { server: Server; guard: SocketGuard; engine: DeskTransport }): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_HARD_LIMIT_BYTES });

  const send = (ws: WebSocket, message: SocketServerMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  const call = async (name: string, input: unknown): Promise<DeskResult> => {
    try {
      const invocation = parseInvocation(name, input);
      return await opts.engine.invoke(invocation.name, invocation.input);
    } catch (err) {
      return toDeskResultError(err);
    }
  };

  const onMessage = async (ws: WebSocket, data: Buffer) => {
    const decoded = decodeClientMessage(data);
    if (decoded.ok) {
      const { id, name, input } = decoded.message;
      return send(ws, { t: 'result', id, result: await call(name, input) });
    }
    if (decoded.id !== null) return send(ws, { t: 'result', id: decoded.id, result: toDeskResultError(decoded.error) });
    ws.close(CLOSE_MALFORMED, decoded.error.message.slice(0, 120));
  };

  const onUpgrade = (req: Parameters<SocketGuard['check']>[0], socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = opts.guard.check(req);
    if (refusal) {
      console.warn(`[browser-host] refused a desk socket: ${refusal.reason}`);
      return refuse(socket, refusal.status, refusal.reason);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => console.warn(`[browser-host] desk socket error: ${err.message}`));
      ws.on('message', (data: RawData) => {
        const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        void onMessage(ws, bytes);
      });
    });
  };

  opts.server.on('upgrade', onUpgrade);
  const unsubscribe = opts.engine.on((name, payload) => {
    for (const ws of wss.clients) send(ws, { t: 'event', name, payload });
  });

  return {
    async close() {
      unsubscribe();
      opts.server.off('upgrade', onUpgrade);
      await Promise.all(
        [...wss.clients].map(
          (ws) =>
            new Promise<void>((done) => {
              // A page that does not answer the close handshake must not hold the host open.
              const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
              ws.once('close', () => {
                clearTimeout(timer);
                done();
              });
              ws.close(CLOSE_GOING_AWAY, 'Orbit is shutting down');
            }),
        ),
      );
      await new Promise<void>((done) => wss.close(() => done()));
    },
  };
}
