import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResults } from '../../../shared/ipc/features/search.ts';
import { messageAdd } from '../../../shared/mutators/index.ts';
import { MARK_CLOSE, MARK_OPEN } from '../../../shared/rules/search-query.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { migrations } from '../../../electron/engine/migrations/index.ts';
import { migrate } from '../../../electron/engine/replica/migrate.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../../electron/engine/replica/statement-cache.ts';
import { runSearch } from '../../../electron/engine/search/run-search.ts';
import { buildSearchIndex, INDEXING_LABEL, searchIndexPending, suspendSearchIndex, type IndexProgress } from '../../../electron/engine/search/search-index.ts';
import { SEARCHED } from '../../../electron/engine/search/search-tables.ts';
import { rebase } from '../../../electron/engine/sync/rebase.ts';
import { account, agentAlex, agentBea, article, contact, customerMessage, T0, T1, TEAM_B, teamA, teamB, ticket } from '../shared/fixtures.ts';
import { freshReplicas, putRows, tempFiles, type Row } from './support.ts';

const openReplica = freshReplicas();
const newFile = tempFiles();

const id = (n: number) => `0195f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const TICKET_EXPORT = ticket({ id: id(101), number: 101, subject: 'Export fails with a timeout', tags: ['vip'], accountId: account.id, assigneeId: agentAlex.id, status: 'open', priority: 'urgent' });
const TICKET_BILLING = ticket({ id: id(102), number: 102, subject: 'Invoice is wrong', teamId: TEAM_B, createdAt: '2026-10-05T10:00:00.000Z' });
const TICKET_CAFE = ticket({ id: id(103), number: 103, subject: 'Café menu PDF', status: 'solved', priority: 'low' });
const MSG_BILLING = customerMessage({ id: id(201), ticketId: TICKET_BILLING.id, body: 'The export of my invoices to CSV stopped working yesterday.' });
const MSG_EXPORT = customerMessage({ id: id(202), ticketId: TICKET_EXPORT.id, body: 'Please hurry, this is urgent.' });

const rows: Row[] = [
  { kind: 'team', row: teamA },
  { kind: 'team', row: teamB },
  { kind: 'agent', row: agentAlex },
  { kind: 'agent', row: agentBea },
  { kind: 'account', row: account },
  { kind: 'contact', row: { ...contact, accountId: account.id } },
  { kind: 'ticket', row: TICKET_EXPORT },
  { kind: 'ticket', row: TICKET_BILLING },
  { kind: 'ticket', row: TICKET_CAFE },
  { kind: 'message', row: MSG_BILLING },
  { kind: 'message', row: MSG_EXPORT },
  { kind: 'article', row: article({ id: id(301), title: 'Exporting reports', body: 'Use the export button in the reports screen to download a CSV.', status: 'published' }) },
];

async function seeded(): Promise<Replica> {
  const replica = await openReplica();
  // A new replica indexes as rows arrive once the (empty) build has run.
  await buildSearchIndex(replica.db, replica.writer);
  await putRows(replica, rows);
  return replica;
}

function search(replica: Replica, text: string, limit = 10): SearchResults {
  return runSearch({ db: replica.db, sql: new StatementCache(replica.db), viewerId: agentAlex.id }, { text, limit });
}

const hitsOf = (r: SearchResults, kind: SearchResults['groups'][number]['kind']): SearchHit[] => r.groups.find((g) => g.kind === kind)?.hits ?? [];
const ticketIds = (r: SearchResults) => hitsOf(r, 'ticket').map((h) => h.id);

/** FTS5's own check that each index holds exactly what its content (the entity rows) says. */
function expectIndexesIntact(replica: Replica): void {
  for (const t of SEARCHED) expect(() => replica.db.prepare(`INSERT INTO ${t.fts} (${t.fts}, rank) VALUES ('integrity-check', 1)`).run(), t.fts).not.toThrow();
}

describe('search over the replica', () => {
  it('finds tickets by subject and through their messages, subject hits first, with highlighted snippets', async () => {
    const replica = await seeded();
    const result = search(replica, 'export');
    expect(result.hint).toBeNull();
    // The subject hit outranks the ticket whose message mentions the word.
    expect(ticketIds(result)).toEqual([TICKET_EXPORT.id, TICKET_BILLING.id]);
    const [subjectHit, messageHit] = hitsOf(result, 'ticket');
    expect(subjectHit).toMatchObject({ via: 'ticket', subject: `${MARK_OPEN}Export${MARK_CLOSE} fails with a timeout` });
    expect(messageHit).toMatchObject({ via: 'message', subject: 'Invoice is wrong' });
    expect(messageHit?.kind === 'ticket' && messageHit.snippet).toContain(`${MARK_OPEN}export${MARK_CLOSE} of my invoices`);
    // The article is a group of its own.
    expect(hitsOf(result, 'article')).toEqual([expect.objectContaining({ id: id(301), title: `${MARK_OPEN}Exporting${MARK_CLOSE} reports` })]);
    expectIndexesIntact(replica);
  });

  it('ignores diacritics both ways and matches prefixes as the agent types', async () => {
    const replica = await seeded();
    expect(ticketIds(search(replica, 'cafe'))).toEqual([TICKET_CAFE.id]);
    expect(ticketIds(search(replica, 'CAFÉ'))).toEqual([TICKET_CAFE.id]);
    expect(ticketIds(search(replica, 'invo'))).toEqual([TICKET_BILLING.id]);
    // A word followed by a space is a whole word.
    expect(ticketIds(search(replica, 'invo '))).toEqual([]);
    expect(ticketIds(search(replica, 'tim* exp'))).toEqual([TICKET_EXPORT.id]);
    // Ticket numbers and tags are searchable too.
    expect(ticketIds(search(replica, '103 '))).toEqual([TICKET_CAFE.id]);
    expect(ticketIds(search(replica, 'vip '))).toEqual([TICKET_EXPORT.id]);
  });

  it('applies phrases, exclusions and filters', async () => {
    const replica = await seeded();
    expect(ticketIds(search(replica, '"export fails"'))).toEqual([TICKET_EXPORT.id]);
    expect(ticketIds(search(replica, '"fails export"'))).toEqual([]);
    expect(ticketIds(search(replica, 'export -timeout'))).toEqual([TICKET_BILLING.id]);
    expect(ticketIds(search(replica, 'export status:open'))).toEqual([TICKET_EXPORT.id]);
    expect(ticketIds(search(replica, 'export status:new'))).toEqual([TICKET_BILLING.id]);
    expect(ticketIds(search(replica, 'export priority:urgent assignee:me'))).toEqual([TICKET_EXPORT.id]);
    expect(ticketIds(search(replica, 'export team:bill'))).toEqual([TICKET_BILLING.id]);
    expect(ticketIds(search(replica, 'export tag:VIP'))).toEqual([TICKET_EXPORT.id]);
    expect(ticketIds(search(replica, 'export account:acm'))).toEqual([TICKET_EXPORT.id]);
    expect(ticketIds(search(replica, 'export requester:carla@'))).toEqual([TICKET_EXPORT.id, TICKET_BILLING.id]);
    expect(ticketIds(search(replica, 'export requester:zed'))).toEqual([]);
    expect(ticketIds(search(replica, 'export created:<2026-10-06'))).toEqual([TICKET_BILLING.id]);
    expect(ticketIds(search(replica, 'export created:>2026-10-05'))).toEqual([TICKET_EXPORT.id]);
    expect(ticketIds(search(replica, 'is:unassigned'))).toEqual(expect.arrayContaining([TICKET_BILLING.id, TICKET_CAFE.id]));
    expect(ticketIds(search(replica, 'is:unassigned'))).not.toContain(TICKET_EXPORT.id);
    // kind: narrows the groups; a message hit still shows as its ticket.
    const onlyMessages = search(replica, 'export kind:message');
    expect(onlyMessages.groups.map((g) => g.kind)).toEqual(['ticket']);
    expect(ticketIds(onlyMessages)).toEqual([TICKET_BILLING.id]);
    expect(search(replica, 'acme kind:account').groups).toEqual([{ kind: 'account', hits: [expect.objectContaining({ id: account.id, ticketId: TICKET_EXPORT.id })] }]);
    expect(hitsOf(search(replica, 'carla'), 'contact')).toEqual([expect.objectContaining({ id: contact.id, accountName: 'Acme' })]);
  });

  it('answers a query it cannot run with no results and a hint, never an error', async () => {
    const replica = await seeded();
    for (const text of ['"unbalanced', 'colour:red', '- * "" ()', 'x'.repeat(10_000), '\u202e\u200b\ud800', '-"only excluded"', 'status:nonsense']) {
      const result = search(replica, text);
      expect(result.groups, text.slice(0, 20)).toEqual([]);
      expect(result.hint, text.slice(0, 20)).toEqual(expect.any(String));
    }
    // FTS5 syntax typed by the agent is just words.
    expect(ticketIds(search(replica, 'subject: export'))).toEqual([]);
    expect(search(replica, 'export OR invoice').hint).toBeNull();
  });

  it('keeps every index right under put, update, delete, clear and scope eviction', async () => {
    const replica = await seeded();
    // Update: the old subject no longer matches, the new one does.
    await putRows(replica, [{ kind: 'ticket', row: { ...TICKET_EXPORT, subject: 'Dashboard is blank', updatedAt: T1 } }]);
    expect(ticketIds(search(replica, 'timeout'))).toEqual([]);
    expect(ticketIds(search(replica, 'dashboard'))).toEqual([TICKET_EXPORT.id]);
    // Delete.
    await replica.writer.transaction(() => replica.store.delete('message', MSG_BILLING.id));
    expect(ticketIds(search(replica, 'invoices'))).toEqual([]);
    expectIndexesIntact(replica);
    // Scope eviction removes rows with one DELETE per kind, past EntityStore.
    await replica.writer.transaction(() => replica.serverRows.removeAll((kind) => (kind === 'ticket' ? { sql: 'SELECT ? AS id', params: [TICKET_CAFE.id] } : null)));
    expect(replica.store.get('ticket', TICKET_CAFE.id)).toBeUndefined();
    expect(ticketIds(search(replica, 'cafe'))).toEqual([]);
    expectIndexesIntact(replica);
    // Clear (sign-out wipe) empties the indexes.
    await replica.wipe();
    expect(search(replica, 'dashboard').groups).toEqual([]);
    expectIndexesIntact(replica);
  });

  it('keeps the index right when a rebase undoes and replays pending work', async () => {
    const replica = await seeded();
    await replica.writer.transaction(() =>
      replica.outbox.record(messageAdd, { id: id(203), ticketId: TICKET_CAFE.id, kind: 'note', body: 'Escalated to the zeppelin team' }, { actorId: agentAlex.id, role: 'agent', now: T1 }),
    );
    expect(ticketIds(search(replica, 'zeppelin'))).toEqual([TICKET_CAFE.id]);
    // A pull: the server renamed the ticket; our note is undone and replayed on top.
    const change: Change = { seq: 5, kind: 'ticket', id: TICKET_CAFE.id, op: 'put', data: { ...TICKET_CAFE, subject: 'Bistro menu PDF', updatedAt: T0 } };
    await replica.writer.transaction(() => rebase(replica, { changes: [change], lastMutationId: 0, cursor: { epoch: 'e1', seq: 5 } }));
    expect(ticketIds(search(replica, 'zeppelin'))).toEqual([TICKET_CAFE.id]);
    expect(ticketIds(search(replica, 'bistro'))).toEqual([TICKET_CAFE.id]);
    expect(ticketIds(search(replica, 'cafe'))).toEqual([]);
    expectIndexesIntact(replica);
    // The server refused the note for good: the undo removes it, and the index with it.
    await replica.writer.transaction(() => rebase(replica, { changes: [], lastMutationId: 1, cursor: { epoch: 'e1', seq: 6 } }));
    expect(replica.store.get('message', id(203))).toBeUndefined();
    expect(ticketIds(search(replica, 'zeppelin'))).toEqual([]);
    expectIndexesIntact(replica);
  });

  it('defers indexing during a bulk load, then builds it in chunks with progress, searchable part by part', async () => {
    const replica = await openReplica();
    await replica.writer.transaction(() => suspendSearchIndex(replica.db));
    const many: Row[] = Array.from({ length: 250 }, (_, i) => ({ kind: 'message' as const, row: customerMessage({ id: id(1000 + i), body: `walrus number ${i}` }) }));
    await putRows(replica, [...rows, ...many]);
    expect(searchIndexPending(replica.db)).toBe(true);
    // Nothing indexed during the load: the triggers skipped every row.
    expect(replica.db.prepare(`SELECT count(*) FROM search_messages WHERE search_messages MATCH 'walrus'`).pluck().get()).toBe(0);
    expect(search(replica, 'walrus').indexing).toBe(true);

    const progress: IndexProgress[] = [];
    const seenMidway: number[] = [];
    await buildSearchIndex(
      replica.db,
      replica.writer,
      (p) => {
        progress.push(p);
        if (p.done > 0 && p.done < p.total) seenMidway.push(replica.db.prepare(`SELECT count(*) FROM search_messages WHERE search_messages MATCH 'walrus'`).pluck().get() as number);
      },
      { chunkRows: 50, transactionMs: 0 },
    );
    expect(searchIndexPending(replica.db)).toBe(false);
    expect(progress.every((p) => p.label === INDEXING_LABEL)).toBe(true);
    expect(progress[0]).toEqual({ label: INDEXING_LABEL, done: 0, total: rows.length - 4 + many.length });
    expect(progress.at(-1)).toEqual({ label: INDEXING_LABEL, done: rows.length - 4 + many.length, total: rows.length - 4 + many.length });
    // Partial results while it ran.
    expect(seenMidway.some((n) => n > 0 && n < many.length)).toBe(true);
    expect(search(replica, 'walrus', 50)).toMatchObject({ indexing: false, hint: null });
    expect(replica.db.prepare(`SELECT count(*) FROM search_messages WHERE search_messages MATCH 'walrus'`).pluck().get()).toBe(many.length);
    expectIndexesIntact(replica);
    // Live again: a new row is indexed by its trigger.
    await putRows(replica, [{ kind: 'message', row: customerMessage({ id: id(2000), ticketId: TICKET_CAFE.id, body: 'a narwhal' }) }]);
    expect(ticketIds(search(replica, 'narwhal'))).toEqual([TICKET_CAFE.id]);
  });
});

describe('migration 007 (search)', () => {
  it('adds the indexes to a version-6 replica; its rows are indexed once the build runs', async () => {
    const file = newFile();
    const db = new Database(file);
    migrate(db, migrations.slice(0, 6));
    db.prepare('INSERT INTO tickets (id, unsolved, requester_id, created_at, updated_at, priority_rank, number, data) VALUES (?, 1, ?, ?, ?, 1, 102, ?)').run(
      TICKET_BILLING.id,
      TICKET_BILLING.requesterId,
      TICKET_BILLING.createdAt,
      TICKET_BILLING.updatedAt,
      JSON.stringify(TICKET_BILLING),
    );
    migrate(db, migrations);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_search_%'`).pluck().get()).toBe(SEARCHED.length * 3);
    expect(db.prepare('SELECT tbl, upto FROM _search_state ORDER BY tbl').all()).toEqual(SEARCHED.map((t) => ({ tbl: t.table, upto: 0 })).sort((a, b) => a.tbl.localeCompare(b.tbl)));
    db.close();

    const replica = await Replica.open(file);
    try {
      expect(searchIndexPending(replica.db)).toBe(true);
      expect(ticketIds(search(replica, 'invoice'))).toEqual([]);
      await buildSearchIndex(replica.db, replica.writer);
      expect(ticketIds(search(replica, 'invoice'))).toEqual([TICKET_BILLING.id]);
      // From then on the triggers keep it.
      await putRows(replica, [{ kind: 'ticket', row: { ...TICKET_BILLING, subject: 'Refund request' } }]);
      expect(ticketIds(search(replica, 'invoice'))).toEqual([]);
      expect(ticketIds(search(replica, 'refund'))).toEqual([TICKET_BILLING.id]);
      expectIndexesIntact(replica);
    } finally {
      await replica.close();
    }
  });
});
