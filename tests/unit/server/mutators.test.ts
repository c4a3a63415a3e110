import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import { Message, type Ticket } from '../../../shared/model/index.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { fromRow } from '../../../server/store/rows.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, mutation, post, readStore, signIn, ticketsOf } from './api.ts';

type SignedIn = Awaited<ReturnType<typeof signIn>>;

let server: TestServer;
let alex: SignedIn;
let priya: SignedIn;
let lena: SignedIn;
let teamTickets: Ticket[];

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05 } });
  [alex, priya, lena] = await Promise.all([signIn(server.url, DEMO_AGENT_EMAIL), signIn(server.url, 'priya@orbit.demo'), signIn(server.url, DEMO_LEAD_EMAIL)]);
  const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
  teamTickets = await ticketsOf(server.location, (t) => t.teamId === team);
});
afterAll(async () => {
  await server.close();
});

/** Each test takes tickets of its own from the shared workspace. */
function takeTicket(where: (t: Ticket) => boolean): Ticket {
  const found = teamTickets.find(where);
  if (!found) throw new Error('no such ticket left in the demo team');
  teamTickets = teamTickets.filter((t) => t !== found);
  return found;
}

/** A workstation of an agent: its own client id and counter. */
function client(who: SignedIn) {
  const clientId = newId();
  let next = 1;
  return {
    clientId,
    push: async (...mutations: { name: string; args: unknown }[]) =>
      (await post(server.url, routes.push, { clientId, mutations: mutations.map((m) => mutation(next++, m.name, m.args)) }, who.token)).body,
    cursor: async (): Promise<Cursor> => (await post(server.url, routes.bootstrap, { clientId }, who.token)).body.cursor,
    pull: async (cursor: Cursor): Promise<Change[]> => (await post(server.url, routes.pull, { clientId, cursor }, who.token)).body.changes,
  };
}

const ticketOnServer = async (id: string) => fromRow('ticket', await readStore(server.location, (db) => db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
const eventsOnServer = async (ticketId: string) =>
  (await readStore(server.location, (db) => db.selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).where('kind', '=', 'event').execute()))
    .map((r) => fromRow('message', r))
    .filter((m) => m.event?.type === 'conflict');
const threadOnServer = async (ticketId: string) =>
  (await readStore(server.location, (db) => db.selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute())).map((r) => ({
    ...fromRow('message', r),
    scope: r.scope,
  }));
const articleOnServer = async (id: string) => {
  const row = await readStore(server.location, (db) => db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst());
  return row && fromRow('article', row);
};

describe('conflict notices', () => {
  it('are written once on the server and reach both agents through pull', async () => {
    const ticket = takeTicket((t) => t.status !== 'closed' && t.priority !== 'high' && t.priority !== 'urgent');
    const [a, p] = [client(alex), client(priya)];
    const [aFrom, pFrom] = [await a.cursor(), await p.cursor()];

    // Both saw the same priority. Priya's change commits first; Alex's, made without seeing it, second.
    const priyas = { name: 'ticket.setPriority@1', args: { ticketId: ticket.id, priority: 'high', base: ticket.priority } };
    const alexs = { name: 'ticket.setPriority@1', args: { ticketId: ticket.id, priority: 'urgent', base: ticket.priority } };
    expect((await p.push(priyas)).results).toEqual([{ id: 1, status: 'applied' }]);
    expect((await a.push(alexs)).results).toEqual([{ id: 1, status: 'applied' }]);
    // A resend of Alex's mutation (its answer lost) runs nothing again.
    expect((await post(server.url, routes.push, { clientId: a.clientId, mutations: [mutation(1, alexs.name, alexs.args)] }, alex.token)).body.results).toEqual([
      { id: 1, status: 'duplicate' },
    ]);

    expect((await ticketOnServer(ticket.id)).priority).toBe('urgent');
    const [notice, ...others] = await eventsOnServer(ticket.id);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'event',
      authorType: 'system',
      event: { type: 'conflict', field: 'priority', lost: { value: 'high', by: priya.agentId }, kept: { value: 'urgent', by: alex.agentId } },
    });
    expect(notice?.body).toBe(
      'Priority conflict: Alex Morgan set Urgent without seeing that Priya Raman had set High. Urgent is kept (the later change wins); High can be re-applied.',
    );

    for (const [who, from] of [
      [a, aFrom],
      [p, pFrom],
    ] as const) {
      const changes = await who.pull(from);
      const notices = changes.filter((c) => c.kind === 'message' && c.id === notice?.id);
      expect(notices).toHaveLength(1);
      expect(Message.parse(notices[0]?.data)).toEqual(notice);
      expect(changes.filter((c) => c.kind === 'ticket' && c.id === ticket.id).at(-1)?.data).toMatchObject({ priority: 'urgent' });
    }

    // Priya re-applies on what she now sees: her value wins, and that is no new conflict.
    expect((await p.push({ name: 'ticket.setPriority@1', args: { ticketId: ticket.id, priority: 'high', base: 'urgent' } })).results).toEqual([
      { id: 2, status: 'applied' },
    ]);
    expect((await ticketOnServer(ticket.id)).priority).toBe('high');
    expect(await eventsOnServer(ticket.id)).toHaveLength(1);
  });

  it('name whose custom field value was overwritten, field by field', async () => {
    const ticket = takeTicket((t) => t.status !== 'closed' && typeof t.customFields.region === 'string');
    const region = ticket.customFields.region;
    await client(priya).push({ name: 'ticket.setCustomFields@1', args: { ticketId: ticket.id, fields: { region: 'Mars' }, base: { region } } });
    await client(alex).push({ name: 'ticket.setCustomFields@1', args: { ticketId: ticket.id, fields: { region: 'Venus', tier: 'gold' }, base: { region, tier: null } } });
    expect((await ticketOnServer(ticket.id)).customFields).toMatchObject({ region: 'Venus', tier: 'gold' });
    expect((await eventsOnServer(ticket.id)).map((m) => m.event)).toEqual([
      { type: 'conflict', field: 'customFields', key: 'region', lost: { value: 'Mars', by: priya.agentId }, kept: { value: 'Venus', by: alex.agentId } },
    ]);
  });
});

