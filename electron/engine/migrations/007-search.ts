import type { Migration } from '../replica/migrate.ts';
import { SEARCHED, searchTableDdl } from '../search/search-tables.ts';

/**
 * Full-text search (issue 5): FTS5 indexes over tickets (subject, tags, number), messages (body),
 * contacts (name, email), accounts (name, domain) and articles (title, body), with triggers that
 * keep them in step with the entity tables (see search/search-tables.ts). Rows already in the
 * replica are indexed afterwards, in chunks, by the engine (search/search-index.ts): every
 * `_search_state.upto` starts at 0.
 *
 * Reserved replica migration number: 11. On this branch it runs as number 6 (the runner wants
 * 1, 2, 3...); the coordinator renumbers it when the branches meet.
 */
export const search: Migration = {
  version: 7,
  name: 'search',
  up(db) {
    db.exec(`CREATE TABLE _search_state (tbl TEXT PRIMARY KEY, upto INTEGER NOT NULL) STRICT;`);
    for (const t of SEARCHED) db.exec(searchTableDdl(t));
  },
};
