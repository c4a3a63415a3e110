import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostOrigins, newSocketKey, socketGuard } from '../../../electron/browser-host/socket-guard.ts';

const key = newSocketKey();
const guard = socketGuard({ key, origins: hostOrigins('http://127.0.0.1:5000'), path: '/desk' });
const upgrade = (url: string, origin?: string) => ({ url, headers: origin ? { origin } : {} }) as IncomingMessage;

describe('socketGuard', () => {
  it('lets the host’s own page in with the key, under any loopback spelling of its origin', () => {
    expect(guard.check(upgrade(`/desk?key=${key}`, 'http://127.0.0.1:5000'))).toBeNull();
    expect(guard.check(upgrade(`/desk?key=${key}`, 'http://localhost:5000'))).toBeNull();
  });

  it('refuses a missing or wrong key', () => {
    expect(guard.check(upgrade('/desk', 'http://127.0.0.1:5000'))?.status).toBe(401);
    expect(guard.check(upgrade(`/desk?key=${key.slice(1)}x`, 'http://127.0.0.1:5000'))?.status).toBe(401);
  });

  it('refuses other origins, other ports and no origin at all, even with the key', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:5001', 'https://127.0.0.1:5000', undefined]) {
      expect(guard.check(upgrade(`/desk?key=${key}`, origin))?.status).toBe(403);
    }
  });

  it('knows only its own path', () => {
    expect(guard.check(upgrade(`/other?key=${key}`, 'http://127.0.0.1:5000'))?.status).toBe(404);
  });

  it('makes a new unguessable key every time', () => {
    expect(newSocketKey()).not.toBe(newSocketKey());
    expect(newSocketKey().length).toBeGreaterThanOrEqual(43);
  });
});
