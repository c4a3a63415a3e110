import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entities } from '../../../electron/engine/migrations/001-entities.ts';
import { syncState } from '../../../electron/engine/migrations/002-sync-state.ts';
import { messageEvents } from '../../../electron/engine/migrations/003-message-events.ts';
import { migrations } from '../../../electron/engine/migrations/index.ts';
import { ticketActionSql } from '../../../electron/engine/queries/ticket-actions.ts';
import { entityTables } from '../../../electron/engine/replica/entity-tables.ts';
import { migrate, ReplicaTooNewError, type Migration } from '../../../electron/engine/replica/migrate.ts';
import { assertNativeSqliteSupported } from '../../../electron/engine/replica/node-guard.ts';
import { openReplica } from '../../../electron/engine/replica/open-replica.ts';
import type { Message, Ticket } from '../../../shared/model/index.ts';
import { agentAlex, customerMessage, T1, ticket } from '../shared/fixtures.ts';
import { tempFiles } from './support.ts';

const newFile = tempFiles();
const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true });
const tables = (db: Database.Database) => db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
const columns = (db: Database.Database, table: string) => db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all().map((c) => c.name);

describe('replica migrations', () => {
  it('are numbered 1, 2, 3... in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('001 creates one table per entity kind of the first release', () => {
    const db = new Database(newFile());
    migrate(db, [entities]);
    expect(userVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['accounts', 'agents', 'articles', 'contacts', 'messages', 'teams', 'tickets']);
    const indexes = db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`).pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['tickets_by_updated', 'tickets_by_assignee', 'tickets_by_team', 'tickets_by_team_assignee', 'messages_by_ticket']));
    db.close();
  });

  it('002 adds the sync state to a version-1 file and keeps its rows', () => {
    const db = new Database(newFile());
    migrate(db, [entities]);
    db.prepare(`INSERT INTO agents (id, name, data) VALUES (?, ?, ?)`).run(agentAlex.id, agentAlex.name, JSON.stringify(agentAlex));
    migrate(db, [entities, syncState]);
    expect(userVersion(db)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['_meta', '_outbox', '_outbox_undo']));
    expect(db.prepare('SELECT name FROM agents').pluck().get()).toBe(agentAlex.name);
    db.close();
  });

  it('003 gives messages and their before-images stored by a version-2 replica a null event', () => {
    const db = new Database(newFile());
    migrate(db, [entities, syncState]);
    const old = { id: 'm1', ticketId: 't1', kind: 'reply', authorType: 'contact', authorId: null, body: 'Hello', createdAt: '2026-11-01T09:00:00.000Z' };
    db.prepare('INSERT INTO messages (id, ticket_id, author_id, created_at, data) VALUES (?, ?, ?, ?, ?)').run(old.id, old.ticketId, null, old.createdAt, JSON.stringify(old));
    db.prepare(`INSERT INTO _outbox_undo (mutation_id, step, kind, row_id, before) VALUES (1, 0, 'message', 'm1', ?), (1, 1, 'message', 'm2', NULL)`).run(JSON.stringify(old));
    migrate(db, [entities, syncState, messageEvents]);
    expect(userVersion(db)).toBe(3);
    expect(JSON.parse(db.prepare('SELECT data FROM messages').pluck().get() as string)).toEqual({ ...old, event: null });
    expect(db.prepare('SELECT before FROM _outbox_undo ORDER BY step').pluck().all().map((b) => (b === null ? null : JSON.parse(b as string)))).toEqual([{ ...old, event: null }, null]);
    db.close();
  });

  it('004 adds row versions, scope sums, retained rows and unconfirmed rows to a version-3 file and keeps its rows', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 3));
    db.prepare(`INSERT INTO agents (id, name, data) VALUES (?, ?, ?)`).run(agentAlex.id, agentAlex.name, JSON.stringify(agentAlex));
    migrate(db, migrations.slice(0, 4));
    expect(userVersion(db)).toBe(4);
    expect(tables(db)).toEqual(expect.arrayContaining(['_versions', '_scope_sums', '_retained', '_unconfirmed']));
    expect(columns(db, '_versions')).toEqual(['kind', 'id', 'version', 'scopes', 'hash']);
    expect(db.prepare('SELECT name FROM agents').pluck().get()).toBe(agentAlex.name);
    // One version per row of a kind.
    db.prepare(`INSERT INTO _versions VALUES ('agent', ?, 3, '["org"]', 1)`).run(agentAlex.id);
    expect(() => db.prepare(`INSERT INTO _versions VALUES ('agent', ?, 4, '["org"]', 2)`).run(agentAlex.id)).toThrow(/UNIQUE/);
    db.close();
  });

  it('leave one table per entity kind with exactly the typed columns the engine writes', () => {
    const db = new Database(newFile());
    migrate(db, migrations);
    for (const { table, columns: typed } of Object.values(entityTables)) {
      expect(columns(db, table).sort()).toEqual(['id', ...Object.keys(typed), 'data'].sort());
    }
    db.close();
  });

  it('005 adds the workspace kinds and gives version-4 tickets, messages and before-images the new fields and sort columns', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 4));
    const old = ticket({ status: 'open', priority: 'urgent', firstResponseDueAt: '2026-11-01T10:00:00.000Z', resolutionDueAt: '2026-11-02T10:00:00.000Z' }) as Partial<Ticket>;
    delete old.followerIds;
    delete old.mergedIntoId;
    const oldMessage = customerMessage() as Partial<Message>;
    delete oldMessage.bodyHtml;
    delete oldMessage.attachments;
    delete oldMessage.mentionIds;
    db.prepare('INSERT INTO tickets (id, unsolved, team_id, assignee_id, requester_id, account_id, created_at, updated_at, data) VALUES (?, 1, NULL, NULL, ?, NULL, ?, ?, ?)').run(old.id, old.requesterId, old.createdAt, old.updatedAt, JSON.stringify(old));
    db.prepare('INSERT INTO messages (id, ticket_id, author_id, created_at, data) VALUES (?, ?, NULL, ?, ?)').run(oldMessage.id, oldMessage.ticketId, oldMessage.createdAt, JSON.stringify(oldMessage));
    db.prepare(`INSERT INTO _outbox_undo (mutation_id, step, kind, row_id, before) VALUES (1, 0, 'ticket', ?, ?), (1, 1, 'message', ?, ?)`).run(old.id, JSON.stringify(old), oldMessage.id, JSON.stringify(oldMessage));
    migrate(db, migrations.slice(0, 5));
    expect(userVersion(db)).toBe(5);
    expect(tables(db)).toEqual(expect.arrayContaining(['sla_policies', 'macros', 'saved_views']));
    const upgraded = { ...old, followerIds: [], mergedIntoId: null };
    const upgradedMessage = { ...oldMessage, bodyHtml: null, attachments: [], mentionIds: [] };
    expect(JSON.parse(db.prepare('SELECT data FROM tickets').pluck().get() as string)).toEqual(upgraded);
    expect(JSON.parse(db.prepare('SELECT data FROM messages').pluck().get() as string)).toEqual(upgradedMessage);
    expect(db.prepare('SELECT before FROM _outbox_undo ORDER BY step').pluck().all().map((b) => JSON.parse(b as string))).toEqual([upgraded, upgradedMessage]);
    // The first response is still due, so it is the running deadline.
    expect(db.prepare('SELECT sla_due_at, priority_rank, number FROM tickets').get()).toEqual({ sla_due_at: '2026-11-01T10:00:00.000Z', priority_rank: 3, number: 42 });
    db.close();
  });

  it('008 gives version-7 tickets a typed status column and the queue-view indexes', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 7));
    const old = ticket({ status: 'pending' });
    db.prepare('INSERT INTO tickets (id, unsolved, team_id, assignee_id, requester_id, account_id, created_at, updated_at, data) VALUES (?, 1, NULL, NULL, ?, NULL, ?, ?, ?)').run(old.id, old.requesterId, old.createdAt, old.updatedAt, JSON.stringify(old));
    migrate(db, migrations.slice(0, 8));
    expect(userVersion(db)).toBe(8);
    expect(db.prepare('SELECT status FROM tickets').pluck().get()).toBe('pending');
    const indexes = db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'index'`).pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['tickets_by_team_status', 'tickets_by_assignee_status', 'tickets_by_created', 'tickets_by_priority', 'tickets_by_number', 'tickets_by_sla_order']));
    expect(Object.keys(entityTables.ticket.columns)).toContain('status');
    db.close();
  });

  it('010 (uploads) adds the engine-local queue of attachment files to send, keeping a version-9 file\'s rows', () => {
    const db = new Database(newFile());
    const at = migrations.findIndex((m) => m.name === 'uploads');
    migrate(db, migrations.slice(0, at));
    db.prepare(`INSERT INTO agents (id, name, data) VALUES (?, ?, ?)`).run(agentAlex.id, agentAlex.name, JSON.stringify(agentAlex));
    migrate(db, migrations.slice(0, at + 1));
    expect(userVersion(db)).toBe(at + 1);
    expect(columns(db, '_uploads')).toEqual(['id', 'sha256', 'name', 'content_type', 'size', 'server_url', 'agent_id', 'created_at', 'error']);
    expect(db.prepare(`SELECT count(*) FROM agents`).pluck().get()).toBe(1);
    const row = ['u1', 'a'.repeat(64), 'f.txt', 'text/plain', 3, 'http://s', agentAlex.id, 'x'];
    db.prepare(`INSERT INTO _uploads (id, sha256, name, content_type, size, server_url, agent_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(...row);
    expect(() => db.prepare(`INSERT INTO _uploads (id, sha256, name, content_type, size, server_url, agent_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(...row)).toThrow(/UNIQUE/);
    // STRICT: a size that is not an integer is refused.
    expect(() => db.prepare(`INSERT INTO _uploads (id, sha256, name, content_type, size, server_url, agent_id, created_at) VALUES ('u2', 's', 'n', 't', 'big', 'u', 'a', 'x')`).run()).toThrow();
    db.close();
  });

  it('011 gives version-10 tickets a typed problem_id from their JSON, and incidents an index', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 10));
    const problem = ticket({ id: '0195f0a0-0000-7000-8000-0000000000f2' });
    const incident = ticket({ problemId: problem.id });
    for (const t of [problem, incident]) {
      db.prepare('INSERT INTO tickets (id, unsolved, team_id, assignee_id, requester_id, account_id, created_at, updated_at, data) VALUES (?, 1, NULL, NULL, ?, NULL, ?, ?, ?)').run(t.id, t.requesterId, t.createdAt, t.updatedAt, JSON.stringify(t));
    }
    migrate(db, migrations.slice(0, 11));
    expect(userVersion(db)).toBe(11);
    expect(db.prepare('SELECT id, problem_id FROM tickets ORDER BY id').all()).toEqual([
      { id: incident.id, problem_id: problem.id },
      { id: problem.id, problem_id: null },
    ]);
    const plan = db.prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${ticketActionSql.incidents}`).all(problem.id).map((r) => r.detail);
    expect(plan.join(' ')).toContain('tickets_by_problem');
    db.close();
  });

  it('012 gives version-11 tickets and before-images reply counts from their threads, no reopenings and no survey answer', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 11));
    const old = ticket({ status: 'solved' }) as Partial<Ticket>;
    delete old.replyCount;
    delete old.reopenCount;
    delete old.satisfaction;
    db.prepare('INSERT INTO tickets (id, unsolved, team_id, assignee_id, requester_id, account_id, created_at, updated_at, data) VALUES (?, 0, NULL, NULL, ?, NULL, ?, ?, ?)').run(old.id, old.requesterId, old.createdAt, old.updatedAt, JSON.stringify(old));
    // The customer's message, an agent's note and two agent replies: two replies count.
    const thread: Message[] = [
      customerMessage({ id: '0195f0a0-0000-7000-8000-0000000000d1' }),
      customerMessage({ id: '0195f0a0-0000-7000-8000-0000000000d2', kind: 'note', authorType: 'agent', authorId: agentAlex.id }),
      customerMessage({ id: '0195f0a0-0000-7000-8000-0000000000d3', authorType: 'agent', authorId: agentAlex.id }),
      customerMessage({ id: '0195f0a0-0000-7000-8000-0000000000d4', authorType: 'agent', authorId: agentAlex.id }),
    ];
    for (const m of thread) db.prepare('INSERT INTO messages (id, ticket_id, author_id, created_at, data) VALUES (?, ?, ?, ?, ?)').run(m.id, m.ticketId, m.authorId, m.createdAt, JSON.stringify(m));
    db.prepare(`INSERT INTO _outbox_undo (mutation_id, step, kind, row_id, before) VALUES (1, 0, 'ticket', ?, ?)`).run(old.id, JSON.stringify(old));
    migrate(db, migrations.slice(0, 12));
    expect(userVersion(db)).toBe(12);
    expect(JSON.parse(db.prepare('SELECT data FROM tickets').pluck().get() as string)).toEqual({ ...old, replyCount: 2, reopenCount: 0, satisfaction: null });
    // A before-image is what undo restores: it must agree with the row, or an undo would lose the count.
    expect(JSON.parse(db.prepare('SELECT before FROM _outbox_undo').pluck().get() as string)).toEqual({ ...old, replyCount: 2, reopenCount: 0, satisfaction: null });
    db.close();
  });

  it('015 gives version-14 tickets the typed report columns their JSON means, as the entity store writes them', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 14));
    const rows: Ticket[] = [
      ticket({ id: '0195f0a0-0000-7000-8000-0000000000e1', status: 'open', channel: 'chat', product: 'Exports', firstResponseDueAt: '2026-11-01T10:00:00+01:00' }),
      ticket({
        id: '0195f0a0-0000-7000-8000-0000000000e2',
        status: 'solved',
        solvedAt: '2026-11-02T09:00:00.000Z',
        firstResponseAt: '2026-11-01T09:30:00.000Z',
        resolutionDueAt: '2026-11-03T09:00:00.000Z',
        replyCount: 2,
        reopenCount: 1,
        satisfaction: { csat: 4, ces: null, nps: 9, comment: null, ratedAt: '2026-11-02T12:00:00-05:00' },
      }),
      // merged: no solve and no survey answer for reports; a solved ticket without solvedAt reads its last update
      ticket({ id: '0195f0a0-0000-7000-8000-0000000000e3', status: 'closed', mergedIntoId: '0195f0a0-0000-7000-8000-0000000000e2', solvedAt: T1, satisfaction: { csat: 1, ces: 1, nps: 0, comment: null, ratedAt: T1 } }),
      ticket({ id: '0195f0a0-0000-7000-8000-0000000000e4', status: 'closed', solvedAt: null, updatedAt: T1 }),
    ];
    for (const t of rows) {
      db.prepare('INSERT INTO tickets (id, unsolved, team_id, assignee_id, requester_id, account_id, created_at, updated_at, data) VALUES (?, ?, NULL, NULL, ?, NULL, ?, ?, ?)').run(
        t.id, ['solved', 'closed'].includes(t.status) ? 0 : 1, t.requesterId, t.createdAt, t.updatedAt, JSON.stringify(t),
      );
    }
    migrate(db, migrations.slice(0, 15));
    expect(userVersion(db)).toBe(15);
    const names = ['merged', 'solved_at', 'first_response_at', 'first_response_due_at', 'resolution_due_at', 'reply_count', 'reopen_count', 'csat', 'ces', 'nps', 'rated_at', 'channel', 'product', 'first_response_minutes', 'resolution_minutes'];
    const derive = entityTables.ticket.columns;
    for (const t of rows) {
      const stored = db.prepare(`SELECT ${names.join(', ')} FROM tickets WHERE id = ?`).get(t.id);
      expect(stored).toEqual(Object.fromEntries(names.map((n) => [n, derive[n]?.(t) ?? null])));
    }
    expect(db.prepare(`SELECT solved_at, rated_at, merged FROM tickets WHERE id = ?`).get(rows[2]!.id)).toEqual({ solved_at: null, rated_at: null, merged: 1 });
    expect(db.prepare(`SELECT solved_at FROM tickets WHERE id = ?`).pluck().get(rows[3]!.id)).toBe(T1);
    const indexes = db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'reports_%'`).pluck().all();
    expect(indexes.sort()).toEqual(['reports_by_created', 'reports_by_rated', 'reports_by_solved', 'reports_open']);
    db.close();
  });

  it('are applied once: reopening a current replica changes nothing', async () => {
    const file = newFile();
    (await openReplica(file)).close();
    const db = await openReplica(file);
    expect(userVersion(db)).toBe(migrations.length);
    db.close();
  });

  it('roll a failing migration back completely', () => {
    const db = new Database(newFile());
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (id TEXT)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [entities, broken])).toThrow('boom');
    expect(userVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('refuse a replica written by a newer version, clearly, and leave it untouched', async () => {
    const file = newFile();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(openReplica(file)).rejects.toThrow(ReplicaTooNewError);
    await expect(openReplica(file)).rejects.toThrow(`newer version of Orbit (schema 99; this version knows up to ${migrations.length})`);
    const after = new Database(file);
    expect(userVersion(after)).toBe(99);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(tables(after)).toEqual([]);
    after.close();
  });
});

describe('the Node guard before better-sqlite3 loads', () => {
  it('refuses Node older than 22 outside Electron with a clear reason', () => {
    expect(() => assertNativeSqliteSupported({ node: '20.20.2' })).toThrow(
      /needs Node 22 or newer \(this is Node 20\.20\.2\)/,
    );
  });

  it('accepts Node 22+ and any Electron (which brings its own Node)', () => {
    expect(() => assertNativeSqliteSupported({ node: '22.12.0' })).not.toThrow();
    expect(() => assertNativeSqliteSupported({ node: '20.0.0', electron: '45.4.1' })).not.toThrow();
  });
});
