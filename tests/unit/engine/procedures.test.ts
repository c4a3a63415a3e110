import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { procedures } from '../../../shared/ipc/contract.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import { account, agentAlex, article, contact, leadLena, T0, teamA, teamB, ticket } from '../shared/fixtures.ts';
import { signedInReplica, tempFiles, unreachableServerUrl, type Row } from './support.ts';

/** Every procedure of the new mutators, through Engine.invoke on a signed-in replica whose server is out of reach: the optimistic effect shows at once and the change waits in the outbox. */
const newFile = tempFiles();
let engine: Engine;
let signedOut: Engine;
let file: string;
const TICKET = ticket({ status: 'open', customFields: { region: 'EU' } });
const ARTICLE = article({ revision: 2 });

const rows: Row[] = [
  { kind: 'team', row: teamB },
  { kind: 'team', row: teamA },
  { kind: 'agent', row: agentAlex },
  { kind: 'agent', row: leadLena },
  { kind: 'account', row: account },
  { kind: 'contact', row: contact },
  { kind: 'ticket', row: TICKET },
  { kind: 'article', row: ARTICLE },
];

beforeAll(async () => {
  file = newFile();
  await signedInReplica(file, await unreachableServerUrl(), { rows });
  engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
  signedOut = await Engine.open({ dbFile: newFile(), pollIntervalMs: 0 });
});
afterAll(async () => {
  await engine.close();
  await signedOut.close();
});

const call = async (name: string, input?: unknown) => unwrapDeskResult(await engine.invoke(name, input));
const failure = async (name: string, input?: unknown) => {
  const result = await engine.invoke(name, input);
  return result.ok ? null : result.error;
};
const shownTicket = async () => ((await call('ticket.get', { id: TICKET.id })) as { ticket: typeof TICKET }).ticket;

describe('ticket procedures', () => {
  it('set priority, team, tags and custom fields on the replica at once, each one outbox entry', async () => {
    const pendingBefore = (await call('sync.status')) as { pending: number };
    expect(await call('ticket.setPriority', { ticketId: TICKET.id, priority: 'urgent', base: TICKET.priority })).toBeNull();
    expect(await call('ticket.addTags', { ticketId: TICKET.id, tags: ['VIP', 'Billing Issue'] })).toBeNull();
    expect(await call('ticket.removeTags', { ticketId: TICKET.id, tags: ['vip'] })).toBeNull();
    expect(await call('ticket.setCustomFields', { ticketId: TICKET.id, fields: { region: null, tier: 'gold' }, base: { region: 'EU', tier: null } })).toBeNull();
    expect(await call('ticket.setTeam', { ticketId: TICKET.id, teamId: teamB.id, base: TICKET.teamId })).toBeNull();
    expect(await shownTicket()).toMatchObject({ priority: 'urgent', tags: ['billing-issue'], customFields: { tier: 'gold' }, teamId: teamB.id });
    expect(await call('sync.status')).toMatchObject({ pending: pendingBefore.pending + 5 });
  });

  it('create a ticket with ids the engine makes and no number, with its first message', async () => {
    const made = (await call('ticket.create', { subject: 'Walk-in: broken login', requesterId: contact.id, firstMessage: { kind: 'note', body: 'Came by the desk.' } })) as {
      ticketId: string;
      messageId: string;
    };
    const detail = (await call('ticket.get', { id: made.ticketId })) as { ticket: typeof TICKET; messages: { id: string }[]; pendingSync: boolean };
    expect(detail).toMatchObject({ ticket: { number: null, subject: 'Walk-in: broken login', teamId: agentAlex.teamIds[0], channel: 'phone' }, pendingSync: true });
    expect(detail.messages.map((m) => m.id)).toEqual([made.messageId]);
    expect(await call('ticket.create', { subject: 'No message', requesterId: contact.id })).toMatchObject({ messageId: null });
  });

  it('refuse what the rules forbid, with the reason, and keep nothing of it', async () => {
    const before = (await call('sync.status')) as { pending: number };
    expect(await failure('ticket.create', { subject: 'Ghost', requesterId: '0195f0a0-0000-7000-8000-00000000dead' })).toEqual({
      code: 'rejected',
      message: 'No contact with id 0195f0a0-0000-7000-8000-00000000dead.',
    });
    expect(await failure('ticket.addTags', { ticketId: TICKET.id, tags: [] })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Name at least one tag.') });
    expect(await failure('ticket.reapply', { messageId: TICKET.id })).toEqual({ code: 'invalid_input', message: 'This message is not a conflict notice, so there is nothing to re-apply.' });
    expect(await call('sync.status')).toMatchObject({ pending: before.pending });
  });
});

describe('contact, account and article procedures', () => {
  it('patch a contact; an agent may edit an account’s notes, not its plan', async () => {
    expect(await call('contact.update', { contactId: contact.id, patch: { phone: '+1 555 0100' } })).toBeNull();
    expect(await call('account.update', { accountId: account.id, patch: { notes: 'Renews in March.' } })).toBeNull();
    expect(await failure('account.update', { accountId: account.id, patch: { plan: 'free' } })).toEqual({
      code: 'rejected',
      message: "Only a lead or an admin can change an account's plan; agents may edit its notes.",
    });
    const pane = (await call('customer.pane', { ticketId: TICKET.id })) as { contact: { phone: string } };
    expect(pane.contact.phone).toBe('+1 555 0100');
  });

  it('save a new article and an edit of one on its revision; the engine picks the ids', async () => {
    const fresh = (await call('article.save', { baseRevision: 0, title: 'How to export', body: 'Use the menu.', tags: [], product: null, status: 'draft' })) as { articleId: string };
    const edited = (await call('article.save', { id: ARTICLE.id, baseRevision: 2, title: ARTICLE.title, body: 'Edited.', tags: ['access'], product: null, status: 'draft' })) as {
      articleId: string;
    };
    expect(edited.articleId).toBe(ARTICLE.id);
    const replica = await Replica.open(file);
    try {
      expect(replica.store.get('article', fresh.articleId)).toMatchObject({ title: 'How to export', revision: 1, authorId: agentAlex.id });
      expect(replica.store.get('article', ARTICLE.id)).toMatchObject({ body: 'Edited.', revision: 3, createdAt: T0 });
    } finally {
      await replica.close();
    }
  });
});

describe('directory and sync issues', () => {
  it('answer with their contract shapes', async () => {
    const teams = await call('directory.teams');
    expect(procedures['directory.teams'].output.parse(teams).map((t) => t.name)).toEqual([teamA.name, teamB.name].sort());
    expect(procedures['syncIssues.list'].output.parse(await call('syncIssues.list'))).toEqual([]);
    expect(await failure('syncIssues.discard', { id: 999 })).toEqual({ code: 'invalid_input', message: 'This sync issue has already been dealt with.' });
  });

  it('are only for a signed-in agent', async () => {
    for (const [name, input] of [
      ['directory.teams', undefined],
      ['syncIssues.list', undefined],
      ['syncIssues.retry', { id: 1 }],
      ['syncIssues.discard', { id: 1 }],
      ['ticket.setPriority', { ticketId: TICKET.id, priority: 'low' }],
      ['ticket.reapply', { messageId: TICKET.id }],
      ['article.save', { baseRevision: 0, title: 'x', body: '', tags: [], product: null, status: 'draft' }],
    ] as const) {
      const result = await signedOut.invoke(name, input);
      expect(result.ok ? 'ok' : result.error.code, name).toBe('not_signed_in');
    }
  });
});
