import { describe, expect, it } from 'vitest';
import { Message, Ticket } from '../../../shared/model/index.ts';
import { MutationRejected, messageAdd, mutators, ticketAssign, ticketSetStatus } from '../../../shared/mutators/index.ts';
import { agentAlex, agentBea, contact, serverCtx, T0, T1, TEAM_B, ticket } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const MSG_ID = '0195f0a0-0000-7000-8000-0000000000e1';

function world(t = ticket()) {
  return memoryTx(serverCtx, [
    { kind: 'ticket', row: t },
    { kind: 'agent', row: agentAlex },
    { kind: 'agent', row: agentBea },
    { kind: 'contact', row: contact },
  ]);
}

describe('mutator registry', () => {
  it('lists every mutator under a versioned name', () => {
    expect([...mutators.keys()].sort()).toEqual([
      'account.update@1',
      'article.delete@1',
      'article.save@1',
      'contact.update@1',
      'macro.delete@1',
      'macro.save@1',
      'message.add@1',
      'report.delete@1',
      'report.save@1',
      'slaPolicy.save@1',
      'ticket.addTags@1',
      'ticket.assign@1',
      'ticket.create@1',
      'ticket.delete@1',
      'ticket.follow@1',
      'ticket.linkProblem@1',
      'ticket.merge@1',
      'ticket.removeTags@1',
      'ticket.setCustomFields@1',
      'ticket.setPriority@1',
      'ticket.setStatus@1',
      'ticket.setTeam@1',
      'view.delete@1',
      'view.save@1',
    ]);
    for (const name of mutators.keys()) expect(name).toMatch(/^[a-z][A-Za-z]*\.[A-Za-z]+@\d+$/);
  });
});

describe('ticket.setStatus@1', () => {
  it('solves a ticket and stamps solvedAt with the mutation time', async () => {
    const w = world(ticket({ status: 'open' }));
    await ticketSetStatus.run(w.tx, { ticketId: ticket().id, status: 'solved' });
    const t = Ticket.parse(w.read('ticket', ticket().id));
    expect(t).toMatchObject({ status: 'solved', solvedAt: T1, updatedAt: T1 });
  });

  it('reopening clears solvedAt and counts the reopening', async () => {
    const w = world(ticket({ status: 'solved', solvedAt: T0, reopenCount: 1 }));
    await ticketSetStatus.run(w.tx, { ticketId: ticket().id, status: 'open' });
    expect(w.read('ticket', ticket().id)).toMatchObject({ status: 'open', solvedAt: null, reopenCount: 2 });
  });

  it('moving between unsolved statuses, or from solved to closed, is not a reopening', async () => {
    for (const [from, to] of [['open', 'pending'], ['pending', 'on_hold'], ['solved', 'closed']] as const) {
      const w = world(ticket({ status: from, solvedAt: from === 'solved' ? T0 : null }));
      await ticketSetStatus.run(w.tx, { ticketId: ticket().id, status: to });
      expect(w.read('ticket', ticket().id)).toMatchObject({ status: to, reopenCount: 0 });
    }
  });

  it('keeps the original solvedAt when a solved ticket closes', async () => {
    const w = world(ticket({ status: 'solved', solvedAt: T0 }));
    await ticketSetStatus.run(w.tx, { ticketId: ticket().id, status: 'closed' });
    expect(w.read('ticket', ticket().id)).toMatchObject({ status: 'closed', solvedAt: T0 });
  });

  it('refuses a guarded transition with the reason and writes nothing', async () => {
    const w = world(ticket({ status: 'closed' }));
    await expect(ticketSetStatus.run(w.tx, { ticketId: ticket().id, status: 'open' })).rejects.toThrow(MutationRejected);
    expect(w.writes).toEqual([]);
  });

  it('is a no-op when the status does not change, so replays write nothing', async () => {
    const w = world(ticket({ status: 'pending' }));
    await ticketSetStatus.run(w.tx, { ticketId: ticket().id, status: 'pending' });
    expect(w.writes).toEqual([]);
  });

  it('refuses an unknown ticket', async () => {
    const w = world();
    await expect(ticketSetStatus.run(w.tx, { ticketId: MSG_ID, status: 'open' })).rejects.toThrow(/No ticket/);
  });

  it('replays arguments stored before `base` existed', () => {
    expect(ticketSetStatus.args.parse({ ticketId: ticket().id, status: 'open' })).toEqual({ ticketId: ticket().id, status: 'open' });
    expect(ticketAssign.args.parse({ ticketId: ticket().id, assigneeId: null })).toEqual({ ticketId: ticket().id, assigneeId: null });
  });
});

