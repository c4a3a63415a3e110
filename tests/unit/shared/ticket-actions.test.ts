import { describe, expect, it } from 'vitest';
import { Message, type ChangeEvent } from '../../../shared/model/index.ts';
import {
  MutationRejected,
  ticketAddTags,
  ticketAssign,
  ticketFollow,
  ticketLinkProblem,
  ticketMerge,
  ticketRemoveTags,
  ticketSetCustomFields,
  ticketSetPriority,
  ticketSetStatus,
  ticketSetTeam,
} from '../../../shared/mutators/index.ts';
import { agentAlex, agentBea, as, clientCtx, customerMessage, serverCtx, TEAM_B, ticket, workspaceRows } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const A = ticket({ id: '0195f0a0-0000-7000-8000-0000000001a1', number: 12, status: 'open', tags: ['billing'], followerIds: [agentBea.id], replyCount: 2 });
const B = ticket({ id: '0195f0a0-0000-7000-8000-0000000001b1', number: 34, status: 'pending', tags: ['vip', 'billing'], replyCount: 1 });
const C = ticket({ id: '0195f0a0-0000-7000-8000-0000000001c1', number: 56, status: 'new' });
const msgA = customerMessage({ id: '0195f0a0-0000-7000-8000-0000000002a1', ticketId: A.id, body: 'first on A' });
const msgC = customerMessage({ id: '0195f0a0-0000-7000-8000-0000000002c1', ticketId: C.id, body: 'first on C' });

function world(ctx = serverCtx, tickets = [A, B, C]) {
  const w = memoryTx(ctx, [...workspaceRows, ...tickets.map((row) => ({ kind: 'ticket' as const, row })), { kind: 'message', row: msgA }, { kind: 'message', row: msgC }]);
  const events = (ticketId: string) =>
    w
      .all('message')
      .map((m) => Message.parse(m))
      .filter((m) => m.ticketId === ticketId && m.kind === 'event');
  return { ...w, events };
}

describe('ticket.follow@1', () => {
  it('adds and removes the actor as a set; a repeat writes nothing', async () => {
    const w = world(clientCtx);
    await ticketFollow.run(w.tx, { ticketId: A.id, follow: true });
    expect(w.read('ticket', A.id)?.followerIds).toEqual([agentBea.id, agentAlex.id]);
    const writes = w.writes.length;
    await ticketFollow.run(w.tx, { ticketId: A.id, follow: true });
    expect(w.writes).toHaveLength(writes);
    await ticketFollow.run(w.tx, { ticketId: A.id, follow: false });
    expect(w.read('ticket', A.id)?.followerIds).toEqual([agentBea.id]);
    // The client never writes activity events: the server does.
    expect(w.events(A.id)).toEqual([]);
  });

  it('on the server, the timeline says who started following', async () => {
    const w = world();
    await ticketFollow.run(w.tx, { ticketId: B.id, follow: true });
    const [event] = w.events(B.id);
    expect(event).toMatchObject({ authorType: 'agent', authorId: agentAlex.id, body: 'Alex Agent started following', event: { type: 'change', field: 'followers', added: [agentAlex.id] } });
  });
});

describe('ticket.merge@1', () => {
  it('moves the sources’ messages, closes them pointing to the survivor, unions tags and followers', async () => {
    const w = world(clientCtx);
    await ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [A.id, C.id], targetId: B.id }));
    expect(w.read('message', msgA.id)?.ticketId).toBe(B.id);
    expect(w.read('message', msgC.id)?.ticketId).toBe(B.id);
    for (const id of [A.id, C.id]) expect(w.read('ticket', id)).toMatchObject({ status: 'closed', mergedIntoId: B.id, solvedAt: clientCtx.now });
    // The survivor holds the sources' replies, so it counts them (C had none).
    expect(w.read('ticket', B.id)).toMatchObject({ status: 'pending', tags: ['vip', 'billing'], followerIds: [agentBea.id], replyCount: 3 });
    expect(w.events(B.id)).toEqual([]);
  });

  it('replayed, changes nothing more (idempotent under rebase)', async () => {
    const w = world(clientCtx);
    const args = ticketMerge.args.parse({ sourceIds: [A.id], targetId: B.id });
    await ticketMerge.run(w.tx, args);
    const writes = w.writes.length;
    await ticketMerge.run(w.tx, args);
    expect(w.writes).toHaveLength(writes);
  });

  it('on the server writes the event on both sides, after the moved thread', async () => {
    const w = world();
    await ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [A.id], targetId: B.id }));
    expect(w.events(A.id).map((m) => m.body)).toEqual(['Merged #12 into #34']);
    expect(w.events(B.id).map((m) => m.body)).toEqual(['#12 was merged into this ticket']);
    expect(w.events(B.id)[0]?.event).toEqual({ type: 'merge', side: 'target', sourceId: A.id, targetId: B.id, sourceNumber: 12, targetNumber: 34 });
  });

  it('refuses a ticket into itself, a closed target or source, and an already merged ticket', async () => {
    const w = world(serverCtx, [A, B, C, ticket({ id: '0195f0a0-0000-7000-8000-0000000001d1', number: 78, status: 'closed' })]);
    await expect(ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [A.id, B.id], targetId: B.id }))).rejects.toThrow(new MutationRejected('A ticket cannot be merged into itself.'));
    await expect(ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [A.id], targetId: '0195f0a0-0000-7000-8000-0000000001d1' }))).rejects.toThrow(/#78 is closed/);
    await expect(ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: ['0195f0a0-0000-7000-8000-0000000001d1'], targetId: A.id }))).rejects.toThrow(/#78 is closed/);
    await ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [A.id], targetId: B.id }));
    // A cycle: the survivor back into its merged ticket.
    await expect(ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [B.id], targetId: A.id }))).rejects.toThrow(/merged into another ticket/);
    await expect(ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [A.id], targetId: C.id }))).rejects.toThrow(/already merged/);
  });

  it('hands a merged problem’s incidents to the survivor; a survivor that was its incident stops being one', async () => {
    const X = ticket({ id: '0195f0a0-0000-7000-8000-0000000001e1', number: 90, status: 'open', problemId: A.id });
    const w = world(clientCtx, [A, { ...B, problemId: A.id }, C, X]);
    await ticketMerge.run(w.tx, ticketMerge.args.parse({ sourceIds: [A.id], targetId: B.id }));
    expect(w.read('ticket', X.id)?.problemId).toBe(B.id);
    expect(w.read('ticket', B.id)?.problemId).toBeNull();
  });

  it('takes 1 to 20 sources', () => {
    expect(ticketMerge.args.safeParse({ sourceIds: [], targetId: B.id }).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => `0195f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`);
    expect(ticketMerge.args.safeParse({ sourceIds: many, targetId: B.id }).success).toBe(false);
  });
});

