import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SURVEY_LINK_DAYS } from '../../shared/sync/survey.ts';
import type { Database } from '../store/schema.ts';

/**
 * Survey links: `<ticket id hex>.<expiry, seconds base36>.<HMAC-SHA256, base64url>`. The key is random,
 * made once and kept in the store (server_secrets), so a link cannot be made from a ticket id, nor its
 * expiry moved, without it; every instance and every restart checks the same signatures.
 */
const SECRET_NAME = 'survey-links';
const DAY_MS = 86_400_000;
const TOKEN = /^([0-9a-f]{32})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;

const keys = new WeakMap<Kysely<Database>, Promise<Buffer>>();

/** The signing key, made on first use (two instances racing keep the first one stored). */
export function surveyKey(db: Kysely<Database>): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      await db
        .insertInto('server_secrets')
        .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('server_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
      return Buffer.from(row.value, 'base64url');
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

const sign = (key: Buffer, ticketHex: string, expiry: string) => createHmac('sha256', key).update(`orbit-survey:v1:${ticketHex}:${expiry}`).digest();

const toHex = (id: string) => id.replaceAll('-', '').toLowerCase();
const fromHex = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function makeSurveyToken(key: Buffer, ticketId: string, now = Date.now()): { token: string; expiresAt: string } {
  const expiresMs = now + SURVEY_LINK_DAYS * DAY_MS;
  const expiry = Math.floor(expiresMs / 1000).toString(36);
  const hex = toHex(ticketId);
  return { token: `${hex}.${expiry}.${sign(key, hex, expiry).toString('base64url')}`, expiresAt: new Date(Math.floor(expiresMs / 1000) * 1000).toISOString() };
}

export type TokenCheck = { ok: true; ticketId: string } | { ok: false; reason: 'invalid' | 'expired' };

/** The ticket a token is for, if its signature holds and it has not expired (checked in that order). */
export function checkSurveyToken(key: Buffer, token: string, now = Date.now()): TokenCheck {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, hex = '', expiry = '', signature = ''] = match;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(key, hex, expiry);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (parseInt(expiry, 36) * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, ticketId: fromHex(hex) };
}
