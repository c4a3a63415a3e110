import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/engine/migrations/index.ts';
import { migrate } from '../../../electron/engine/replica/migrate.ts';
import { Engine } from '../../../electron/engine/engine.ts';
import { NotificationDeriver } from '../../../electron/engine/notifications/derive.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { rebase } from '../../../electron/engine/sync/rebase.ts';
import { applySnapshotRows } from '../../../electron/engine/sync/server-rows.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import { MAX_NOTIFICATIONS } from '../../../shared/ipc/features/notifications.ts';
import type { Message } from '../../../shared/model/index.ts';
import { messageAdd, ticketAssign, type Mutator } from '../../../shared/mutators/index.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { agentAlex, agentDee, contact, customerMessage, T0, T1, teamA, ticket } from '../shared/fixtures.ts';
import { freshReplicas, putRows, signedInReplica, tempFiles, unreachableServerUrl, type Row } from './support.ts';

const openReplica = freshReplicas();
const ME = agentAlex.id;
const TICKET = ticket({ assigneeId: null, status: 'open' });
const rows: Row[] = [
  { kind: 'team', row: teamA },
  { kind: 'agent', row: agentAlex },
  { kind: 'agent', row: agentDee },
  { kind: 'contact', row: contact },
  { kind: 'ticket', row: TICKET },
];
const id = (n: number) => `0195f0a0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

async function setup(): Promise<{ replica: Replica; deriver: NotificationDeriver }> {
  const replica = await openReplica();
  await putRows(replica, rows);
  await replica.writer.transaction(() => replica.meta.set('agent_id', ME));
  const deriver = new NotificationDeriver(replica);
  deriver.attach();
  return { replica, deriver };
}

let seq = 10;
const put = (kind: Change['kind'], data: { id: string } & Record<string, unknown>): Change => ({ seq: ++seq, kind, id: data.id, op: 'put', data });
const pull = (replica: Replica, changes: Change[], lastMutationId = 0) =>
  replica.writer.transaction(() => rebase(replica, { changes, lastMutationId, cursor: { epoch: 'e1', seq } }));
const record = (replica: Replica, mutator: Mutator, args: unknown) =>
  replica.writer.transaction(() => replica.outbox.record(mutator, args, { actorId: ME, role: 'agent', now: T1 }));
const summary = (d: NotificationDeriver) => d.store.list().map((n) => [n.type, n.ticketId, n.messageId, n.actorName]);

const note = (overrides: Partial<Message>): Message => ({
  id: id(0xa1),
  ticketId: TICKET.id,
  kind: 'note',
  authorType: 'agent',
  authorId: agentDee.id,
  body: 'Alex, can you look?',
  event: null,
  bodyHtml: null,
  attachments: [],
  mentionIds: [ME],
  createdAt: T1,
  ...overrides,
});

describe('notification derivation', () => {
  it('assigned to me: once, when the previous server row had another assignee', async () => {
    const { replica, deriver } = await setup();
    await pull(replica, [put('ticket', { ...TICKET, assigneeId: ME, updatedAt: T1 })]);
    expect(summary(deriver)).toEqual([['assigned', TICKET.id, null, null]]);
    expect(deriver.takeAdded().map((n) => [n.type, n.ticketSubject, n.ticketNumber])).toEqual([['assigned', TICKET.subject, TICKET.number]]);
    // A later change to the same ticket (still mine) is no new assignment.
    await pull(replica, [put('ticket', { ...TICKET, assigneeId: ME, priority: 'urgent', updatedAt: T1 })]);
    // Assigned to Dee: nothing for me.
    await pull(replica, [put('ticket', { ...TICKET, assigneeId: agentDee.id, updatedAt: T1 })]);
    expect(summary(deriver)).toHaveLength(1);
    expect(deriver.store.unread()).toBe(1);
  });

  it('mentioned: a new note whose mentionIds include me, naming its author; not twice when the page comes again', async () => {
    const { replica, deriver } = await setup();
    const change = put('message', note({}));
    await pull(replica, [change]);
    await pull(replica, [change]);
    expect(summary(deriver)).toEqual([['mentioned', TICKET.id, id(0xa1), 'Dee']]);
    // A note mentioning only someone else is not mine.
    await pull(replica, [put('message', note({ id: id(0xa2), mentionIds: [agentDee.id] }))]);
    expect(summary(deriver)).toHaveLength(1);
  });

  it('customer replied: only on a ticket assigned to me or that I follow', async () => {
    const { replica, deriver } = await setup();
    await pull(replica, [put('message', customerMessage({ id: id(0xb1), ticketId: TICKET.id }))]);
    expect(summary(deriver)).toEqual([]);
    await pull(replica, [put('ticket', { ...TICKET, followerIds: [ME] }), put('message', customerMessage({ id: id(0xb2), ticketId: TICKET.id }))]);
    expect(summary(deriver)).toEqual([['customer_replied', TICKET.id, id(0xb2), contact.name]]);
    await pull(replica, [put('ticket', { ...TICKET, followerIds: [], assigneeId: agentDee.id })]);
    await pull(replica, [put('message', customerMessage({ id: id(0xb3), ticketId: TICKET.id }))]);
    expect(summary(deriver)).toHaveLength(1);
  });

  it('never for my own actions: my assignment and my own note arriving back from the server', async () => {
    const { replica, deriver } = await setup();
    await record(replica, ticketAssign, { ticketId: TICKET.id, assigneeId: ME, base: null });
    await record(replica, messageAdd, { id: id(0xc1), ticketId: TICKET.id, kind: 'note', body: 'Note to self', mentionIds: [ME] });
    await pull(
      replica,
      [put('ticket', { ...TICKET, assigneeId: ME, updatedAt: T1 }), put('message', note({ id: id(0xc1), authorId: ME, body: 'Note to self' }))],
      2,
    );
    expect(replica.store.get('ticket', TICKET.id)?.assigneeId).toBe(ME);
    expect(summary(deriver)).toEqual([]);
    expect(deriver.takeAdded()).toEqual([]);
  });

  it('not during the initial sync: snapshot rows never notify', async () => {
    const { replica, deriver } = await setup();
    await replica.writer.transaction(() => {
      applySnapshotRows(replica.serverRows, 'ticket', [{ ...TICKET, id: id(0xd1), number: 77, assigneeId: ME }], [1]);
      applySnapshotRows(replica.serverRows, 'message', [note({ id: id(0xd2) }), customerMessage({ id: id(0xd3), ticketId: id(0xd1) })], [2, 3]);
    });
    expect(summary(deriver)).toEqual([]);
  });

  it(`keeps the newest ${MAX_NOTIFICATIONS}`, async () => {
    const { replica, deriver } = await setup();
    const minute = (i: number) => new Date(Date.parse(T0) + i * 60_000).toISOString();
    const many = Array.from({ length: MAX_NOTIFICATIONS + 5 }, (_, i) => put('message', note({ id: id(0x1000 + i), createdAt: minute(i) })));
    await pull(replica, many);
    const kept = deriver.store.list();
    expect(kept).toHaveLength(MAX_NOTIFICATIONS);
    expect(kept[0]?.messageId).toBe(id(0x1000 + MAX_NOTIFICATIONS + 4));
    expect(kept.at(-1)?.messageId).toBe(id(0x1000 + 5));
  });
});

describe('replica migration 009', () => {
  const newFile = tempFiles();
  it('adds _notifications to a version-8 file, one row per id, known types only', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 8));
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = '_notifications'`).pluck().get()).toBe(0);
    migrate(db, migrations.slice(0, 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    const insert = db.prepare('INSERT INTO _notifications (id, type, ticket_id, created_at) VALUES (?, ?, ?, ?)');
    insert.run('n1', 'assigned', TICKET.id, T0);
    expect(() => insert.run('n1', 'assigned', TICKET.id, T0)).toThrow(/UNIQUE/);
    expect(() => insert.run('n2', 'poked', TICKET.id, T0)).toThrow(/CHECK/);
    expect(db.prepare('SELECT read_at FROM _notifications').pluck().get()).toBeNull();
    db.close();
  });
});