describe('ticket.linkProblem@1', () => {
  it('links and unlinks an incident, with events on the incident and the problem', async () => {
    const w = world();
    await ticketLinkProblem.run(w.tx, { ticketId: A.id, problemId: B.id });
    expect(w.read('ticket', A.id)?.problemId).toBe(B.id);
    expect(w.events(A.id).map((m) => m.body)).toEqual(['Alex Agent linked this ticket as an incident of problem #34']);
    expect(w.events(B.id).map((m) => m.body)).toEqual(['Alex Agent linked #12 as an incident of this problem']);
    await ticketLinkProblem.run(w.tx, { ticketId: A.id, problemId: null });
    expect(w.read('ticket', A.id)?.problemId).toBeNull();
    expect(w.events(B.id).map((m) => m.body)).toContain('Alex Agent unlinked incident #12 from this problem');
  });

  it('refuses a self link, a problem that is an incident, and an incident of a ticket that has incidents', async () => {
    const w = world();
    await expect(ticketLinkProblem.run(w.tx, { ticketId: A.id, problemId: A.id })).rejects.toThrow(/itself/);
    await ticketLinkProblem.run(w.tx, { ticketId: A.id, problemId: B.id });
    await expect(ticketLinkProblem.run(w.tx, { ticketId: C.id, problemId: A.id })).rejects.toThrow(/#12 is itself an incident/);
    await expect(ticketLinkProblem.run(w.tx, { ticketId: B.id, problemId: C.id })).rejects.toThrow(/problem with incidents/);
  });
});

describe('the activity timeline (server side)', () => {
  const changes = (w: ReturnType<typeof world>, id: string) => w.events(id).map((m) => [m.body, (m.event as ChangeEvent).field]);

  it('records every field change with the actor as author, and nothing for a change that changes nothing', async () => {
    const w = world();
    await ticketSetStatus.run(w.tx, { ticketId: A.id, status: 'pending' });
    await ticketSetStatus.run(w.tx, { ticketId: A.id, status: 'pending' });
    await ticketSetPriority.run(w.tx, { ticketId: A.id, priority: 'urgent' });
    await ticketAssign.run(w.tx, { ticketId: A.id, assigneeId: agentAlex.id });
    await ticketSetTeam.run(w.tx, { ticketId: A.id, teamId: TEAM_B });
    await ticketAddTags.run(w.tx, ticketAddTags.args.parse({ ticketId: A.id, tags: ['vip', 'billing'] }));
    await ticketRemoveTags.run(w.tx, ticketRemoveTags.args.parse({ ticketId: A.id, tags: ['billing', 'nope'] }));
    await ticketSetCustomFields.run(w.tx, ticketSetCustomFields.args.parse({ ticketId: A.id, fields: { region: 'EU' } }));
    expect(changes(w, A.id)).toEqual([
      ['Alex Agent changed status: Open → Pending', 'status'],
      ['Alex Agent changed priority: Normal → Urgent', 'priority'],
      ['Alex Agent changed assignee: Unassigned → Alex Agent', 'assigneeId'],
      ['Alex Agent changed team: Frontline → Billing', 'teamId'],
      ['Alex Agent changed assignee: Alex Agent → Unassigned', 'assigneeId'],
      ['Alex Agent added tags vip', 'tags'],
      ['Alex Agent removed tags billing', 'tags'],
      ['Alex Agent changed field "region": (empty) → EU', 'customFields'],
    ]);
    expect(w.events(A.id).every((m) => m.authorId === agentAlex.id && m.authorType === 'agent')).toBe(true);
  });

  it('names the actor who made the change', async () => {
    const w = world(as(agentBea));
    await ticketSetPriority.run(w.tx, { ticketId: C.id, priority: 'low' });
    expect(w.events(C.id).map((m) => [m.body, m.authorId])).toEqual([['Bea changed priority: Normal → Low', agentBea.id]]);
  });
});