describe('ticket actions', () => {
  it('a merge moves the thread to the survivor (scopes and all), closes the source and writes both events once', async () => {
    const source = takeTicket((t) => t.status !== 'closed' && t.mergedIntoId === null && t.problemId === null);
    const target = takeTicket((t) => t.status !== 'closed' && t.mergedIntoId === null && t.assigneeId !== source.assigneeId);
    const moved = await threadOnServer(source.id);
    expect(moved.length).toBeGreaterThan(0);
    const a = client(alex);
    const from = await a.cursor();
    expect((await a.push({ name: 'ticket.merge@1', args: { sourceIds: [source.id], targetId: target.id } })).results).toEqual([{ id: 1, status: 'applied' }]);

    expect(await ticketOnServer(source.id)).toMatchObject({ status: 'closed', mergedIntoId: target.id });
    const after = await threadOnServer(target.id);
    const targetScope = after.find((m) => m.event?.type === 'merge')?.scope;
    for (const m of moved) expect(after.find((x) => x.id === m.id)).toMatchObject({ ticketId: target.id, body: m.body, scope: targetScope });
    expect((await threadOnServer(source.id)).map((m) => m.body)).toEqual([`Merged #${source.number} into #${target.number}`]);
    expect(after.filter((m) => m.event?.type === 'merge').map((m) => [m.body, m.authorId])).toEqual([[`#${source.number} was merged into this ticket`, alex.agentId]]);

    // Replicas hear of each moved message with its new ticket; the scopes it left (the source's assignee) are named.
    const changes = await a.pull(from);
    for (const m of moved) expect(changes.filter((c) => c.kind === 'message' && c.id === m.id).at(-1)?.data).toMatchObject({ ticketId: target.id });

    // A cycle, and a merge into a closed ticket, are refused.
    expect((await a.push({ name: 'ticket.merge@1', args: { sourceIds: [target.id], targetId: source.id } })).results).toEqual([
      { id: 2, status: 'rejected', error: expect.stringMatching(/merged into another ticket/) },
    ]);
  });

  it('field changes land in the timeline as events authored by the agent, once', async () => {
    const ticket = takeTicket((t) => t.status === 'open' && t.priority !== 'urgent');
    const a = client(alex);
    await a.push(
      { name: 'ticket.setPriority@1', args: { ticketId: ticket.id, priority: 'urgent', base: ticket.priority } },
      { name: 'ticket.setStatus@1', args: { ticketId: ticket.id, status: 'pending', base: 'open' } },
      { name: 'ticket.follow@1', args: { ticketId: ticket.id, follow: true } },
    );
    const events = (await threadOnServer(ticket.id)).filter((m) => m.event?.type === 'change');
    expect(events.map((m) => [m.event?.type === 'change' && m.event.field, m.authorType, m.authorId])).toEqual([
      ['priority', 'agent', alex.agentId],
      ['status', 'agent', alex.agentId],
      ['followers', 'agent', alex.agentId],
    ]);
    expect(events[1]?.body).toBe('Alex Morgan changed status: Open → Pending');
  });

  it('an agent handing a ticket to another team (so losing sight of it) still gets the change and its events', async () => {
    const ticket = takeTicket((t) => t.status !== 'closed' && t.status !== 'new' && t.assigneeId !== null && t.assigneeId !== alex.agentId);
    const sofia = await agentByEmail(server.location, 'sofia@orbit.demo');
    expect((await client(alex).push({ name: 'ticket.assign@1', args: { ticketId: ticket.id, assigneeId: sofia.id, base: ticket.assigneeId } })).results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await ticketOnServer(ticket.id)).toMatchObject({ assigneeId: sofia.id, teamId: sofia.teamIds[0] });
    const events = (await threadOnServer(ticket.id)).filter((m) => m.event?.type === 'change');
    expect(events.map((m) => m.event?.type === 'change' && m.event.field)).toEqual(['assigneeId', 'teamId']);
    expect(new Set(events.map((m) => m.scope))).toEqual(new Set([`team:${sofia.teamIds[0]}`]));
  });

  it('a ticket with incidents cannot become an incident; a problem cannot be an incident', async () => {
    const [problem, incident, other] = [0, 1, 2].map(() => takeTicket((t) => t.status !== 'closed' && t.problemId === null && t.mergedIntoId === null));
    const a = client(alex);
    const link = (ticketId: string, problemId: string | null) => ({ name: 'ticket.linkProblem@1', args: { ticketId, problemId } });
    const { results } = await a.push(link(incident!.id, problem!.id), link(problem!.id, other!.id), link(other!.id, incident!.id));
    expect(results).toEqual([
      { id: 1, status: 'applied' },
      { id: 2, status: 'rejected', error: 'This ticket is a problem with incidents of its own, so it cannot be an incident.' },
      { id: 3, status: 'rejected', error: expect.stringMatching(/is itself an incident/) },
    ]);
    expect((await ticketOnServer(incident!.id)).problemId).toBe(problem!.id);
  });
});