describe('ticket.assign@1', () => {
  it('assigning a new ticket opens it', async () => {
    const w = world();
    await ticketAssign.run(w.tx, { ticketId: ticket().id, assigneeId: agentAlex.id });
    expect(w.read('ticket', ticket().id)).toMatchObject({ assigneeId: agentAlex.id, status: 'open', updatedAt: T1 });
  });

  it("moves the ticket to the assignee's team when they are not in its team", async () => {
    const w = world(ticket({ status: 'open' }));
    await ticketAssign.run(w.tx, { ticketId: ticket().id, assigneeId: agentBea.id });
    expect(w.read('ticket', ticket().id)).toMatchObject({ assigneeId: agentBea.id, teamId: TEAM_B });
  });

  it('unassigns and keeps team and status', async () => {
    const w = world(ticket({ status: 'pending', assigneeId: agentAlex.id }));
    await ticketAssign.run(w.tx, { ticketId: ticket().id, assigneeId: null });
    expect(w.read('ticket', ticket().id)).toMatchObject({ assigneeId: null, status: 'pending', teamId: ticket().teamId });
  });

  it('refuses an unknown agent and a closed ticket', async () => {
    await expect(ticketAssign.run(world().tx, { ticketId: ticket().id, assigneeId: MSG_ID })).rejects.toThrow(/No agent/);
    const closed = world(ticket({ status: 'closed' }));
    await expect(ticketAssign.run(closed.tx, { ticketId: ticket().id, assigneeId: agentAlex.id })).rejects.toThrow(MutationRejected);
  });
});

describe('message.add@1', () => {
  const args = { id: MSG_ID, ticketId: ticket().id, kind: 'reply' as const, body: 'Hi Carla,\nplease try again now.' };

  it('adds a public reply: the message, first response time, and new -> open', async () => {
    const w = world();
    await messageAdd.run(w.tx, args);
    expect(Message.parse(w.read('message', MSG_ID))).toMatchObject({ kind: 'reply', authorType: 'agent', authorId: agentAlex.id, createdAt: T1 });
    expect(w.read('ticket', ticket().id)).toMatchObject({ status: 'open', firstResponseAt: T1, replyCount: 1, updatedAt: T1 });
  });

  it('an internal note does not count as a first response nor change the status', async () => {
    const w = world();
    await messageAdd.run(w.tx, { ...args, kind: 'note' });
    expect(w.read('ticket', ticket().id)).toMatchObject({ status: 'new', firstResponseAt: null, replyCount: 0 });
    expect(w.read('message', MSG_ID)).toMatchObject({ kind: 'note' });
  });

  it('keeps the first first-response time', async () => {
    const w = world(ticket({ status: 'open', firstResponseAt: T0 }));
    await messageAdd.run(w.tx, args);
    expect(w.read('ticket', ticket().id)).toMatchObject({ firstResponseAt: T0 });
  });

  it('is idempotent: a replay of the same message id writes nothing more', async () => {
    const w = world();
    await messageAdd.run(w.tx, args);
    const writes = w.writes.length;
    await messageAdd.run(w.tx, args);
    expect(w.writes.length).toBe(writes);
  });

  it('refuses replies on closed tickets but accepts notes there', async () => {
    const w = world(ticket({ status: 'closed' }));
    await expect(messageAdd.run(w.tx, args)).rejects.toThrow(/closed/);
    await messageAdd.run(w.tx, { ...args, kind: 'note' });
    expect(w.read('message', MSG_ID)).toBeDefined();
  });

  it('validates bodies: empty and oversized are refused with a clear message', () => {
    expect(messageAdd.args.safeParse({ ...args, body: '  \n ' }).error?.issues[0]?.message).toBe('A message cannot be empty.');
    expect(messageAdd.args.safeParse({ ...args, body: 'x'.repeat(100_001) }).error?.issues[0]?.message).toMatch(/at most 100,000 characters/);
    expect(messageAdd.args.safeParse({ ...args, body: 'Grüße 👋🏽 مرحبا \u202e' }).success).toBe(true);
  });
});
