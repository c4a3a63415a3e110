import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY_ID, type SlaPolicy } from '../../../shared/model/index.ts';
import { messageAdd, MutationRejected, slaPolicySave, ticketCreate, ticketSetPriority, ticketSetStatus, type MutationContext } from '../../../shared/mutators/index.ts';
import { currentTimer, dueTimes, slaPolicyRefusal, slaTimers } from '../../../shared/rules/sla.ts';
import { demoSlaPolicy } from '../../../server/demo/sla-policy.ts';
import { agentAlex, contact, ticket, workspaceRows } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

// Monday 23 Nov 2026, 10:00 in Berlin (CET, UTC+1).
const MONDAY_10 = '2026-11-23T09:00:00.000Z';
const policy: SlaPolicy = demoSlaPolicy(new Date(MONDAY_10), '2026-01-01T00:00:00.000Z');
const ctx: MutationContext = { actorId: agentAlex.id, role: 'agent', now: MONDAY_10, side: 'server' };
const at = (now: string, c: MutationContext = ctx): MutationContext => ({ ...c, now });
const ID = ticket().id;
const NEW_ID = '0195f0a0-0000-7000-8000-0000000000f9';

function world(rows = workspaceRows, withPolicy = true) {
  return memoryTx(ctx, [...rows, ...(withPolicy ? [{ kind: 'slaPolicy' as const, row: policy }] : [])]);
}

describe('ticket.create@1 sets the SLA due times from the workspace policy', () => {
  it('counts the priority targets in business time from the creation time', async () => {
    const w = world();
    await ticketCreate.run(w.tx, ticketCreate.args.parse({ id: NEW_ID, subject: 'Phone call', requesterId: contact.id, priority: 'high' }));
    // High: 1 h first response, 8 h resolution (a whole working day: 10:00 Monday → 10:00 Tuesday).
    expect(w.read('ticket', NEW_ID)).toMatchObject({ firstResponseDueAt: '2026-11-23T10:00:00.000Z', resolutionDueAt: '2026-11-24T09:00:00.000Z' });
  });

  it('created on Friday evening, an urgent ticket is due Monday morning', async () => {
    const w = world();
    await ticketCreate.run(w.as(at('2026-11-27T18:00:00.000Z')), ticketCreate.args.parse({ id: NEW_ID, subject: 'Down', requesterId: contact.id, priority: 'urgent' }));
    expect(w.read('ticket', NEW_ID)).toMatchObject({ firstResponseDueAt: '2026-11-30T08:30:00.000Z', resolutionDueAt: '2026-11-30T12:00:00.000Z' });
  });

  it('without a policy row the ticket has no due times (the server sets them)', async () => {
    const w = world(workspaceRows, false);
    await ticketCreate.run(w.tx, ticketCreate.args.parse({ id: NEW_ID, subject: 'Phone call', requesterId: contact.id }));
    expect(w.read('ticket', NEW_ID)).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null });
  });

  it('a first message that is a public reply meets the first-response target at once', async () => {
    const w = world();
    await ticketCreate.run(w.tx, ticketCreate.args.parse({ id: NEW_ID, subject: 'Outbound', requesterId: contact.id, firstMessage: { id: '0195f0a0-0000-7000-8000-0000000000e1', kind: 'reply', body: 'Hello' } }));
    const created = w.read('ticket', NEW_ID)!;
    expect(created.firstResponseAt).toBe(MONDAY_10);
    expect(slaTimers(policy, created, MONDAY_10).firstResponse?.state).toBe('met');
  });
});