describe('ticket.create', () => {
  it('gets the next number from the server, keeps the client’s id, and its first message', async () => {
    const requester = takeTicket(() => true).requesterId;
    const last = await readStore(server.location, (db) => db.selectFrom('workspace').select('last_ticket_number').executeTakeFirstOrThrow());
    const [id, messageId] = [newId(), newId()];
    const p = client(priya);
    const from = await p.cursor();
    const answer = await client(alex).push({
      name: 'ticket.create@1',
      args: { id, subject: 'Phone: cannot log in', requesterId: requester, tags: ['Login'], firstMessage: { id: messageId, kind: 'note', body: 'Called at 9:05.' } },
    });
    expect(answer.results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await ticketOnServer(id)).toMatchObject({ number: last.last_ticket_number + 1, subject: 'Phone: cannot log in', status: 'new', tags: ['login'], channel: 'phone' });
    // A teammate's replica gets the numbered ticket and its note.
    const changes = await p.pull(from);
    expect(changes.filter((c) => c.id === id).at(-1)?.data).toMatchObject({ number: last.last_ticket_number + 1 });
    expect(changes.find((c) => c.id === messageId)?.data).toMatchObject({ body: 'Called at 9:05.', kind: 'note' });
  });

  it('refuses an unknown requester, recorded with its reason', async () => {
    const a = client(alex);
    const answer = await a.push({ name: 'ticket.create@1', args: { id: newId(), subject: 'Ghost', requesterId: newId() } });
    expect(answer.results).toEqual([{ id: 1, status: 'rejected', error: expect.stringMatching(/^No contact with id/) }]);
    expect(await readStore(server.location, (db) => db.selectFrom('rejected_mutations').select(['name', 'reason']).where('client_id', '=', a.clientId).execute())).toEqual([
      { name: 'ticket.create@1', reason: expect.stringMatching(/^No contact/) },
    ]);
  });
});

