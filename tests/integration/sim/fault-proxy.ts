import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { faultTally, type FaultPlan, type HttpFault } from './network-faults.ts';

/** A request as it reached the server through the proxy, and how the server answered it. */
export interface Delivery {
  /** Last segment of the path: push, pull, snapshot, bootstrap, login... */
  route: string;
  /** For a push: the mutation ids it carried. */
  mutationIds: number[];
  /** For a push the server answered: each mutation's outcome by id. */
  outcomes: Record<number, string>;
}

/** A request the proxy keeps unanswered until the test lets it go (a push in flight, on demand). */
export interface HeldRequest {
  /** Resolves once the request has reached the proxy. */
  arrived: Promise<void>;
  /** Sends it on to the server and its answer back. */
  release(): void;
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

const routeOf = (url: string | undefined) => new URL(url ?? '/', 'http://proxy').pathname.split('/').pop() ?? '';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One workstation's network: a loopback proxy in front of the real server for HTTP and the
 * realtime WebSocket. Healthy until given a FaultPlan; can be partitioned (connections refused,
 * sockets cut) and healed. Records what reached the server so tests can count resends.
 */
export class FaultProxy {
  readonly url: string;
  readonly delivered: Delivery[] = [];
  /** How often each fault was applied to a request. */
  readonly faultCounts = faultTally();
  /** Realtime messages handed to the workstation. */
  framesDelivered = 0;
  readonly #upstream: string;
  readonly #http: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #links = new Set<{ client: WebSocket; upstream: WebSocket }>();
  readonly #reordered: { countdown: number; deliver: () => Promise<unknown> }[] = [];
  readonly #holds = new Map<string, { arrived: () => void; released: Promise<void> }>();
  readonly #scripted = new Map<string, HttpFault[]>();
  #plan: FaultPlan | null = null;
  #partitioned = false;