describe('ticket.setPriority@1 recomputes the due times from creation with the new targets', () => {
  const created = ticket({ status: 'open', priority: 'normal', createdAt: MONDAY_10, ...dueTimes(policy, { createdAt: MONDAY_10, priority: 'normal' }) });

  it('urgent: 30 min / 4 h after creation, whenever the change is made', async () => {
    expect(created.firstResponseDueAt).toBe('2026-11-23T13:00:00.000Z');
    const w = world([...workspaceRows, { kind: 'ticket', row: created }]);
    await ticketSetPriority.run(w.as(at('2026-11-23T12:00:00.000Z')), { ticketId: ID, priority: 'urgent' });
    expect(w.read('ticket', ID)).toMatchObject({ priority: 'urgent', firstResponseDueAt: '2026-11-23T09:30:00.000Z', resolutionDueAt: '2026-11-23T13:00:00.000Z' });
    await ticketSetPriority.run(w.tx, { ticketId: ID, priority: 'normal' });
    expect(w.read('ticket', ID)).toMatchObject({ firstResponseDueAt: created.firstResponseDueAt, resolutionDueAt: created.resolutionDueAt });
  });

  it('without a policy row the due times stay as they were', async () => {
    const w = world([...workspaceRows, { kind: 'ticket', row: created }], false);
    await ticketSetPriority.run(w.tx, { ticketId: ID, priority: 'urgent' });
    expect(w.read('ticket', ID)).toMatchObject({ priority: 'urgent', firstResponseDueAt: created.firstResponseDueAt });
  });
});

describe('message.add@1 and ticket.setStatus@1 stop the timers', () => {
  const created = ticket({ status: 'new', priority: 'urgent', createdAt: MONDAY_10, ...dueTimes(policy, { createdAt: MONDAY_10, priority: 'urgent' }) });
  const msg = (n: number) => `0195f0a0-0000-7000-8000-0000000000e${n}`;

  it('the first public agent reply sets firstResponseAt once; notes do not', async () => {
    const w = world([...workspaceRows, { kind: 'ticket', row: created }]);
    await messageAdd.run(w.as(at('2026-11-23T09:10:00.000Z')), { id: msg(1), ticketId: ID, kind: 'note', body: 'Looking' });
    expect(w.read('ticket', ID)?.firstResponseAt).toBeNull();
    await messageAdd.run(w.as(at('2026-11-23T09:20:00.000Z')), { id: msg(2), ticketId: ID, kind: 'reply', body: 'On it' });
    await messageAdd.run(w.as(at('2026-11-23T09:50:00.000Z')), { id: msg(3), ticketId: ID, kind: 'reply', body: 'More' });
    const t = w.read('ticket', ID)!;
    expect(t.firstResponseAt).toBe('2026-11-23T09:20:00.000Z');
    expect(slaTimers(policy, t, '2026-11-23T10:00:00.000Z').firstResponse).toMatchObject({ state: 'met', remainingWallMinutes: 10 });
  });

  it('a late first reply is missed; solving sets solvedAt, reopening clears it and the resolution timer runs on', async () => {
    const w = world([...workspaceRows, { kind: 'ticket', row: created }]);
    await messageAdd.run(w.as(at('2026-11-23T09:45:00.000Z')), { id: msg(4), ticketId: ID, kind: 'reply', body: 'Sorry for the wait' });
    await ticketSetStatus.run(w.as(at('2026-11-23T12:00:00.000Z')), { ticketId: ID, status: 'solved' });
    let timers = slaTimers(policy, w.read('ticket', ID)!, '2026-11-23T16:00:00.000Z');
    expect(timers.firstResponse).toMatchObject({ state: 'missed', remainingWallMinutes: -15 });
    expect(timers.resolution).toMatchObject({ state: 'met', doneAt: '2026-11-23T12:00:00.000Z', remainingWallMinutes: 60 });
    await ticketSetStatus.run(w.as(at('2026-11-23T15:00:00.000Z')), { ticketId: ID, status: 'open' });
    timers = slaTimers(policy, w.read('ticket', ID)!, '2026-11-23T15:00:00.000Z');
    expect(timers.resolution).toMatchObject({ state: 'breached', doneAt: null, remainingWallMinutes: -120 });
  });
});

