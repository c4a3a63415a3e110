import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/store/dialect.ts';
import { migrate } from '../../../server/store/migrate.ts';
import { migrations } from '../../../server/store/migrations/index.ts';
import type { Database } from '../../../server/store/schema.ts';
import { getEntity, putEntity } from '../../../server/store/entities.ts';
import type { SavedView, SlaPolicy } from '../../../shared/model/index.ts';
import type { SavedReport } from '../../../shared/reports/index.ts';
import { readChecksums } from '../../../server/sync/checksums.ts';
import { addToChecksum, rowHash } from '../../../shared/sync/row-hash.ts';
import { freshStore } from '../../support/store.ts';

let db: Kysely<Database>;
beforeEach(async () => {
  db = openDatabase(await freshStore({ migrated: false }));
});
afterEach(async () => {
  await db.destroy();
});

async function columnsOf(table: string): Promise<string[]> {
  const found = (await db.introspection.getTables()).find((t) => t.name === table);
  return found?.columns.map((c) => c.name) ?? [];
}

async function tables(): Promise<string[]> {
  const all = await db.introspection.getTables();
  return all.map((t) => t.name).sort();
}

/** Both dialects name a unique violation, in their own words. */
const UNIQUE = /UNIQUE|unique constraint/;

describe('migrations', () => {
  it('are numbered and run in order', async () => {
    const all = ['001-entities', '002-sync', '003-auth', '004-message-events', '005-scopes', '006-workspace', '007-ticket-links', '008-attachment-names', '009-ticket-metrics', '011-saved-reports'];
    expect(Object.keys(migrations)).toEqual(all);
    expect(await migrate(db)).toEqual(all);
    expect(await migrate(db)).toEqual([]);
  });

  it('001-entities makes a table per entity kind with typed columns and a scope', async () => {
    await migrate(db, { to: '001-entities' });
    expect(await tables()).toEqual(['accounts', 'agents', 'articles', 'contacts', 'messages', 'teams', 'tickets']);
    expect(await columnsOf('tickets')).toEqual(
      expect.arrayContaining(['id', 'number', 'status', 'team_id', 'assignee_id', 'tags', 'custom_fields', 'first_response_at', 'scope']),
    );
    expect(await columnsOf('messages')).toEqual(['id', 'ticket_id', 'kind', 'author_type', 'author_id', 'body', 'scope', 'created_at']);
    // Agent emails are unique: they are log-ins.
    const agent = { name: 'A', role: 'agent' as const, team_ids: '[]', scope: 'org', created_at: 'x', updated_at: 'x' };
    await db.insertInto('agents').values({ ...agent, id: '1', email: 'a@b.co' }).execute();
    await expect(db.insertInto('agents').values({ ...agent, id: '2', email: 'a@b.co' }).execute()).rejects.toThrow(UNIQUE);
  });

  it('002-sync adds workspace meta, the change log, clients and rejected mutations', async () => {
    await migrate(db, { to: '002-sync' });
    expect(await tables()).toEqual(expect.arrayContaining(['workspace', 'change_log', 'clients', 'rejected_mutations']));
    expect(await columnsOf('change_log')).toEqual(['seq', 'kind', 'entity_id', 'scope', 'op', 'data', 'client_id', 'mutation_id', 'created_at']);
    expect(await columnsOf('workspace')).toEqual(['id', 'name', 'epoch', 'last_seq', 'last_ticket_number', 'created_at']);
    const rejected = { client_id: 'c', mutation_id: 1, name: 'n', reason: 'r', created_at: 'x' };
    await db.insertInto('rejected_mutations').values(rejected).execute();
    await expect(db.insertInto('rejected_mutations').values(rejected).execute()).rejects.toThrow(UNIQUE);
  });

  it('003-auth adds credentials and sessions', async () => {
    await migrate(db, { to: '002-sync' });
    expect(await tables()).not.toContain('sessions');
    await migrate(db);
    expect(await columnsOf('credentials')).toEqual(['agent_id', 'password_hash', 'salt', 'updated_at']);
    expect(await columnsOf('sessions')).toEqual(['token_hash', 'agent_id', 'created_at', 'expires_at']);
  });

  it('004-message-events adds the event payload of messages and the last writer of ticket fields', async () => {
    await migrate(db, { to: '003-auth' });
    const message = { id: 'm1', ticket_id: 't1', kind: 'reply', author_type: 'contact', author_id: null, body: 'Hello', scope: 'team:a', created_at: 'x' };
    await db.insertInto('messages').values(message as never).execute();
    await migrate(db, { to: '004-message-events' });
    expect(await columnsOf('messages')).toContain('event');
    expect(await db.selectFrom('messages').select('event').executeTakeFirst()).toEqual({ event: null });
    expect(await columnsOf('field_writers')).toEqual(['kind', 'entity_id', 'field', 'agent_id', 'written_at']);
    const writer = { kind: 'ticket' as const, entity_id: 't1', field: 'priority', agent_id: 'a1', written_at: 'x' };
    await db.insertInto('field_writers').values(writer).execute();
    await expect(db.insertInto('field_writers').values({ ...writer, agent_id: 'a2' }).execute()).rejects.toThrow();
  });

  it('005-scopes versions the rows, moves change scopes to their own table, and counts every scope', async () => {
    await migrate(db, { to: '003-auth' });
    const [team, agent, ticket, message] = ['0195f0a0-0000-7000-8000-0000000000a1', '0195f0a0-0000-7000-8000-0000000000b1', '0195f0a0-0000-7000-8000-0000000000c1', '0195f0a0-0000-7000-8000-0000000000d1'];
    const at = '2026-11-01T09:00:00.000Z';
    await sql`INSERT INTO teams (id, name, scope, created_at, updated_at) VALUES (${team}, 'T', 'org', ${at}, ${at})`.execute(db);
    await sql`INSERT INTO agents (id, name, email, role, team_ids, scope, created_at, updated_at) VALUES (${agent}, 'A', 'a@b.co', 'agent', ${JSON.stringify([team])}, 'org', ${at}, ${at})`.execute(db);
    await sql`INSERT INTO tickets (id, number, subject, status, priority, channel, requester_id, team_id, assignee_id, tags, custom_fields, scope, created_at, updated_at)
      VALUES (${ticket}, 1, 'S', 'open', 'normal', 'email', ${agent}, ${team}, ${agent}, '[]', '{}', ${`team:${team}`}, ${at}, ${at})`.execute(db);
    await sql`INSERT INTO messages (id, ticket_id, kind, author_type, author_id, body, scope, created_at) VALUES (${message}, ${ticket}, 'note', 'agent', ${agent}, 'B', ${`team:${team}`}, ${at})`.execute(db);
    for (const [seq, kind, id] of [[1, 'ticket', ticket], [2, 'message', message], [3, 'ticket', ticket]] as const) {
      await sql`INSERT INTO change_log (seq, kind, entity_id, scope, op, data, created_at) VALUES (${seq}, ${kind}, ${id}, ${`team:${team}`}, 'put', '{}', ${at})`.execute(db);
    }

    expect(await migrate(db, { to: '005-scopes' })).toEqual(['004-message-events', '005-scopes']);
    expect(await columnsOf('change_log')).not.toContain('scope');
    expect(await db.selectFrom('change_scopes').selectAll().orderBy('seq').execute()).toEqual([1, 2, 3].map((seq) => ({ seq, scope: `team:${team}`, gone: 0 })));
    const version = async (table: string, id: string) => (await sql<{ version: number }>`SELECT version FROM ${sql.table(table)} WHERE id = ${id}`.execute(db)).rows[0]?.version;
    expect([await version('tickets', ticket), await version('messages', message), await version('agents', agent)]).toEqual([3, 2, 0]);
    const sum = (...hashes: number[]) => hashes.reduce((a, h) => addToChecksum(a, h), 0);
    const thread = { count: 2, sum: sum(rowHash('ticket', ticket, 3), rowHash('message', message, 2)) };
    expect(await readChecksums(db, ['org', `team:${team}`, `user:${agent}`])).toEqual([
      { scope: 'org', count: 2, sum: sum(rowHash('team', team, 0), rowHash('agent', agent, 0)) },
      { scope: `team:${team}`, ...thread },
      { scope: `user:${agent}`, ...thread },
    ]);
  });

  it('006-workspace gives existing tickets and messages the empty new fields, and stores the workspace kinds', async () => {
    await migrate(db, { to: '005-scopes' });
    const [team, agent, ticket] = ['0195f0a0-0000-7000-8000-0000000000a1', '0195f0a0-0000-7000-8000-0000000000b1', '0195f0a0-0000-7000-8000-0000000000c1'];
    const at = '2026-11-01T09:00:00.000Z';
    await sql`INSERT INTO tickets (id, number, subject, status, priority, channel, requester_id, team_id, assignee_id, tags, custom_fields, scope, created_at, updated_at)
      VALUES (${ticket}, 1, 'S', 'open', 'normal', 'email', ${agent}, ${team}, NULL, '[]', '{}', ${`team:${team}`}, ${at}, ${at})`.execute(db);
    await sql`INSERT INTO messages (id, ticket_id, kind, author_type, author_id, body, scope, created_at) VALUES (${agent}, ${ticket}, 'note', 'agent', ${agent}, 'B', ${`team:${team}`}, ${at})`.execute(db);
    expect(await migrate(db, { to: '006-workspace' })).toEqual(['006-workspace']);
    // Raw columns: the entity readers know the newest schema, with columns later migrations add.
    expect(await db.selectFrom('tickets').select(['follower_ids', 'merged_into_id']).execute()).toEqual([{ follower_ids: '[]', merged_into_id: null }]);
    expect(await db.selectFrom('messages').select(['body_html', 'attachments', 'mention_ids']).execute()).toEqual([{ body_html: null, attachments: '[]', mention_ids: '[]' }]);
    const view: SavedView = {
      id: '0195f0a0-0000-7000-8000-0000000000e1', name: 'Urgent', ownerId: agent, shared: true, filter: { priorities: ['urgent'] },
      sort: { field: 'slaDueAt', direction: 'asc' }, columns: ['priority', 'sla'], position: 0, createdAt: at, updatedAt: at,
    };
    await putEntity(db, 'view', view, 'org');
    expect((await getEntity(db, 'view', view.id))?.entity).toEqual(view);
    const policy: SlaPolicy = {
      id: '0195f0a0-0000-7000-8000-0000000000e2', name: 'Standard', timeZone: 'Europe/Berlin', week: [[], [{ start: 540, end: 1020 }], [], [], [], [], []],
      holidays: ['2026-12-25'], targets: { low: { firstResponseMinutes: null, resolutionMinutes: null }, normal: { firstResponseMinutes: 240, resolutionMinutes: 2400 }, high: { firstResponseMinutes: 60, resolutionMinutes: 480 }, urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 } },
      atRiskMinutes: 60, createdAt: at, updatedAt: at,
    };
    await putEntity(db, 'slaPolicy', policy, 'org');
    expect((await getEntity(db, 'slaPolicy', policy.id))?.entity).toEqual(policy);
  });

  it('007-ticket-links indexes tickets by their problem', async () => {
    await migrate(db, { to: '006-workspace' });
    const hasIndex = async () => {
      // Each dialect lists its indexes its own way.
      const rows = await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'tickets'`
        .execute(db)
        .catch(() => sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'`.execute(db));
      return rows.rows.some((r) => r.name === 'tickets_problem_id');
    };
    expect(await hasIndex()).toBe(false);
    expect(await migrate(db, { to: '007-ticket-links' })).toEqual(['007-ticket-links']);
    expect(await hasIndex()).toBe(true);
  });

  it('008-attachment-names gives stored attachment bytes a file name, empty for those stored before', async () => {
    await migrate(db, { to: '007-ticket-links' });
    const blob = { sha256: 'a'.repeat(64), content_type: 'text/plain', size: 2, bytes: new Uint8Array([104, 105]), uploaded_by: 'x', created_at: 'x' };
    await db.insertInto('attachment_blobs').values({ ...blob, id: 'old', name: undefined as never }).execute();
    expect(await migrate(db, { to: '008-attachment-names' })).toEqual(['008-attachment-names']);
    await db.insertInto('attachment_blobs').values({ ...blob, id: 'new', name: 'hi.txt' }).execute();
    const rows = await db.selectFrom('attachment_blobs').select(['id', 'name', 'bytes']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.name, [...new Uint8Array(r.bytes)]])).toEqual([['new', 'hi.txt', [104, 105]], ['old', '', [104, 105]]]);
  });

  it('009-ticket-metrics gives existing tickets no replies, no reopenings and no survey answer, and keeps an answer given', async () => {
    await migrate(db, { to: '008-attachment-names' });
    const [team, agent, ticket] = ['0195f0a0-0000-7000-8000-0000000000a1', '0195f0a0-0000-7000-8000-0000000000b1', '0195f0a0-0000-7000-8000-0000000000c1'];
    const at = '2026-11-01T09:00:00.000Z';
    await sql`INSERT INTO tickets (id, number, subject, status, priority, channel, requester_id, team_id, assignee_id, tags, custom_fields, scope, created_at, updated_at)
      VALUES (${ticket}, 1, 'S', 'solved', 'normal', 'email', ${agent}, ${team}, NULL, '[]', '{}', ${`team:${team}`}, ${at}, ${at})`.execute(db);
    // Two public agent replies, a note, the customer's reply: two replies count.
    for (const [i, kind, authorType] of [[1, 'reply', 'agent'], [2, 'note', 'agent'], [3, 'reply', 'contact'], [4, 'reply', 'agent']] as const) {
      await sql`INSERT INTO messages (id, ticket_id, kind, author_type, author_id, body, scope, created_at) VALUES (${`m${i}`}, ${ticket}, ${kind}, ${authorType}, ${agent}, 'B', ${`team:${team}`}, ${at})`.execute(db);
    }
    expect(await migrate(db, { to: '009-ticket-metrics' })).toEqual(['009-ticket-metrics']);
    const before = (await getEntity(db, 'ticket', ticket))?.entity;
    expect(before).toMatchObject({ replyCount: 2, reopenCount: 0, satisfaction: null });
    const satisfaction = { csat: 5, ces: 6, nps: 9, comment: 'Quick and kind — merci!', ratedAt: at };
    await putEntity(db, 'ticket', { ...(before as NonNullable<typeof before>), replyCount: 2, reopenCount: 1, satisfaction }, `team:${team}`);
    expect((await getEntity(db, 'ticket', ticket))?.entity).toMatchObject({ replyCount: 2, reopenCount: 1, satisfaction });
  });

  it('011-saved-reports stores saved reports, their definition whole', async () => {
    await migrate(db, { to: '009-ticket-metrics' });
    expect(await tables()).not.toContain('saved_reports');
    expect(await migrate(db, { to: '011-saved-reports' })).toEqual(['011-saved-reports']);
    const at = '2026-11-01T09:00:00.000Z';
    const report: SavedReport = {
      id: '0195f0a0-0000-7000-8000-0000000000e3', name: 'CSAT by team', ownerId: '0195f0a0-0000-7000-8000-0000000000b1', shared: true, pinned: false, position: 2,
      definition: { metric: 'csat', groupBy: ['week', 'team'], range: { from: '2026-09-01', to: '2026-11-30' }, filter: { channels: ['email', 'chat'], teamIds: ['none'] }, chart: 'line' },
      createdAt: at, updatedAt: at,
    };
    await putEntity(db, 'report', report, 'org');
    expect((await getEntity(db, 'report', report.id))?.entity).toEqual(report);
  });

  it('refuses a database migrated by a newer server', async () => {
    await migrate(db);
    await db
      .insertInto('kysely_migration' as never)
      .values({ name: '999-from-the-future', timestamp: new Date().toISOString() } as never)
      .execute();
    await expect(migrate(db)).rejects.toThrow(/newer Orbit server/);
  });
});