  private constructor(upstream: string, http: Server, url: string) {
    this.#upstream = upstream;
    this.#http = http;
    this.url = url;
    http.on('connection', (socket: Socket) => {
      if (this.#partitioned) socket.destroy();
    });
    http.on('request', (req: IncomingMessage, res: ServerResponse) => void this.#onRequest(req, res));
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.#onUpgrade(req, socket, head));
  }

  static async start(upstream: string): Promise<FaultProxy> {
    const http = createServer({ keepAlive: true });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return new FaultProxy(upstream, http, `http://127.0.0.1:${port}`);
  }

  /** From now on every request and realtime message goes through `plan`'s decisions; null: a healthy link. */
  misbehave(plan: FaultPlan | null): void {
    this.#plan = plan;
  }

  get partitioned(): boolean {
    return this.#partitioned;
  }

  /** Cuts the link: new connections are refused, requests fail, realtime sockets are closed. */
  partition(on: boolean): void {
    this.#partitioned = on;
    if (!on) return;
    for (const link of this.#links) link.client.terminate();
  }

  /** The next request to `route` gets `fault`, whatever the plan says (a named case's exact fault). */
  failNext(route: string, fault: HttpFault): void {
    this.#scripted.set(route, [...(this.#scripted.get(route) ?? []), fault]);
  }

  /** The next request to `route` waits at the proxy until released. */
  holdNext(route: string): HeldRequest {
    let arrived!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#holds.set(route, { arrived, released });
    return { arrived: reached, release };
  }

  /** A healthy link again; reordered requests still held back reach the server before this resolves. */
  async heal(): Promise<void> {
    this.#plan = null;
    this.#partitioned = false;
    this.#scripted.clear();
    const held = this.#reordered.splice(0);
    await Promise.all(held.map((h) => h.deliver()));
  }

  async close(): Promise<void> {
    for (const link of this.#links) link.client.terminate();
    this.#wss.close();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const route = routeOf(req.url);
    const hold = this.#holds.get(route);
    if (hold) {
      this.#holds.delete(route);
      hold.arrived();
      await hold.released;
    }
    if (this.#partitioned) return void req.socket.destroy();
    const fault = this.#scripted.get(route)?.shift() ?? this.#plan?.http() ?? 'pass';
    this.faultCounts[fault]++;
    const send = () => this.#forward(req, route, body);
    if (fault === 'dropRequest') return void req.socket.destroy();
    if (fault === 'reorder') {
      this.#reordered.push({ countdown: this.#plan?.reorderAfter() ?? 1, deliver: () => send().catch(() => undefined) });
      return void req.socket.destroy();
    }
    if (fault === 'delay') await sleep(this.#plan?.delayMs() ?? 1);
    let answer: Answer;
    try {
      answer = fault === 'duplicate' ? (await Promise.all([send(), send()]))[0] : await send();
    } catch {
      return void req.socket.destroy();
    }
    await this.#deliverReordered();
    if (fault === 'dropResponse' || this.#partitioned) return void req.socket.destroy();
    res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
  }

  async #forward(req: IncomingMessage, route: string, body: string): Promise<Answer> {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization'] as const) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await fetch(new URL(req.url ?? '/', this.#upstream), { method: req.method ?? 'GET', headers, ...(body && { body }) });
    const text = await response.text();
    this.delivered.push(delivery(route, body, text));
    return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: text };
  }

  /** Counts one more request past the reordered ones and delivers those whose turn has come. */
  async #deliverReordered(): Promise<void> {
    const due = this.#reordered.filter((r) => --r.countdown <= 0);
    for (const r of due) this.#reordered.splice(this.#reordered.indexOf(r), 1);
    for (const r of due) await r.deliver();
  }

  #onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.#partitioned) return void socket.destroy();
    const target = new URL(req.url ?? '/', this.#upstream);
    target.protocol = 'ws:';
    const authorization = req.headers.authorization;
    const upstream = new WebSocket(target, { headers: authorization ? { authorization } : {} });
    upstream.on('unexpected-response', (_request, response) => {
      socket.end(`HTTP/1.1 ${response.statusCode ?? 502} ${response.statusMessage ?? ''}\r\nConnection: close\r\n\r\n`);
      upstream.terminate();
    });
    upstream.on('error', () => socket.destroy());
    upstream.on('open', () => {
      if (this.#partitioned) {
        upstream.terminate();
        return void socket.destroy();
      }
      this.#wss.handleUpgrade(req, socket, head, (client) => this.#link(client, upstream));
    });
  }

  #link(client: WebSocket, upstream: WebSocket): void {
    const link = { client, upstream };
    this.#links.add(link);
    const end = () => {
      this.#links.delete(link);
      client.terminate();
      upstream.terminate();
    };
    for (const ws of [client, upstream]) {
      ws.on('close', end);
      ws.on('error', end);
    }
    client.on('message', (data: RawData, isBinary: boolean) => upstream.send(data, { binary: isBinary }));
    upstream.on('message', (data: RawData, isBinary: boolean) => this.#relayFrame(client, data, isBinary));
  }

  #relayFrame(client: WebSocket, data: RawData, isBinary: boolean): void {
    const send = () => {
      if (client.readyState !== WebSocket.OPEN) return;
      client.send(data, { binary: isBinary });
      this.framesDelivered++;
    };
    switch (this.#plan?.frame() ?? 'pass') {
      case 'drop':
        return;
      case 'duplicate':
        send();
        return send();
      case 'delay':
        return void setTimeout(send, this.#plan?.delayMs() ?? 1);
      case 'pass':
        return send();
    }
  }
}

function delivery(route: string, requestBody: string, responseBody: string): Delivery {
  if (route !== 'push') return { route, mutationIds: [], outcomes: {} };
  const sent = parseJson(requestBody) as { mutations?: { id: number }[] } | undefined;
  const answer = parseJson(responseBody) as { results?: { id: number; status: string }[] } | undefined;
  return {
    route,
    mutationIds: (sent?.mutations ?? []).map((m) => m.id),
    outcomes: Object.fromEntries((answer?.results ?? []).map((r) => [r.id, r.status])),
  };
}
