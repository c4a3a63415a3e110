import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/host.ts';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../../electron/browser-host/socket-message.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../../server/demo/credentials.ts';
import { SocketServerMessage } from '../../../shared/ipc/index.ts';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../../../shared/security/csp.ts';
import { startTestServer } from '../../support/server.ts';

const INDEX = `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="/assets/app.js"></script></body></html>`;

let dir: string;
let rendererDir: string;
let host: BrowserHost;
let origin: string;
let key: string;

async function fixtureRenderer(path: string, index: string | null): Promise<string> {
  await mkdir(join(path, 'assets'), { recursive: true });
  if (index !== null) await writeFile(join(path, 'index.html'), index);
  await writeFile(join(path, 'assets', 'app.js'), 'console.log("orbit")');
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orbit-host-test-'));
  rendererDir = await fixtureRenderer(join(dir, 'renderer'), INDEX);
  host = await startBrowserHost({ dataDir: join(dir, 'data'), rendererDir, serverUrl: 'http://127.0.0.1:4870' });
  const url = new URL(host.url);
  origin = url.origin;
  key = url.searchParams.get('key') ?? '';
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw GET, so paths reach the host exactly as written (fetch would normalise them). */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(origin);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail).end();
  });
}

function connect(opts: { key?: string; origin?: string } = {}): Promise<WebSocket> {
  const socketUrl = `${origin.replace('http:', 'ws:')}/desk?key=${encodeURIComponent(opts.key ?? key)}`;
  const ws = new WebSocket(socketUrl, { origin: opts.origin ?? origin });
  return new Promise((done, fail) => {
    ws.once('open', () => done(ws));
    ws.once('unexpected-response', (_req, res) => fail(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', fail);
  });
}

function nextMessage(ws: WebSocket, match: (m: SocketServerMessage) => boolean): Promise<SocketServerMessage> {
  return new Promise((done) => {
    const onMessage = (data: Buffer) => {
      const message = SocketServerMessage.parse(JSON.parse(data.toString()));
      if (!match(message)) return;
      ws.off('message', onMessage);
      done(message);
    };
    ws.on('message', onMessage);
  });
}

async function invoke(ws: WebSocket, id: number, name: string, input?: unknown) {
  const answer = nextMessage(ws, (m) => m.t === 'result' && m.id === id);
  ws.send(JSON.stringify({ t: 'invoke', id, name, input }));
  const message = await answer;
  return message.t === 'result' ? message.result : null;
}

describe('the browser host page', () => {
  it('is served on loopback with a per-run key and the server to pre-fill', () => {
    const url = new URL(host.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(key.length).toBeGreaterThanOrEqual(43);
    expect(url.searchParams.get('server')).toBe('http://127.0.0.1:4870');
  });

  it("carries the renderer's policy plus frame-ancestors, and the hardening headers, on every answer", async () => {
    for (const path of ['/', '/assets/app.js', '/missing.js']) {
      const res = await get(path);
      expect(res.headers['content-security-policy']).toBe(RENDERER_CSP_HEADER);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves the built files with their types, and nothing else', async () => {
    const page = await get('/');
    expect(page).toMatchObject({ status: 200, body: INDEX });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('never serves a file outside the renderer folder', async () => {
    await writeFile(join(dir, 'secret.txt'), 'not for the browser');
    for (const path of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%00', '/%E0%A4%A']) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('refuses to start without a built renderer', async () => {
    const bare = await fixtureRenderer(join(dir, 'bare'), null);
    await expect(startBrowserHost({ dataDir: join(dir, 'data2'), rendererDir: bare })).rejects.toThrow(/not built/);
  });

  it('the built renderer carries the same policy in its meta tag (what Electron applies to file:// pages)', async () => {
    const built = await readFile(fileURLToPath(new URL('../../../out/renderer/index.html', import.meta.url)), 'utf8').catch(() => null);
    expect(built, 'out/renderer is not built: run `npx electron-vite build` (npm test builds it first)').not.toBeNull();
    expect(built).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(built).toContain(`content="${RENDERER_CSP}"`);
  });
});

describe('the desk socket', () => {
  it('forwards a call to the real engine and answers with its result', async () => {
    const ws = await connect();
    expect(await invoke(ws, 0, 'session.get')).toEqual({ ok: true, value: { state: 'signed_out' } });
    ws.close();
  });

  it('lets in only its own page: the key and the origin must both match', async () => {
    await expect(connect({ key: 'guessed' })).rejects.toThrow('refused with 401');
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('refused with 403');
    await expect(connect({ origin: 'http://127.0.0.1:1' })).rejects.toThrow('refused with 403');
  });

  it('answers unknown procedures, invalid input and oversized messages with clear errors, and keeps serving', async () => {
    const ws = await connect();
    expect(await invoke(ws, 1, 'fs.readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(await invoke(ws, 2, 'ticket.get', { id: 'not-an-id' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const oversized = await invoke(ws, 3, 'ticket.reply', { body: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES) });
    expect(oversized).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^Message too large/) } });
    expect(await invoke(ws, 4, 'session.get')).toMatchObject({ ok: true });
    ws.close();
  });

  it('closes a socket that sends what names no call, and the host stays up', async () => {
    const ws = await connect();
    const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    ws.send('{not json');
    expect(await closed).toBe(1008);
    const again = await connect();
    expect(await invoke(again, 0, 'session.get')).toMatchObject({ ok: true });
    again.close();
  });
});

describe('engine events', () => {
  it('reach every connected page', async () => {
    const server = await startTestServer({ demo: { scale: 0.05 } });
    const [a, b] = await Promise.all([connect(), connect()]);
    try {
      const seen = [a, b].map((ws) => nextMessage(ws, (m) => m.t === 'event' && m.name === 'sync.status'));
      expect(await invoke(a, 0, 'session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD })).toMatchObject({
        ok: true,
        value: { state: 'signed_in' },
      });
      for (const event of await Promise.all(seen)) expect(event).toMatchObject({ t: 'event', name: 'sync.status' });
    } finally {
      a.close();
      b.close();
      await server.close();
    }
  });
});
