/**
 * The search indexes of the replica: one FTS5 table per searched kind, fed by triggers on the
 * entity table (so every path a row takes — put, delete, clear, rebase undo, scope eviction,
 * re-bootstrap — keeps the index right) and reading its text back through a view (external
 * content: the text is stored once, in the row's JSON, and snippet() still works).
 *
 * `_search_state.upto` per table: the index holds exactly the rows whose rowid is ≤ upto, with
 * their current text. The triggers only touch rows within it; the builder (search-index.ts)
 * moves it forward in chunks and sets it to MAX_ROWID once every row is in, so that a bulk load
 * (initial sync) writes the tables alone and the index is built afterwards.
 */

export interface SearchTable {
  /** The entity table. */
  readonly table: string;
  /** The FTS5 table. */
  readonly fts: string;
  /** Its columns, each an SQL expression over the entity row's `data` (written as `{r}.data`). */
  readonly columns: Readonly<Record<string, string>>;
  /** bm25 weights, one per column. */
  readonly weights: readonly number[];
}

export const MAX_ROWID = 9223372036854775807n;

export const searchTables = {
  ticket: {
    table: 'tickets',
    fts: 'search_tickets',
    columns: {
      subject: `json_extract({r}.data, '$.subject')`,
      // The JSON array as text: the tokenizer drops its brackets, quotes and commas. (A json_each
      // subquery here would break FTS5's integrity-check over the view.)
      tags: `json_extract({r}.data, '$.tags')`,
      number: `CAST(json_extract({r}.data, '$.number') AS TEXT)`,
    },
    weights: [10, 4, 4],
  },
  message: { table: 'messages', fts: 'search_messages', columns: { body: `json_extract({r}.data, '$.body')` }, weights: [1] },
  contact: {
    table: 'contacts',
    fts: 'search_contacts',
    columns: { name: `json_extract({r}.data, '$.name')`, email: `json_extract({r}.data, '$.email')` },
    weights: [4, 2],
  },
  account: {
    table: 'accounts',
    fts: 'search_accounts',
    columns: { name: `json_extract({r}.data, '$.name')`, domain: `json_extract({r}.data, '$.domain')` },
    weights: [4, 2],
  },
  article: {
    table: 'articles',
    fts: 'search_articles',
    columns: { title: `json_extract({r}.data, '$.title')`, body: `json_extract({r}.data, '$.body')` },
    weights: [8, 1],
  },
} as const satisfies Record<string, SearchTable>;

export type SearchedKind = keyof typeof searchTables;
export const SEARCHED: readonly SearchTable[] = Object.values(searchTables);

const TOKENIZE = `tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'`;

function exprs(t: SearchTable, row: string): string[] {
  return Object.values(t.columns).map((e) => e.replaceAll('{r}', row));
}

/** The view the FTS table reads its text from (rid = the entity row's rowid). */
export function sourceView(t: SearchTable): string {
  return `${t.fts}_src`;
}

/** The DDL of one searched kind: view, FTS table, ranking, triggers. */
export function searchTableDdl(t: SearchTable): string {
  const cols = Object.keys(t.columns);
  const view = sourceView(t);
  const within = (row: string) => `${row}.rowid <= (SELECT upto FROM _search_state WHERE tbl = '${t.table}')`;
  const insert = `INSERT INTO ${t.fts} (rowid, ${cols.join(', ')}) VALUES (new.rowid, ${exprs(t, 'new').join(', ')});`;
  const remove = `INSERT INTO ${t.fts} (${t.fts}, rowid, ${cols.join(', ')}) VALUES ('delete', old.rowid, ${exprs(t, 'old').join(', ')});`;
  return `
    CREATE VIEW ${view} AS SELECT r.rowid AS rid, ${exprs(t, 'r')
      .map((e, i) => `${e} AS ${cols[i]}`)
      .join(', ')} FROM ${t.table} r;
    CREATE VIRTUAL TABLE ${t.fts} USING fts5(${cols.join(', ')}, content = '${view}', content_rowid = 'rid', ${TOKENIZE});
    INSERT INTO ${t.fts} (${t.fts}, rank) VALUES ('rank', 'bm25(${t.weights.map((w) => w.toFixed(1)).join(', ')})');
    INSERT INTO _search_state (tbl, upto) VALUES ('${t.table}', 0);
    CREATE TRIGGER ${t.table}_search_insert AFTER INSERT ON ${t.table} WHEN ${within('new')} BEGIN ${insert} END;
    CREATE TRIGGER ${t.table}_search_delete AFTER DELETE ON ${t.table} WHEN ${within('old')} BEGIN ${remove} END;
    CREATE TRIGGER ${t.table}_search_update AFTER UPDATE OF data ON ${t.table} WHEN ${within('old')} BEGIN ${remove} ${insert} END;
  `;
}
