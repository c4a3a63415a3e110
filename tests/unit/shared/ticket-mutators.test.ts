import { describe, expect, it } from 'vitest';
import { Ticket, type Contact } from '../../../shared/model/index.ts';
import {
  MutationRejected,
  ticketAddTags,
  ticketCreate,
  ticketRemoveTags,
  ticketSetCustomFields,
  ticketSetPriority,
  ticketSetTeam,
} from '../../../shared/mutators/index.ts';
import { normaliseTag } from '../../../shared/rules/tags.ts';
import { account, agentAlex, agentBea, clientCtx, contact, serverCtx, T1, TEAM_A, TEAM_B, ticket, workspaceRows } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const ID = ticket().id;
const NEW_ID = '0195f0a0-0000-7000-8000-0000000000f9';
const MSG_ID = '0195f0a0-0000-7000-8000-0000000000e9';

const requester: Contact = { ...contact, accountId: account.id };

function world(t = ticket({ status: 'open' }), ctx = serverCtx) {
  return memoryTx(ctx, [...workspaceRows, { kind: 'contact', row: requester }, { kind: 'ticket', row: t }]);
}

/** Every field mutator refuses a closed ticket and writes nothing: a closed ticket is final. */
const onClosed = [
  [ticketSetPriority, { ticketId: ID, priority: 'high' }],
  [ticketSetTeam, { ticketId: ID, teamId: TEAM_B }],
  [ticketAddTags, { ticketId: ID, tags: ['x'] }],
  [ticketRemoveTags, { ticketId: ID, tags: ['x'] }],
  [ticketSetCustomFields, { ticketId: ID, fields: { region: 'EU' } }],
] as const;

describe('ticket field mutators on a closed ticket', () => {
  it.each(onClosed)('%s is refused with the reason', async (mutator, args) => {
    const w = world(ticket({ status: 'closed', tags: ['x'] }));
    await expect(mutator.run(w.tx, mutator.args.parse(args) as never)).rejects.toThrow(new MutationRejected('A closed ticket cannot be changed; create a follow-up ticket instead.'));
    expect(w.writes).toEqual([]);
  });
});

describe('ticket.setPriority@1', () => {
  it('sets the priority and the update time; the same priority again writes nothing', async () => {
    const w = world();
    await ticketSetPriority.run(w.tx, { ticketId: ID, priority: 'urgent' });
    expect(w.read('ticket', ID)).toMatchObject({ priority: 'urgent', updatedAt: T1 });
    const writes = w.writes.length;
    await ticketSetPriority.run(w.tx, { ticketId: ID, priority: 'urgent' });
    expect(w.writes).toHaveLength(writes);
  });

  it('refuses an unknown priority by its schema', () => {
    expect(ticketSetPriority.args.safeParse({ ticketId: ID, priority: 'whenever' }).success).toBe(false);
  });
});

describe('ticket.setTeam@1', () => {
  it('moves the ticket and lets go of an assignee who is not in the new team', async () => {
    const w = world(ticket({ status: 'open', assigneeId: agentAlex.id }));
    await ticketSetTeam.run(w.tx, { ticketId: ID, teamId: TEAM_B });
    expect(w.read('ticket', ID)).toMatchObject({ teamId: TEAM_B, assigneeId: null, updatedAt: T1 });
  });

  it('keeps an assignee who belongs to the new team', async () => {
    const w = world(ticket({ status: 'open', teamId: TEAM_A, assigneeId: agentBea.id }));
    await ticketSetTeam.run(w.tx, { ticketId: ID, teamId: TEAM_B });
    expect(w.read('ticket', ID)).toMatchObject({ teamId: TEAM_B, assigneeId: agentBea.id });
  });

  it('refuses a team that does not exist', async () => {
    await expect(ticketSetTeam.run(world().tx, { ticketId: ID, teamId: NEW_ID })).rejects.toThrow(/No team/);
  });
});

describe('ticket.addTags@1 and ticket.removeTags@1', () => {
  it('normalise tags: trimmed, lower case, spaces as hyphens, duplicates dropped', () => {
    expect(normaliseTag('  VIP   Customer ')).toBe('vip-customer');
    expect(ticketAddTags.args.parse({ ticketId: ID, tags: ['VIP', ' vip', 'Billing Issue'] }).tags).toEqual(['vip', 'billing-issue']);
    expect(ticketAddTags.args.safeParse({ ticketId: ID, tags: ['  '] }).error?.issues[0]?.message).toBe('A tag cannot be empty.');
    expect(ticketAddTags.args.safeParse({ ticketId: ID, tags: [] }).error?.issues[0]?.message).toBe('Name at least one tag.');
  });

  it('add as a set: only new tags join, in order; adding them again writes nothing', async () => {
    const w = world(ticket({ status: 'open', tags: ['billing'] }));
    await ticketAddTags.run(w.tx, ticketAddTags.args.parse({ ticketId: ID, tags: ['VIP', 'billing'] }));
    expect(w.read('ticket', ID)).toMatchObject({ tags: ['billing', 'vip'], updatedAt: T1 });
    const writes = w.writes.length;
    await ticketAddTags.run(w.tx, { ticketId: ID, tags: ['vip'] });
    expect(w.writes).toHaveLength(writes);
  });

  it('remove as a set: removing a tag that is not there writes nothing', async () => {
    const w = world(ticket({ status: 'open', tags: ['billing', 'vip'] }));
    await ticketRemoveTags.run(w.tx, { ticketId: ID, tags: ['vip', 'never-there'] });
    expect(w.read('ticket', ID)?.tags).toEqual(['billing']);
    const writes = w.writes.length;
    await ticketRemoveTags.run(w.tx, { ticketId: ID, tags: ['vip'] });
    expect(w.writes).toHaveLength(writes);
  });

  it('concurrent additions and removals of different tags merge, in any order', async () => {
    const orders = [
      [ticketAddTags, ticketRemoveTags],
      [ticketRemoveTags, ticketAddTags],
    ] as const;
    for (const [first, second] of orders) {
      const w = world(ticket({ status: 'open', tags: ['a', 'b'] }));
      await first.run(w.tx, { ticketId: ID, tags: first === ticketAddTags ? ['c'] : ['a'] });
      await second.run(w.tx, { ticketId: ID, tags: second === ticketAddTags ? ['c'] : ['a'] });
      expect(w.read('ticket', ID)?.tags).toEqual(['b', 'c']);
    }
  });

  it('refuses to go beyond 50 tags, saying why', async () => {
    const w = world(ticket({ status: 'open', tags: Array.from({ length: 50 }, (_, i) => `t${i}`) }));
    await expect(ticketAddTags.run(w.tx, { ticketId: ID, tags: ['one-more'] })).rejects.toThrow(/at most 50 tags/);
  });
});

