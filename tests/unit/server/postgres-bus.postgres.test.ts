import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../server/realtime/bus.ts';
import { onCommit, publishCommit } from '../../../server/realtime/commits.ts';
import type { CommitNotice } from '../../../server/realtime/notices.ts';
import { MAX_NOTIFY_BYTES, PostgresBus } from '../../../server/realtime/postgres-bus.ts';
import { openDatabase } from '../../../server/store/dialect.ts';
import type { Database } from '../../../server/store/schema.ts';
import { freshStore } from '../../support/store.ts';

/** Messages in arrival order, read one `next()` at a time. */
function inbox<T = unknown>() {
  const queued: T[] = [];
  const waiting: ((m: T) => void)[] = [];
  const handler = (m: T) => {
    const waiter = waiting.shift();
    if (waiter) waiter(m);
    else queued.push(m);
  };
  const next = () => (queued.length ? Promise.resolve(queued.shift() as T) : new Promise<T>((r) => waiting.push(r)));
  return { handler, next, queued };
}

let databaseUrl: string;
let db: Kysely<Database>;
const errors: unknown[] = [];
let here: PostgresBus;
let there: PostgresBus;

beforeAll(async () => {
  databaseUrl = (await freshStore()).databaseUrl as string;
  db = openDatabase({ databaseUrl });
  // Two instances' buses on one database; `here` reports its failures to the test.
  here = await PostgresBus.open({ databaseUrl, db, onError: (err) => errors.push(err) });
  there = await PostgresBus.open({ databaseUrl, db });
});
afterAll(async () => {
  await here.close();
  await there.close();
  await db.destroy();
});

const big = (bytes: number): Json => ({ text: 'x'.repeat(bytes) });

describe('the PostgreSQL bus', () => {
  it('delivers a topic to subscribers on every instance, once each, and not other topics', async () => {
    const local = inbox();
    const remote = inbox();
    const other = inbox();
    here.subscribe('greeting', local.handler);
    there.subscribe('greeting', remote.handler);
    there.subscribe('other', other.handler);
    await here.publish('greeting', { hello: 1 });
    await here.publish('greeting', { hello: 2 });
    expect([await remote.next(), await remote.next()]).toEqual([{ hello: 1 }, { hello: 2 }]);
    // This instance heard it at once, and not a second time from the database.
    expect(local.queued).toEqual([{ hello: 1 }, { hello: 2 }]);
    expect(other.queued).toEqual([]);
  });

  it('sends other instances the fallback when a payload is over NOTIFY’s limit, and this instance the whole payload', async () => {
    const local = inbox();
    const remote = inbox();
    here.subscribe('large', local.handler);
    there.subscribe('large', remote.handler);
    await here.publish('large', big(MAX_NOTIFY_BYTES), { poke: true });
    expect(await remote.next()).toEqual({ poke: true });
    expect(local.queued).toEqual([big(MAX_NOTIFY_BYTES)]);

    // Without a fallback nothing travels, and the failure is reported: the next message is the next one heard.
    await here.publish('large', big(MAX_NOTIFY_BYTES));
    await here.publish('large', { after: true });
    expect(await remote.next()).toEqual({ after: true });
    expect(String(errors.at(-1))).toMatch(/over NOTIFY's 7999 bytes and has no fallback/);
  });

  it('turns a commit notice too big to travel into a poke for everyone', async () => {
    const remote = inbox<CommitNotice>();
    onCommit(there, async () => 0, remote.handler);
    const scopes = Array.from({ length: 400 }, (_, i) => `team:${'0'.repeat(30)}${i}`);
    await publishCommit(here, { seq: 41, scopes: ['team:a'] });
    await publishCommit(here, { seq: 42, scopes });
    expect(await remote.next()).toEqual({ seq: 41, scopes: ['team:a'] });
    expect(await remote.next()).toEqual({ seq: 42, scopes: ['org'] });
  });
});
