import { describe, expect, it } from 'vitest';
import { Message, type ConflictEvent, type Ticket } from '../../../shared/model/index.ts';
import { MutationRejected, ticketAssign, ticketSetCustomFields, ticketSetPriority, ticketSetStatus, ticketSetTeam } from '../../../shared/mutators/index.ts';
import { reapplication } from '../../../shared/mutators/reapply.ts';
import { changedFieldPaths, describeConflict } from '../../../shared/rules/conflicts.ts';
import { agentAlex, agentDee, as, contact, teamA, teamB, ticket, workspaceRows } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const TICKET = ticket({ status: 'open' });

/** Alex's and Dee's workstations against one shared server state. */
function world(t: Ticket = TICKET) {
  const w = memoryTx(as(agentAlex), [...workspaceRows, { kind: 'ticket', row: t }]);
  return { ...w, alex: w.as(as(agentAlex)), dee: w.as(as(agentDee)), notices: () => w.all('message').map((m) => Message.parse(m)).filter((m) => m.event?.type === 'conflict') };
}

describe('conflict notices (server side)', () => {
  it('last writer wins, and one notice names both values and both agents so the loser can re-apply', async () => {
    const w = world();
    // Both saw Normal; Dee's change reaches the server first, Alex's (made offline) after it.
    await ticketSetPriority.run(w.dee, { ticketId: TICKET.id, priority: 'high', base: 'normal' });
    await ticketSetPriority.run(w.alex, { ticketId: TICKET.id, priority: 'urgent', base: 'normal' });

    expect(w.read('ticket', TICKET.id)?.priority).toBe('urgent');
    const [notice, ...more] = w.notices();
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      ticketId: TICKET.id,
      kind: 'event',
      authorType: 'system',
      authorId: null,
      event: { type: 'conflict', field: 'priority', key: null, lost: { value: 'high', by: agentDee.id }, kept: { value: 'urgent', by: agentAlex.id } },
    });
    expect(notice?.body).toBe(
      'Priority conflict: Alex Agent set Urgent without seeing that Dee had set High. Urgent is kept (the later change wins); High can be re-applied.',
    );
  });

  it('writes no notice when the agent saw the current value, or set the same value, or overwrote their own change', async () => {
    const w = world();
    await ticketSetPriority.run(w.alex, { ticketId: TICKET.id, priority: 'high', base: 'normal' });
    // Dee saw Alex's change.
    await ticketSetPriority.run(w.dee, { ticketId: TICKET.id, priority: 'low', base: 'high' });
    // Alex, not having seen it, picks the value that is there anyway.
    await ticketSetPriority.run(w.alex, { ticketId: TICKET.id, priority: 'low', base: 'high' });
    // Dee again, from a second workstation that had not heard of her own change to Low.
    await ticketSetPriority.run(w.dee, { ticketId: TICKET.id, priority: 'urgent', base: 'high' });
    expect(w.read('ticket', TICKET.id)?.priority).toBe('urgent');
    expect(w.notices()).toEqual([]);
  });

  it('checks nothing for mutations without a base (outboxes from before it existed) nor on the client', async () => {
    const w = world(ticket({ status: 'open', priority: 'high' }));
    await ticketSetPriority.run(w.alex, { ticketId: TICKET.id, priority: 'low' });
    const client = world(ticket({ status: 'open', priority: 'high' }));
    await ticketSetPriority.run(client.as(as(agentAlex, 'client')), { ticketId: TICKET.id, priority: 'low', base: 'normal' });
    expect([...w.notices(), ...client.notices()]).toEqual([]);
  });

  it("reports a value nobody's mutation set (seeded, or from the server) as lost by someone else", async () => {
    const w = world(ticket({ status: 'open', priority: 'high' }));
    await ticketSetPriority.run(w.alex, { ticketId: TICKET.id, priority: 'low', base: 'normal' });
    const [notice] = w.notices();
    expect(notice?.event).toMatchObject({ lost: { value: 'high', by: null } });
    expect(notice?.body).toContain('without seeing that someone else had set High');
  });

  it('covers status, assignee, team and each custom field on its own', async () => {
    const w = world(ticket({ status: 'open', customFields: { region: 'EU', plan: 'pro' } }));
    await ticketSetStatus.run(w.dee, { ticketId: TICKET.id, status: 'pending', base: 'open' });
    await ticketSetStatus.run(w.alex, { ticketId: TICKET.id, status: 'on_hold', base: 'open' });
    await ticketAssign.run(w.dee, { ticketId: TICKET.id, assigneeId: agentDee.id, base: null });
    await ticketAssign.run(w.alex, { ticketId: TICKET.id, assigneeId: agentAlex.id, base: null });
    await ticketSetTeam.run(w.dee, { ticketId: TICKET.id, teamId: teamB.id, base: teamA.id });
    await ticketSetTeam.run(w.alex, { ticketId: TICKET.id, teamId: teamA.id, base: teamA.id });
    await ticketSetCustomFields.run(w.dee, { ticketId: TICKET.id, fields: { region: 'US' }, base: { region: 'EU' } });
    // Only `region` changed under Alex: `plan` is no conflict.
    await ticketSetCustomFields.run(w.alex, { ticketId: TICKET.id, fields: { region: 'APAC', plan: 'free' }, base: { region: 'EU', plan: 'pro' } });

    const events = w.notices().map((m) => m.event);
    expect(events).toEqual([
      expect.objectContaining({ field: 'status', lost: { value: 'pending', by: agentDee.id }, kept: { value: 'on_hold', by: agentAlex.id } }),
      expect.objectContaining({ field: 'assigneeId', lost: { value: agentDee.id, by: agentDee.id }, kept: { value: agentAlex.id, by: agentAlex.id } }),
      expect.objectContaining({ field: 'teamId', lost: { value: teamB.id, by: agentDee.id }, kept: { value: teamA.id, by: agentAlex.id } }),
      expect.objectContaining({ field: 'customFields', key: 'region', lost: { value: 'US', by: agentDee.id }, kept: { value: 'APAC', by: agentAlex.id } }),
    ]);
    expect(w.notices().map((m) => m.body.split(':')[0])).toEqual(['Status conflict', 'Assignee conflict', 'Team conflict', 'Field "region" conflict']);
    expect(w.notices()[1]?.body).toContain('Alex Agent set Alex Agent without seeing that Dee had set Dee');
    expect(w.notices()[2]?.body).toContain('set Frontline without seeing that Dee had set Billing');
  });
});