describe('notification procedures', () => {
  const newFile = tempFiles();
  let engine: Engine;
  const events: [string, unknown][] = [];
  const call = async (name: string, input?: unknown) => unwrapDeskResult(await engine.invoke(name, input));

  beforeAll(async () => {
    const file = newFile();
    await signedInReplica(file, await unreachableServerUrl(), { rows: [...rows.filter((r) => r.kind !== 'ticket'), { kind: 'ticket', row: { ...TICKET, number: 4711 } }] });
    const replica = await Replica.open(file);
    await replica.writer.transaction(() => {
      const insert = replica.db.prepare('INSERT INTO _notifications (id, type, ticket_id, message_id, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      insert.run('n1', 'assigned', TICKET.id, null, null, T0);
      insert.run('n2', 'mentioned', TICKET.id, id(0xa1), agentDee.id, T1);
    });
    await replica.close();
    engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
    engine.on((event, payload) => events.push([event, payload]));
  });
  afterAll(() => engine.close());

  it('list newest first with names, mark read by id and all, announcing the unread count', async () => {
    const listed = (await call('notifications.list', {})) as { items: { id: string; actorName: string | null; ticketNumber: number | null }[]; unread: number };
    expect(listed.unread).toBe(2);
    expect(listed.items.map((n) => [n.id, n.actorName, n.ticketNumber])).toEqual([
      ['n2', 'Dee', 4711],
      ['n1', null, 4711],
    ]);
    expect(await call('notifications.markRead', { ids: ['n2'] })).toEqual({ unread: 1 });
    expect(events.at(-1)).toEqual(['notifications.changed', { unread: 1, added: [] }]);
    expect(await call('notifications.markRead', { all: true })).toEqual({ unread: 0 });
    const after = (await call('notifications.list', {})) as { items: { readAt: string | null }[] };
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('find a ticket by its number for the palette', async () => {
    expect(await call('palette.ticketByNumber', { number: 4711 })).toEqual({ id: TICKET.id });
    expect(await call('palette.ticketByNumber', { number: 4712 })).toBeNull();
  });
});
