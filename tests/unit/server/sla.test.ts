import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import { DEFAULT_SLA_POLICY_ID, type SlaPolicy } from '../../../shared/model/index.ts';
import { ticketCreate, type MutationContext } from '../../../shared/mutators/index.ts';
import { dueTimes } from '../../../shared/rules/sla.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { fromRow } from '../../../server/store/rows.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { memoryTx } from '../shared/memory-tx.ts';
import { post, readStore, signIn, ticketsOf } from './api.ts';

let server: TestServer;
let alex: Awaited<ReturnType<typeof signIn>>;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.03 } });
  [alex, admin] = await Promise.all([signIn(server.url, DEMO_AGENT_EMAIL), signIn(server.url, DEMO_ADMIN_EMAIL)]);
});
afterAll(async () => {
  await server.close();
});

const policyOnServer = async (): Promise<SlaPolicy> =>
  fromRow('slaPolicy', await readStore(server.location, (db) => db.selectFrom('sla_policies').selectAll().where('id', '=', DEFAULT_SLA_POLICY_ID).executeTakeFirstOrThrow()));
const ticketOnServer = async (id: string) => (await ticketsOf(server.location, (t) => t.id === id))[0]!;

/** One push from a fresh client whose clock is `clock`: the mutation's createdAt is what that client believed. */
async function pushAt(who: { token: string }, clock: string, name: string, args: unknown) {
  const body = { clientId: newId(), mutations: [{ id: 1, name, args, createdAt: clock }] };
  return (await post(server.url, routes.push, body, who.token)).body.results[0];
}

describe('SLA on the server', () => {
  it('the demo workspace has the default policy', async () => {
    expect(await policyOnServer()).toMatchObject({ timeZone: 'Europe/Berlin', atRiskMinutes: 60 });
  });

  it("sets a new ticket's due times by the server's clock and policy, whatever the client's clock said", async () => {
    const policy = await policyOnServer();
    const requesterId = (await readStore(server.location, (db) => db.selectFrom('contacts').select('id').executeTakeFirstOrThrow())).id;
    const skewed = '2026-01-05T08:00:00.000Z';
    const args = { id: newId(), subject: 'Call about invoices', requesterId, priority: 'urgent' };
    // What the workstation showed optimistically, on its wrong clock.
    const client = memoryTx({ actorId: alex.agentId, role: 'agent', now: skewed, side: 'client' } satisfies MutationContext, [
      { kind: 'slaPolicy', row: policy },
      { kind: 'contact', row: { id: requesterId, accountId: null } as never },
    ]);
    await ticketCreate.run(client.tx, ticketCreate.args.parse({ ...args, teamId: null }));
    const optimistic = client.read('ticket', args.id)!;
    expect(optimistic.firstResponseDueAt).toBe(dueTimes(policy, { createdAt: skewed, priority: 'urgent' }).firstResponseDueAt);

    const reader = newId();
    const cursor = (await post(server.url, routes.bootstrap, { clientId: reader }, alex.token)).body.cursor;
    const before = Date.now();
    expect(await pushAt(alex, skewed, 'ticket.create@1', args)).toMatchObject({ status: 'applied' });
    const stored = await ticketOnServer(args.id);
    expect(Date.parse(stored.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(stored.createdAt)).toBeLessThanOrEqual(Date.now());
    expect(stored.firstResponseDueAt).not.toBeNull();
    expect({ firstResponseDueAt: stored.firstResponseDueAt, resolutionDueAt: stored.resolutionDueAt }).toEqual(dueTimes(policy, stored));
    expect(stored.firstResponseDueAt).not.toBe(optimistic.firstResponseDueAt);

    // The client learns the server's values on pull: they replace its optimistic ones.
    const changes: Change[] = (await post(server.url, routes.pull, { clientId: reader, cursor }, alex.token)).body.changes;
    const pulled = changes.find((c) => c.kind === 'ticket' && c.id === args.id);
    expect(pulled?.data).toMatchObject({ createdAt: stored.createdAt, firstResponseDueAt: stored.firstResponseDueAt, resolutionDueAt: stored.resolutionDueAt });
  });

  it('only an admin changes the policy; a changed policy applies to the next priority change', async () => {
    const policy = await policyOnServer();
    const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = policy;
    const weekdays24 = [[], [{ start: 0, end: 1440 }], [{ start: 0, end: 1440 }], [{ start: 0, end: 1440 }], [{ start: 0, end: 1440 }], [{ start: 0, end: 1440 }], []];
    const changed = { ...fields, name: 'Round the clock', week: weekdays24 };
    expect(await pushAt(alex, new Date().toISOString(), 'slaPolicy.save@1', changed)).toEqual({ id: 1, status: 'rejected', error: 'Only an admin can change the SLA policy.' });
    expect((await policyOnServer()).name).toBe(policy.name);
    expect(await pushAt(admin, new Date().toISOString(), 'slaPolicy.save@1', { ...changed, week: [[{ start: 600, end: 500 }], [], [], [], [], [], []] })).toMatchObject({ status: 'rejected' });
    expect(await pushAt(admin, new Date().toISOString(), 'slaPolicy.save@1', changed)).toEqual({ id: 1, status: 'applied' });
    const saved = await policyOnServer();
    expect(saved).toMatchObject({ name: 'Round the clock', createdAt: policy.createdAt });

    const ticket = (await ticketsOf(server.location, (t) => t.status === 'open' && t.priority !== 'urgent' && t.teamId !== null))[0]!;
    expect(await pushAt(admin, new Date().toISOString(), 'ticket.setPriority@1', { ticketId: ticket.id, priority: 'urgent' })).toMatchObject({ status: 'applied' });
    const after = await ticketOnServer(ticket.id);
    expect(after.firstResponseDueAt).toBe(dueTimes(saved, { createdAt: ticket.createdAt, priority: 'urgent' }).firstResponseDueAt);
  });
});
