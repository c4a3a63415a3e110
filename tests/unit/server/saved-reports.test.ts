import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { mutation, post, signIn } from './api.ts';

type SignedIn = Awaited<ReturnType<typeof signIn>>;

let server: TestServer;
let alex: SignedIn;
let priya: SignedIn;
let lena: SignedIn;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05 } });
  [alex, priya, lena] = await Promise.all([signIn(server.url, DEMO_AGENT_EMAIL), signIn(server.url, 'priya@orbit.demo'), signIn(server.url, DEMO_LEAD_EMAIL)]);
});
afterAll(async () => {
  await server.close();
});

function client(who: SignedIn) {
  const clientId = newId();
  let next = 1;
  return {
    push: async (...mutations: { name: string; args: unknown }[]) =>
      (await post(server.url, routes.push, { clientId, mutations: mutations.map((m) => mutation(next++, m.name, m.args)) }, who.token)).body as { results: unknown[] },
    cursor: async (): Promise<Cursor> => (await post(server.url, routes.bootstrap, { clientId }, who.token)).body.cursor,
    pull: async (cursor: Cursor): Promise<Change[]> => (await post(server.url, routes.pull, { clientId, cursor }, who.token)).body.changes,
  };
}

const definition = { metric: 'csat', groupBy: ['week', 'team'], range: { lastDays: 90 }, filter: { channels: ['email'] }, chart: 'line' };
const save = (id: string, overrides: Record<string, unknown> = {}) => ({
  name: 'report.save@1',
  args: { id, name: 'CSAT by team', shared: false, pinned: false, definition, position: 0, ...overrides },
});
const reportChanges = (changes: Change[]) =>
  changes.filter((c) => c.kind === 'report').map((c) => ({ id: c.id, op: c.op, name: c.data?.name, ownerId: c.data?.ownerId, shared: c.data?.shared, definition: c.data?.definition }));

describe('saved reports on the server', () => {
  it('sync to every agent with their definition intact, owners set by the server, and permissions hold', async () => {
    const [a, p, l] = [client(alex), client(priya), client(lena)];
    const from = await p.cursor();
    const personal = newId();
    const sharedId = newId();

    expect((await a.push(save(personal))).results).toEqual([{ id: 1, status: 'applied' }]);
    expect((await a.push(save(newId(), { shared: true }))).results).toEqual([{ id: 2, status: 'rejected', error: expect.stringContaining('Only a lead or an admin') }]);
    expect((await p.push(save(personal, { name: 'Taken over' }), { name: 'report.delete@1', args: { reportId: personal } })).results).toEqual([
      { id: 1, status: 'rejected', error: expect.stringContaining('agent who made it') },
      { id: 2, status: 'rejected', error: expect.stringContaining('agent who made it') },
    ]);
    expect((await l.push(save(sharedId, { shared: true, pinned: true, name: 'Backlog by assignee' }))).results).toEqual([{ id: 1, status: 'applied' }]);

    expect(reportChanges(await p.pull(from))).toEqual([
      { id: personal, op: 'put', name: 'CSAT by team', ownerId: alex.agentId, shared: false, definition },
      { id: sharedId, op: 'put', name: 'Backlog by assignee', ownerId: lena.agentId, shared: true, definition },
    ]);

    const beforeDelete = await p.cursor();
    expect((await a.push({ name: 'report.delete@1', args: { reportId: personal } })).results).toEqual([{ id: 3, status: 'applied' }]);
    expect(reportChanges(await p.pull(beforeDelete))).toEqual([{ id: personal, op: 'del', name: undefined, ownerId: undefined, shared: undefined, definition: undefined }]);
  });
});
