import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may drive the engine through the desk socket: only the page this host served and
 * printed the URL of. It must know the per-run key (from that URL) and come from the host's
 * own origin, so another local page or a DNS-rebound site cannot connect even if it guesses the port.
 */
export interface SocketGuard {
  /** Why the upgrade is refused (an HTTP status and a reason), or null when it may proceed. */
  check(req: IncomingMessage): { status: number; reason: string } | null;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function newSocketKey(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The origins a page of this host can have: the printed one, plus the other loopback spellings of it. */
export function hostOrigins(printedOrigin: string): Set<string> {
  const url = new URL(printedOrigin);
  const names = LOOPBACK_NAMES.includes(url.hostname) ? LOOPBACK_NAMES : [url.hostname];
  return new Set(names.map((name) => `${url.protocol}//${name}:${url.port}`));
}

export function socketGuard(opts: { key: string; origins: Set<string>; path: string }): SocketGuard {
  return {
    check(req) {
      const url = new URL(req.url ?? '/', 'http://host');
      if (url.pathname !== opts.path) return { status: 404, reason: 'Not found' };
      if (!sameSecret(url.searchParams.get('key') ?? '', opts.key)) return { status: 401, reason: 'Missing or wrong key' };
      if (!opts.origins.has(req.headers.origin ?? '')) return { status: 403, reason: 'Foreign origin' };
      return null;
    },
  };
}
