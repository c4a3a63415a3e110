import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import type { TicketLinks } from '../../../shared/ipc/features/ticket-actions.ts';
import type { Contact, Ticket } from '../../../shared/model/index.ts';
import { account, agentAlex, contact, customerMessage, teamA, ticket } from '../shared/fixtures.ts';
import { signedInReplica, tempFiles, unreachableServerUrl, type Row } from './support.ts';

/** The ticket-action procedures on a signed-in replica whose server is out of reach: effects show at once, changes wait in the outbox. */
const newFile = tempFiles();
let engine: Engine;

const PROBLEM = ticket({ id: '0195f0a0-0000-7000-8000-0000000003a1', number: 100, subject: 'Outage: exports time out', status: 'open' });
const INC1 = ticket({ id: '0195f0a0-0000-7000-8000-0000000003b1', number: 101, subject: 'Export broken', status: 'open', problemId: PROBLEM.id });
const INC2 = ticket({ id: '0195f0a0-0000-7000-8000-0000000003b2', number: 102, subject: 'Cannot export 50% of rows', status: 'pending', problemId: PROBLEM.id });
const INC_SOLVED = ticket({ id: '0195f0a0-0000-7000-8000-0000000003b3', number: 103, subject: 'Export slow', status: 'solved', problemId: PROBLEM.id });
const SRC = ticket({ id: '0195f0a0-0000-7000-8000-0000000003c1', number: 200, subject: 'Duplicate of the invoice question', status: 'new', tags: ['invoice'] });
const DST = ticket({ id: '0195f0a0-0000-7000-8000-0000000003c2', number: 201, subject: 'Invoice question', status: 'open' });
const SRC_MSG = customerMessage({ id: '0195f0a0-0000-7000-8000-0000000003d1', ticketId: SRC.id, body: 'Where is my invoice?' });
const otherContact: Contact = { ...contact, id: '0195f0a0-0000-7000-8000-0000000003e1', name: 'Zed 100% Real', email: 'zed@else.example' };

const rows: Row[] = [
  { kind: 'team', row: teamA },
  { kind: 'agent', row: agentAlex },
  { kind: 'account', row: account },
  { kind: 'contact', row: contact },
  { kind: 'contact', row: otherContact },
  ...[PROBLEM, INC1, INC2, INC_SOLVED, SRC, DST].map((row) => ({ kind: 'ticket' as const, row })),
  { kind: 'message', row: SRC_MSG },
];

beforeAll(async () => {
  const file = newFile();
  await signedInReplica(file, await unreachableServerUrl(), { rows });
  engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
});
afterAll(async () => {
  await engine.close();
});

const call = async (name: string, input?: unknown) => unwrapDeskResult(await engine.invoke(name, input));
const failure = async (name: string, input?: unknown) => {
  const result = await engine.invoke(name, input);
  return result.ok ? null : result.error;
};
const detail = async (id: string) => (await call('ticket.get', { id })) as { ticket: Ticket; messages: { id: string; body: string; kind: string }[] };
const pending = async () => ((await call('sync.status')) as { pending: number }).pending;

describe('ticket action procedures', () => {
  it('find contacts by name or email, wildcards taken literally', async () => {
    expect(((await call('contacts.find', { text: 'carla' })) as Contact[]).map((c) => c.id)).toEqual([contact.id]);
    expect(((await call('contacts.find', { text: 'else.exa' })) as Contact[]).map((c) => c.id)).toEqual([otherContact.id]);
    expect(((await call('contacts.find', { text: '100%' })) as Contact[]).map((c) => c.id)).toEqual([otherContact.id]);
    expect(await call('contacts.find', { text: '_' })).toEqual([]);
    expect(await call('contacts.find', { text: '  ' })).toEqual([]);
  });

  it('find tickets by number or by subject', async () => {
    expect(((await call('tickets.find', { text: '#201' })) as { id: string }[]).map((t) => t.id)).toEqual([DST.id]);
    expect(((await call('tickets.find', { text: '101' })) as { id: string }[]).map((t) => t.id)).toEqual([INC1.id]);
    expect(((await call('tickets.find', { text: 'invoice' })) as { id: string }[]).map((t) => t.id).sort()).toEqual([SRC.id, DST.id].sort());
    expect(((await call('tickets.find', { text: '50%' })) as { id: string }[]).map((t) => t.id)).toEqual([INC2.id]);
  });

  it('show a problem’s incidents and an incident’s problem', async () => {
    const links = (await call('ticket.links', { ticketId: PROBLEM.id })) as TicketLinks;
    expect(links.incidents.map((t) => t.number)).toEqual([101, 102, 103]);
    expect(links.problem).toBeNull();
    expect(((await call('ticket.links', { ticketId: INC1.id })) as TicketLinks).problem?.number).toBe(100);
  });

  it('follow and unfollow at once, each one outbox entry', async () => {
    const before = await pending();
    await call('ticket.follow', { ticketId: DST.id, follow: true });
    expect((await detail(DST.id)).ticket.followerIds).toEqual([agentAlex.id]);
    await call('ticket.follow', { ticketId: DST.id, follow: false });
    expect((await detail(DST.id)).ticket.followerIds).toEqual([]);
    expect(await pending()).toBe(before + 2);
  });

  it('merge optimistically: the thread moves, the source points to the survivor', async () => {
    expect(await failure('ticket.merge', { sourceIds: [DST.id], targetId: DST.id })).toEqual({ code: 'rejected', message: 'A ticket cannot be merged into itself.' });
    await call('ticket.merge', { sourceIds: [SRC.id], targetId: DST.id });
    expect((await detail(DST.id)).messages.map((m) => m.body)).toEqual(['Where is my invoice?']);
    expect((await detail(DST.id)).ticket.tags).toEqual(['invoice']);
    expect((await detail(SRC.id)).ticket).toMatchObject({ status: 'closed', mergedIntoId: DST.id });
    expect((await detail(SRC.id)).messages).toEqual([]);
    expect(((await call('ticket.links', { ticketId: SRC.id })) as TicketLinks).mergedInto?.number).toBe(201);
  });

  it('solve a problem: one reply to each unsolved incident, incidents and problem solved, all in the outbox', async () => {
    const before = await pending();
    expect(await call('ticket.solveProblem', { problemId: PROBLEM.id, body: 'Fixed: exports work again.', solveIncidents: true })).toEqual({ replied: 2 });
    for (const id of [INC1.id, INC2.id]) {
      const d = await detail(id);
      expect(d.ticket.status).toBe('solved');
      expect(d.messages.filter((m) => m.kind === 'reply').map((m) => m.body)).toEqual(['Fixed: exports work again.']);
    }
    expect((await detail(INC_SOLVED.id)).messages).toEqual([]);
    expect((await detail(PROBLEM.id)).ticket.status).toBe('solved');
    // Two incidents × (reply + solve) + the problem.
    expect(await pending()).toBe(before + 5);
  });
});
