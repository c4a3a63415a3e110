import SQLite from 'better-sqlite3';
import type { EntityKind, EntityOf } from '../../shared/model/index.ts';
import { ORG_SCOPE, ticketScopes } from '../../shared/sync/scopes.ts';
import { toRow } from '../../server/store/rows.ts';
import { entityTables } from '../../server/store/schema.ts';
import { ChecksumDeltas } from '../../server/sync/checksums.ts';
import { scopeOf } from '../../server/sync/scopes.ts';
import { completeStore, createStore } from './server-store.ts';
import type { LargeWorkspace } from './workspace.ts';

/** Rows per transaction: large enough that commits cost nothing, small enough to keep memory flat. */
const BATCH_ROWS = 50_000;

export interface LoadedCounts {
  teams: number;
  agents: number;
  accounts: number;
  contacts: number;
  tickets: number;
  messages: number;
  articles: number;
}

/**
 * Writes a large workspace into a new server SQLite file the way TOOLCHAIN.md says bulk loads go:
 * the entity tables' indexes dropped, prepared inserts in 50k-row transactions with no journal, the
 * indexes built after. Rows get version 0 (no logged change yet) and the checksums the server
 * would have kept for them.
 */
export async function loadServerStore(dbFile: string, workspace: LargeWorkspace, onProgress: (message: string) => void = () => {}): Promise<LoadedCounts> {
  await createStore(dbFile);
  const db = new SQLite(dbFile);
  const checksums = new ChecksumDeltas();
  const counts: LoadedCounts = { teams: 0, agents: 0, accounts: 0, contacts: 0, tickets: 0, messages: 0, articles: 0 };
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const tables = Object.values(entityTables);
    const indexes = db
      .prepare<string[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
      .all(...tables);
    for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);

    const writer = new BatchWriter(db);
    const put = <K extends EntityKind>(kind: K, entity: EntityOf<K>, scopes: string[]) => {
      writer.insert(kind, toRow(kind, entity, scopeOf(kind, entity as { teamId?: string | null }, scopes[0])) as Record<string, unknown>);
      checksums.add(scopes, kind, entity.id, 0);
      counts[entityTables[kind]] += 1;
    };
    for (const team of workspace.teams) put('team', team, [ORG_SCOPE]);
    for (const agent of workspace.agents) put('agent', agent, [ORG_SCOPE]);
    let lastNumber = 0;
    for (const chunk of workspace.chunks()) {
      for (const account of chunk.accounts) put('account', account, [ORG_SCOPE]);
      for (const contact of chunk.contacts) put('contact', contact, [ORG_SCOPE]);
      for (const article of chunk.articles) put('article', article, [ORG_SCOPE]);
      const scopesOf = new Map<string, string[]>();
      for (const ticket of chunk.tickets) {
        const scopes = ticketScopes(ticket);
        scopesOf.set(ticket.id, scopes);
        put('ticket', ticket, scopes);
        lastNumber = Math.max(lastNumber, ticket.number ?? 0);
      }
      for (const message of chunk.messages) put('message', message, scopesOf.get(message.ticketId) as string[]);
      onProgress(`${counts.tickets.toLocaleString('en')} tickets, ${counts.messages.toLocaleString('en')} messages written`);
    }
    writer.flush();
    for (const { name, sql } of indexes) {
      onProgress(`building index ${name}`);
      db.exec(sql);
    }
    db.pragma('journal_mode = WAL');
    db.close();
    await completeStore(dbFile, workspace.agents.map((a) => a.id), lastNumber, checksums);
    return counts;
  } finally {
    if (db.open) db.close();
  }
}

/** Prepared inserts per table, committed every BATCH_ROWS rows. */
class BatchWriter {
  readonly #db: SQLite.Database;
  readonly #inserts = new Map<string, { columns: string[]; statement: SQLite.Statement<unknown[]> }>();
  #pending = 0;

  constructor(db: SQLite.Database) {
    this.#db = db;
    db.exec('BEGIN');
  }

  insert(kind: EntityKind, row: Record<string, unknown>): void {
    const table = entityTables[kind];
    let insert = this.#inserts.get(table);
    if (!insert) {
      const columns = Object.keys(row);
      insert = { columns, statement: this.#db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`) };
      this.#inserts.set(table, insert);
    }
    insert.statement.run(insert.columns.map((c) => row[c]));
    if (++this.#pending >= BATCH_ROWS) this.flush(true);
  }

  flush(more = false): void {
    this.#db.exec('COMMIT');
    this.#pending = 0;
    if (more) this.#db.exec('BEGIN');
  }
}