describe('re-applying the value that lost', () => {
  const event = (field: ConflictEvent['field'], lost: ConflictEvent['lost']['value'], key: string | null = null): ConflictEvent => ({
    type: 'conflict',
    field,
    key,
    lost: { value: lost, by: agentDee.id },
    kept: { value: null, by: agentAlex.id },
  });

  it('makes the mutation that sets it again, with what the agent sees now as its base', () => {
    const now = ticket({ status: 'on_hold', priority: 'urgent', assigneeId: agentAlex.id, customFields: { region: 'APAC' } });
    const cases = [
      [event('status', 'pending'), 'ticket.setStatus@1', { status: 'pending', base: 'on_hold' }],
      [event('priority', 'high'), 'ticket.setPriority@1', { priority: 'high', base: 'urgent' }],
      [event('assigneeId', agentDee.id), 'ticket.assign@1', { assigneeId: agentDee.id, base: agentAlex.id }],
      [event('teamId', teamB.id), 'ticket.setTeam@1', { teamId: teamB.id, base: now.teamId }],
      [event('customFields', 'US', 'region'), 'ticket.setCustomFields@1', { fields: { region: 'US' }, base: { region: 'APAC' } }],
    ] as const;
    for (const [e, name, args] of cases) {
      const { mutator, args: made } = reapplication(e, now);
      expect(mutator.name).toBe(name);
      expect(mutator.args.parse(made)).toEqual({ ticketId: now.id, ...args });
    }
  });

  it('is refused, saying why, for a value no mutation can set (no team at all)', () => {
    expect(() => reapplication(event('teamId', null), ticket())).toThrow(new MutationRejected('The ticket had no team then, and a ticket cannot be moved out of every team; pick a team instead.'));
  });

  it('re-applied on the server, it wins without a new notice', async () => {
    const w = world();
    await ticketSetPriority.run(w.dee, { ticketId: TICKET.id, priority: 'high', base: 'normal' });
    await ticketSetPriority.run(w.alex, { ticketId: TICKET.id, priority: 'urgent', base: 'normal' });
    const [notice] = w.notices();
    const { mutator, args } = reapplication(notice?.event as ConflictEvent, w.read('ticket', TICKET.id) as Ticket);
    await mutator.run(w.dee, mutator.args.parse(args));
    expect(w.read('ticket', TICKET.id)?.priority).toBe('high');
    expect(w.notices()).toHaveLength(1);
  });
});

describe('tracked fields', () => {
  it('are the scalar fields and each custom field, compared by value', () => {
    const before = ticket({ customFields: { region: 'EU', tier: 2 } });
    expect(changedFieldPaths(before, { ...before, subject: 'x', tags: ['a'] })).toEqual([]);
    expect(changedFieldPaths(before, { ...before, priority: 'high', assigneeId: agentAlex.id, customFields: { region: 'EU', tier: 3, new: true } })).toEqual([
      'priority',
      'assigneeId',
      'customFields.tier',
      'customFields.new',
    ]);
    expect(changedFieldPaths(before, { ...before, customFields: {} })).toEqual(['customFields.region', 'customFields.tier']);
    expect(changedFieldPaths(undefined, before)).toEqual(['status', 'priority', 'assigneeId', 'teamId', 'customFields.region', 'customFields.tier']);
  });

  it('describe a lost value of nobody and empty values in words', () => {
    const text = describeConflict(
      { type: 'conflict', field: 'assigneeId', key: null, lost: { value: null, by: null }, kept: { value: agentAlex.id, by: agentAlex.id } },
      { agent: () => 'Alex', team: () => 'Team' },
    );
    expect(text).toBe('Assignee conflict: Alex set Alex without seeing that someone else had set Unassigned. Alex is kept (the later change wins); Unassigned can be re-applied.');
  });
});

describe('message events', () => {
  it('read as null on messages written before events existed (old change-log entries, outboxes)', () => {
    const old = { id: TICKET.id, ticketId: TICKET.id, kind: 'reply', authorType: 'contact', authorId: contact.id, body: 'Hi', createdAt: TICKET.createdAt };
    expect(Message.parse(old).event).toBeNull();
  });
});
