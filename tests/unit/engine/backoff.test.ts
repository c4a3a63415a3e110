import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../../electron/engine/sync/backoff.ts';
import { ServerRefused, SyncApi } from '../../../electron/engine/sync/sync-api.ts';
import { retryDelay } from '../../../electron/engine/sync/sync-failure.ts';

describe('backoffDelay', () => {
  it('doubles from 500 ms up to 30 s', () => {
    const highest = Array.from({ length: 12 }, (_, attempt) => backoffDelay(attempt, () => 1));
    expect(highest).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000, 30000, 30000]);
  });

  it('spreads retries over the upper half of each step, never below 500 ms', () => {
    expect(backoffDelay(4, () => 0)).toBe(4000);
    expect(backoffDelay(4, () => 0.5)).toBe(6000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(50, () => 0)).toBe(15000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it('reads delay seconds and HTTP dates, never negative, at most five minutes', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('86400', now)).toBe(300_000);
  });

  it('is null when absent or unreadable', () => {
    for (const header of [null, '', 'soon', '-5', '1.5']) expect(retryAfterMs(header, now)).toBeNull();
  });
});

describe('retryDelay', () => {
  const busy = (retryAfter: number | null) => new ServerRefused(503, { error: 'busy', message: 'The server is busy.' }, retryAfter);
  it('waits as long as the server asked when that is longer than the backoff', () => {
    expect(retryDelay(busy(7000), 0, () => 1)).toBe(7000);
    expect(retryDelay(busy(7000), 5, () => 1)).toBe(16_000);
  });

  it('is the backoff when the server did not say, or for other failures', () => {
    expect(retryDelay(busy(null), 2, () => 1)).toBe(2000);
    expect(retryDelay(new Error('boom'), 2, () => 1)).toBe(2000);
  });
});

describe('a refusal with Retry-After, over HTTP', () => {
  it('carries how long the server asked to wait', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '3' });
      res.end(JSON.stringify({ error: 'busy', message: 'The server is busy; retry shortly.' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const refusal = await new SyncApi(`http://127.0.0.1:${port}`, 'token').push({ clientId: '0195f0a0-0000-7000-8000-0000000000c9', mutations: [] }).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(ServerRefused);
      expect(refusal).toMatchObject({ status: 503, code: 'busy', retryAfterMs: 3000 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
