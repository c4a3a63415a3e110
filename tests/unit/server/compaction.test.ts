import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { compactLog } from '../../../server/sync/compaction.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, note, post, readStore, signIn, ticketsOf } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

let server: TestServer;
let alex: Session;
let aisha: Session;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05, seed: 9 } });
  [alex, aisha] = await Promise.all([signIn(server.url, DEMO_AGENT_EMAIL), signIn(server.url, 'aisha@orbit.demo')]);
});
afterAll(async () => {
  await server.close();
});

const cursorOf = async (s: Session): Promise<Cursor> => (await post(server.url, routes.bootstrap, { clientId: s.clientId }, s.token)).body.cursor;
const pullFrom = async (s: Session, cursor: Cursor) => (await post(server.url, routes.pull, { clientId: s.clientId, cursor }, s.token)).body;
const logSize = () => readStore(server.location, async (db) => (await db.selectFrom('change_log').select('seq').execute()).length);

describe('compaction', () => {
  it('drops old changes and resets only the scopes that lost some, for cursors behind the horizon', async () => {
    const aishaAgent = await agentByEmail(server.location, 'aisha@orbit.demo');
    const [technical] = aishaAgent.teamIds;
    const [ticket] = await ticketsOf(server.location, (t) => t.teamId === technical && t.status !== 'closed' && t.assigneeId !== aishaAgent.id);
    if (!ticket) throw new Error('no Technical ticket of another agent');
    const [alexFrom, aishaFrom] = [await cursorOf(alex), await cursorOf(aisha)];
    const tom = await signIn(server.url, 'tom@orbit.demo');
    expect((await post(server.url, routes.push, { clientId: tom.clientId, mutations: [note(1, ticket.id, 'Old news.')] }, tom.token)).status).toBe(200);

    // Nothing is older than a week yet.
    expect(await readStore(server.location, (db) => compactLog(db, { keepDays: 7 }))).toEqual({ horizon: null, scopes: [] });
    const soon = new Date(Date.now() + 60_000);
    const compacted = await readStore(server.location, (db) => compactLog(db, { keepDays: 0, now: soon }));
    expect(compacted.horizon).toBe((await cursorOf(alex)).seq);
    expect(compacted.scopes.sort()).toEqual([`team:${technical}`, ...(ticket.assigneeId ? [`user:${ticket.assigneeId}`] : [])].sort());
    expect(await logSize()).toBe(0);

    // Aisha missed the note: her team's scope comes again. Alex missed nothing of his scopes.
    const forAisha = await pullFrom(aisha, aishaFrom);
    expect(forAisha).toMatchObject({ reset: false, changes: [], resetScopes: [`team:${technical}`] });
    const forAlex = await pullFrom(alex, alexFrom);
    expect(forAlex.reset).toBe(false);
    expect(forAlex.resetScopes).toBeUndefined();
    // From the head there is nothing to reset.
    expect((await pullFrom(aisha, forAisha.cursor)).resetScopes).toBeUndefined();
  });

  it('moves the horizon of a scope compacted before when a later compaction drops more of it', async () => {
    const [technical] = (await agentByEmail(server.location, 'aisha@orbit.demo')).teamIds;
    const [ticket] = await ticketsOf(server.location, (t) => t.teamId === technical && t.status !== 'closed');
    if (!ticket) throw new Error('no open Technical ticket');
    const tom = await signIn(server.url, 'tom@orbit.demo');
    const compact = () => readStore(server.location, (db) => compactLog(db, { keepDays: 0, now: new Date(Date.now() + 60_000) }));
    const push = (id: number) => post(server.url, routes.push, { clientId: tom.clientId, mutations: [note(id, ticket.id)] }, tom.token);

    await push(1);
    const first = await compact();
    const between = await cursorOf(aisha);
    expect(between.seq).toBe(first.horizon);
    await push(2);
    const second = await compact();
    expect(second.scopes).toContain(`team:${technical}`);
    const horizon = await readStore(server.location, (db) => db.selectFrom('scope_horizons').select('seq').where('scope', '=', `team:${technical}`).executeTakeFirstOrThrow());
    expect(horizon.seq).toBe(second.horizon);
    // Aisha stood at the first horizon: the second one dropped changes she never pulled.
    expect(await pullFrom(aisha, between)).toMatchObject({ reset: false, resetScopes: [`team:${technical}`] });
  });

  it('runs from the command line: orbit-server compact --keep-days N', async () => {
    const { dbFile, databaseUrl } = server.location;
    const store = dbFile === undefined ? ['--database-url', databaseUrl] : ['--db', dbFile];
    const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['server/cli.ts', 'compact', ...args, ...store]);
    expect((await cli('--keep-days', '30')).stdout).toMatch(/Nothing in .* is older than 30 days\./);
    await expect(cli('--keep-days=-1')).rejects.toMatchObject({ stderr: expect.stringContaining('--keep-days -1 is not valid') });
  });
});