describe('article.save', () => {
  it('edits on the current revision; a concurrent edit on the same revision becomes a draft fork both agents pull', async () => {
    const [a, p] = [client(alex), client(priya)];
    const id = newId();
    const save = (body: string, baseRevision: number, forkId = newId()) => ({
      name: 'article.save@1',
      args: { id, forkId, baseRevision, title: 'Exporting invoices', body, tags: ['Billing'], product: null, status: 'draft' },
    });
    expect((await a.push(save('First draft', 0))).results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await articleOnServer(id)).toMatchObject({ revision: 1, authorId: alex.agentId, tags: ['billing'] });
    const from = await a.cursor();

    // Both open revision 1; Alex saves first.
    const [alexFork, priyaFork] = [newId(), newId()];
    expect((await a.push(save('Alex’s version', 1, alexFork))).results).toEqual([{ id: 2, status: 'applied' }]);
    expect((await p.push(save('Priya’s version', 1, priyaFork))).results).toEqual([{ id: 1, status: 'applied' }]);

    expect(await articleOnServer(id)).toMatchObject({ body: 'Alex’s version', revision: 2, authorId: alex.agentId });
    expect(await articleOnServer(alexFork)).toBeUndefined();
    expect(await articleOnServer(priyaFork)).toMatchObject({
      title: 'Exporting invoices (conflicting copy by Priya Raman)',
      body: 'Priya’s version',
      status: 'draft',
      revision: 1,
      authorId: priya.agentId,
    });
    expect((await a.pull(from)).filter((c) => c.kind === 'article').map((c) => c.id)).toEqual([id, priyaFork]);
  });
});

describe('role rules and guarded transitions', () => {
  it('refuse with a reason an agent can read, and record it; a lead may', async () => {
    const account = await readStore(server.location, (db) => db.selectFrom('accounts').select(['id', 'plan']).executeTakeFirstOrThrow());
    const closed = takeTicket((t) => t.status === 'closed');
    const a = client(alex);
    const answer = await a.push(
      { name: 'account.update@1', args: { accountId: account.id, patch: { plan: 'free' } } },
      { name: 'account.update@1', args: { accountId: account.id, patch: { notes: 'Renewal in March.' } } },
      { name: 'ticket.setPriority@1', args: { ticketId: closed.id, priority: 'urgent' } },
      { name: 'ticket.setStatus@1', args: { ticketId: closed.id, status: 'open' } },
      {
        name: 'article.save@1',
        args: { id: newId(), forkId: newId(), baseRevision: 0, title: 'New', body: '', tags: [], product: null, status: 'published' },
      },
    );
    expect(answer.results).toEqual([
      { id: 1, status: 'rejected', error: "Only a lead or an admin can change an account's plan; agents may edit its notes." },
      { id: 2, status: 'applied' },
      { id: 3, status: 'rejected', error: 'A closed ticket cannot be changed; create a follow-up ticket instead.' },
      { id: 4, status: 'rejected', error: 'A closed ticket cannot change status; create a follow-up ticket instead.' },
      { id: 5, status: 'rejected', error: 'Only a lead or an admin can publish an article; save it as a draft instead.' },
    ]);
    const recorded = await readStore(server.location, (db) => db.selectFrom('rejected_mutations').select('mutation_id').where('client_id', '=', a.clientId).orderBy('mutation_id').execute());
    expect(recorded.map((r) => r.mutation_id)).toEqual([1, 3, 4, 5]);
    expect((await ticketOnServer(closed.id)).priority).toBe(closed.priority);

    expect((await client(lena).push({ name: 'account.update@1', args: { accountId: account.id, patch: { plan: 'enterprise' } } })).results).toEqual([
      { id: 1, status: 'applied' },
    ]);
    const after = await readStore(server.location, (db) => db.selectFrom('accounts').select(['plan', 'notes']).where('id', '=', account.id).executeTakeFirstOrThrow());
    expect(after).toEqual({ plan: 'enterprise', notes: 'Renewal in March.' });
  });
});
