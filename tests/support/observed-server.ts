import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Cursor } from '../../shared/sync/protocol.ts';
import { RealtimeServerMessage } from '../../shared/sync/realtime.ts';
import { routes } from '../../shared/sync/routes.ts';
import { buildApp } from '../../server/http/app.ts';
import { LocalBus } from '../../server/realtime/bus.ts';
import { groupPuller } from '../../server/realtime/group-puller.ts';
import { RealtimeHub, type Member } from '../../server/realtime/hub.ts';
import { hubOnBus } from '../../server/realtime/hub-on-bus.ts';
import type { CommitNotice } from '../../server/realtime/notices.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { openStore } from '../../server/store/open.ts';
import { startTestServer } from './server.ts';

/**
 * The real hub, with a window onto it: the cursors clients told, the messages sockets were sent,
 * and two faults a test can switch on (drop a client's cursor reports, miss commits).
 */
export class ObservedHub extends RealtimeHub {
  readonly reports = new Map<string, Cursor>();
  readonly sent: { agentId: string; message: RealtimeServerMessage }[] = [];
  readonly ignoreReportsOf = new Set<string>();
  deaf = false;
  readonly #events = new EventEmitter();

  override add(socket: WebSocket, member: Member): void {
    const send = socket.send.bind(socket);
    socket.send = ((data: string) => {
      this.sent.push({ agentId: member.agentId, message: RealtimeServerMessage.parse(JSON.parse(data)) });
      this.#events.emit('change');
      send(data);
    }) as WebSocket['send'];
    super.add(socket, member);
  }

  override reportCursor(socket: WebSocket, clientId: string, cursor: Cursor): void {
    if (this.ignoreReportsOf.has(clientId)) return;
    super.reportCursor(socket, clientId, cursor);
    this.reports.set(clientId, cursor);
    this.#events.emit('change');
  }

  override deliver(commit: CommitNotice): void {
    if (!this.deaf) super.deliver(commit);
  }

  /** Resolves once `check` holds, re-checked after every report and every message sent. */
  async until(check: () => boolean): Promise<void> {
    while (!check()) await once(this.#events, 'change');
  }
}

/** A request the server holds: `before` it is handled, or `after` (handled, its answer held back). */
export interface Hold {
  /** The request reached the hold. */
  reached: Promise<void>;
  release(): void;
}

export interface ObservedServer {
  url: string;
  location: StoreLocation;
  hub: ObservedHub;
  /** HTTP pulls made by a client so far. */
  pulls(clientId: string): number;
  /** Holds the next request to `path` (routes.push, routes.pull) that arrives. */
  hold(path: string, where: 'before' | 'after'): Hold;
  close(): Promise<void>;
}

interface PendingHold extends Hold {
  path: string;
  where: 'before' | 'after';
  arrive(): void;
  released: Promise<void>;
}

/** A real Orbit server on a seeded demo workspace (ORBIT_TEST_STORE), with its hub observed and its sync requests holdable. */
export async function startObservedServer(demo: { scale: number; seed: number }): Promise<ObservedServer> {
  const seeded = await startTestServer({ demo });
  await seeded.close();
  const db = await openStore(seeded.location);
  const hub = new ObservedHub({ pullGroup: groupPuller(db) });
  const bus = new LocalBus();
  hubOnBus(bus, hub, db);
  const app = await buildApp({ db, hub, bus });

  const pullCounts = new Map<string, number>();
  const waitingHolds: PendingHold[] = [];
  const holds = new WeakMap<FastifyRequest, PendingHold>();
  const clientOf = (request: FastifyRequest) => (request.body as { clientId?: string } | undefined)?.clientId ?? '';
  app.addHook('preHandler', async (request) => {
    if (request.url === routes.pull) pullCounts.set(clientOf(request), (pullCounts.get(clientOf(request)) ?? 0) + 1);
    const index = waitingHolds.findIndex((h) => h.path === request.url);
    if (index < 0) return;
    const [hold] = waitingHolds.splice(index, 1) as [PendingHold];
    holds.set(request, hold);
    if (hold.where === 'before') {
      hold.arrive();
      await hold.released;
    }
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const hold = holds.get(request);
    if (hold?.where === 'after') {
      hold.arrive();
      await hold.released;
    }
    return payload;
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    location: seeded.location,
    hub,
    pulls: (clientId) => pullCounts.get(clientId) ?? 0,
    hold(path, where) {
      const hold = { path, where } as PendingHold;
      hold.reached = new Promise((resolve) => (hold.arrive = resolve));
      hold.released = new Promise((resolve) => (hold.release = resolve));
      waitingHolds.push(hold);
      return hold;
    },
    async close() {
      hub.close();
      await app.close();
      await db.destroy();
    },
  };
}
