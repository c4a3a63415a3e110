import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import type { QueuePage } from '../../../shared/ipc/views.ts';
import { dueTimes } from '../../../shared/rules/sla.ts';
import { demoSlaPolicy } from '../../../server/demo/sla-policy.ts';
import { agentAlex, contact, T0, teamA, ticket } from '../shared/fixtures.ts';
import { signedInReplica, tempFiles, unreachableServerUrl, type Row } from './support.ts';

/** The SLA procedures through Engine.invoke on a signed-in replica whose server is out of reach. */
const newFile = tempFiles();
let engine: Engine;
let file: string;
const policy = demoSlaPolicy(new Date(T0), T0);
const created = '2026-11-23T09:00:00.000Z';
const TICKET = ticket({ status: 'open', assigneeId: agentAlex.id, createdAt: created, ...dueTimes(policy, { createdAt: created, priority: 'normal' }) });

beforeAll(async () => {
  file = newFile();
  const rows: Row[] = [
    { kind: 'team', row: teamA },
    { kind: 'agent', row: agentAlex },
    { kind: 'contact', row: contact },
    { kind: 'ticket', row: TICKET },
    { kind: 'slaPolicy', row: policy },
  ];
  await signedInReplica(file, await unreachableServerUrl(), { rows });
  engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
});
afterAll(async () => {
  await engine.close();
});

const call = async (name: string, input?: unknown) => unwrapDeskResult(await engine.invoke(name, input));

describe('SLA procedures', () => {
  it('sla.policy answers the replicated workspace policy', async () => {
    expect(await call('sla.policy')).toEqual(policy);
  });

  it('queue rows carry the due fields the SLA badge needs', async () => {
    const page = (await call('queue.page', { view: 'mine', after: null, limit: 10 })) as QueuePage;
    expect(page.rows.find((r) => r.id === TICKET.id)).toMatchObject({
      firstResponseDueAt: TICKET.firstResponseDueAt,
      resolutionDueAt: TICKET.resolutionDueAt,
      firstResponseAt: null,
      solvedAt: null,
    });
  });

  it('a priority change recomputes the due times on the replica at once, and sla_due_at follows', async () => {
    await call('ticket.setPriority', { ticketId: TICKET.id, priority: 'urgent' });
    const shown = ((await call('ticket.get', { id: TICKET.id })) as { ticket: typeof TICKET }).ticket;
    expect(shown).toMatchObject({ priority: 'urgent', ...dueTimes(policy, { createdAt: created, priority: 'urgent' }) });
    await engine.close();
    const replica = await Replica.open(file);
    const row = replica.db.prepare('SELECT sla_due_at FROM tickets WHERE id = ?').get(TICKET.id) as { sla_due_at: string };
    expect(row.sla_due_at).toBe('2026-11-23T09:30:00.000Z');
    await replica.close();
    engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
  });

  it('sla.savePolicy is refused for an agent, with the reason', async () => {
    const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = policy;
    const result = await engine.invoke('sla.savePolicy', { ...fields, name: 'Mine now' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', message: 'Only an admin can change the SLA policy.' } });
    expect(((await call('sla.policy')) as typeof policy).name).toBe(policy.name);
  });
});