describe('ticket.setCustomFields@1', () => {
  it('merges key by key; null removes a field; unnamed fields stay', async () => {
    const w = world(ticket({ status: 'open', customFields: { region: 'EU', tier: 2, old: 'x' } }));
    await ticketSetCustomFields.run(w.tx, { ticketId: ID, fields: { tier: 3, old: null, beta: true } });
    expect(w.read('ticket', ID)).toMatchObject({ customFields: { region: 'EU', tier: 3, beta: true }, updatedAt: T1 });
  });

  it('writes nothing when every value is already so', async () => {
    const w = world(ticket({ status: 'open', customFields: { region: 'EU' } }));
    await ticketSetCustomFields.run(w.tx, { ticketId: ID, fields: { region: 'EU', gone: null } });
    expect(w.writes).toEqual([]);
  });

  it('refuses no fields, blank names and values that are not scalars', () => {
    const issue = (fields: unknown) => ticketSetCustomFields.args.safeParse({ ticketId: ID, fields }).error?.issues[0]?.message;
    expect(issue({})).toBe('Name at least one field.');
    expect(issue({ ' ': 1 })).toBe('A custom field needs a name of at most 100 characters.');
    expect(issue({ region: { nested: true } })).toBeDefined();
  });
});

describe('ticket.create@1', () => {
  const args = { id: NEW_ID, subject: '  Printer on fire ', requesterId: contact.id };

  it('makes a numberless ticket in the creator’s first team, for the requester’s account', async () => {
    const w = world();
    await ticketCreate.run(w.tx, ticketCreate.args.parse(args));
    const made = Ticket.parse(w.read('ticket', NEW_ID));
    expect(made).toMatchObject({
      number: null,
      subject: 'Printer on fire',
      status: 'new',
      priority: 'normal',
      channel: 'phone',
      requesterId: contact.id,
      accountId: account.id,
      teamId: TEAM_A,
      assigneeId: null,
      tags: [],
      customFields: {},
      createdAt: T1,
      updatedAt: T1,
    });
  });

  it('with an assignee it is open and in their team; with a first reply it counts as answered', async () => {
    const w = world();
    const parsed = ticketCreate.args.parse({
      ...args,
      assigneeId: agentBea.id,
      tags: ['Hardware'],
      customFields: { region: 'EU', empty: null },
      firstMessage: { id: MSG_ID, kind: 'reply', body: 'We are sending a technician.' },
    });
    await ticketCreate.run(w.tx, parsed);
    expect(w.read('ticket', NEW_ID)).toMatchObject({ status: 'open', teamId: TEAM_B, assigneeId: agentBea.id, tags: ['hardware'], customFields: { region: 'EU' }, firstResponseAt: T1 });
    expect(w.read('message', MSG_ID)).toMatchObject({ ticketId: NEW_ID, kind: 'reply', authorId: agentAlex.id, body: 'We are sending a technician.', event: null });
  });

  it('refuses an unknown requester or team, and a blank subject', async () => {
    await expect(ticketCreate.run(world().tx, ticketCreate.args.parse({ ...args, requesterId: NEW_ID }))).rejects.toThrow(/No contact/);
    await expect(ticketCreate.run(world().tx, ticketCreate.args.parse({ ...args, teamId: NEW_ID }))).rejects.toThrow(/No team/);
    expect(ticketCreate.args.safeParse({ ...args, subject: '   ' }).error?.issues[0]?.message).toBe('A ticket needs a subject.');
  });

  it('a replay on the client meets its ticket and changes nothing; on the server a taken id is refused', async () => {
    const client = world(ticket({ id: NEW_ID, subject: 'Already here' }), clientCtx);
    await ticketCreate.run(client.tx, ticketCreate.args.parse(args));
    expect(client.writes).toEqual([]);
    const server = world(ticket({ id: NEW_ID }));
    await expect(ticketCreate.run(server.tx, ticketCreate.args.parse(args))).rejects.toThrow(/already exists/);
  });
});