describe('slaTimers', () => {
  const t = ticket({ createdAt: MONDAY_10, ...dueTimes(policy, { createdAt: MONDAY_10, priority: 'normal' }) });
  it('is running, then at risk within atRiskMinutes, then breached', () => {
    // Normal: first response due 13:00Z (14:00 Berlin), resolution three working days later.
    expect(slaTimers(policy, t, '2026-11-23T11:00:00.000Z').firstResponse).toMatchObject({ state: 'running', remainingWallMinutes: 120, remainingBusinessMinutes: 120 });
    expect(slaTimers(policy, t, '2026-11-23T12:01:00.000Z').firstResponse).toMatchObject({ state: 'at_risk', remainingWallMinutes: 59 });
    expect(slaTimers(policy, t, '2026-11-23T13:35:00.000Z').firstResponse).toMatchObject({ state: 'breached', remainingWallMinutes: -35, remainingBusinessMinutes: -35 });
  });
  it('counts remaining business minutes across the night, wall minutes for the risk window', () => {
    const overnight = slaTimers(policy, t, '2026-11-25T18:00:00.000Z').resolution!;
    expect(overnight.dueAt).toBe('2026-11-26T09:00:00.000Z');
    expect(overnight).toMatchObject({ state: 'running', remainingWallMinutes: 900, remainingBusinessMinutes: 60 });
  });
  it('a ticket solved without a reply stops the first-response timer at the solve time', () => {
    const solved = { ...t, solvedAt: '2026-11-23T10:00:00.000Z' };
    expect(slaTimers(policy, solved, '2026-12-01T00:00:00.000Z').firstResponse).toMatchObject({ state: 'met', doneAt: solved.solvedAt });
  });
  it('the queue shows first response until given, then resolution; no due time, no timer', () => {
    expect(currentTimer(slaTimers(policy, t, MONDAY_10))?.dueAt).toBe(t.firstResponseDueAt);
    expect(currentTimer(slaTimers(policy, { ...t, firstResponseAt: MONDAY_10 }, MONDAY_10))?.dueAt).toBe(t.resolutionDueAt);
    expect(slaTimers(policy, ticket(), MONDAY_10)).toEqual({ firstResponse: null, resolution: null });
    expect(slaTimers(undefined, t, MONDAY_10).firstResponse).toMatchObject({ state: 'running', remainingBusinessMinutes: null });
  });
});

describe('slaPolicy.save@1', () => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = policy;
  const admin: MutationContext = { ...ctx, role: 'admin' };

  it('an admin saves the one workspace policy; its creation time is kept', async () => {
    const w = memoryTx(admin);
    await slaPolicySave.run(w.tx, slaPolicySave.args.parse({ ...fields, name: 'Gold' }));
    await slaPolicySave.run(w.as(at('2026-11-24T00:00:00.000Z', admin)), slaPolicySave.args.parse({ ...fields, atRiskMinutes: 30 }));
    expect(w.read('slaPolicy', DEFAULT_SLA_POLICY_ID)).toMatchObject({ name: 'Standard support', atRiskMinutes: 30, createdAt: MONDAY_10, updatedAt: '2026-11-24T00:00:00.000Z' });
  });

  it('refuses agents and leads, and invalid weeks, with the reason, writing nothing', async () => {
    for (const role of ['agent', 'lead'] as const) {
      const w = memoryTx({ ...ctx, role });
      await expect(slaPolicySave.run(w.tx, fields)).rejects.toThrow(new MutationRejected('Only an admin can change the SLA policy.'));
      expect(w.writes).toEqual([]);
    }
    const w = memoryTx(admin);
    const overlapping = { ...fields, week: [[], [{ start: 540, end: 720 }, { start: 700, end: 1020 }], [], [], [], [], []] };
    await expect(slaPolicySave.run(w.tx, overlapping)).rejects.toThrow(/Monday: working intervals must be in order and must not overlap/);
    expect(slaPolicySave.args.safeParse({ ...fields, week: fields.week.slice(0, 5) }).success).toBe(false);
    await expect(slaPolicySave.run(w.tx, { ...fields, timeZone: 'Europe/Atlantis' })).rejects.toThrow(/not a known time zone/);
    expect(w.writes).toEqual([]);
  });

  it('a resolution target shorter than the first response is refused', () => {
    expect(slaPolicyRefusal({ ...fields, targets: { ...fields.targets, low: { firstResponseMinutes: 60, resolutionMinutes: 30 } } })).toMatch(/low resolution target/);
    expect(slaPolicyRefusal(fields)).toBeNull();
  });
});
