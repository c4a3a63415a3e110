import type { Replica } from '../../electron/engine/replica/replica.ts';
import type { StatementCache } from '../../electron/engine/replica/statement-cache.ts';
import { runSearch } from '../../electron/engine/search/run-search.ts';
import { buildSearchIndex, searchIndexPending } from '../../electron/engine/search/search-index.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { sampleSync } from '../harness/stats.ts';
import type { SuiteContext } from '../harness/suite.ts';

/** Hits per group, as the search box asks. */
const LIMIT = 8;

/** Terms of the messages' index by how many messages hold them (fts5vocab), words of 4 letters or more. */
function vocabulary(replica: Replica): { common: string[]; rare: string; mid: string } {
  replica.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, search_messages, row)`);
  const common = replica.db.prepare<[], string>(`SELECT term FROM temp.bench_vocab WHERE length(term) >= 4 AND term GLOB '[a-z]*' ORDER BY doc DESC, term LIMIT 2`).pluck().all();
  const rare = replica.db.prepare<[], string>(`SELECT term FROM temp.bench_vocab WHERE length(term) >= 5 AND term GLOB '[a-z]*' ORDER BY doc, term LIMIT 1`).pluck().get();
  const mid = replica.db
    .prepare<[], string>(`SELECT term FROM temp.bench_vocab WHERE length(term) >= 6 AND term GLOB '[a-z]*' ORDER BY doc DESC, term LIMIT 1 OFFSET 40`)
    .pluck()
    .get();
  if (common.length < 2 || !rare || !mid) throw new Error('the replica has too few words to pick search terms from');
  return { common, rare, mid };
}

/**
 * search.query as its handler runs it (no IPC) on the admin's full replica, over tickets (subject,
 * tags, number), messages (body), contacts, accounts and articles at once, grouped and ranked,
 * with snippets: the words are picked from the replica's own vocabulary.
 */
export async function searchFigures(ctx: SuiteContext, replica: Replica, sql: StatementCache, viewerId: string): Promise<void> {
  if (searchIndexPending(replica.db)) {
    ctx.log('building the search index of the replica (it predates search)');
    let last = 0;
    await buildSearchIndex(replica.db, replica.writer, (p) => {
      const percent = Math.floor((p.done / Math.max(1, p.total)) * 10) * 10;
      if (percent > last) ctx.log(`indexing for search ${(last = percent)}%`);
    });
  }
  const names = ['single common term', 'rare term', 'two terms', 'prefix', 'with filters'] as const;
  let words: ReturnType<typeof vocabulary>;
  try {
    words = vocabulary(replica);
  } catch (err) {
    for (const name of names)
      await ctx.attempt(`search: ${name}`, () => {
        throw err;
      });
    return;
  }
  const [first, second] = words.common as [string, string];
  const texts = [`${first} `, `${words.rare} `, `${first} ${second} `, words.mid.slice(0, 3), `${first} status:open priority:high,urgent`];
  const searcher = { db: replica.db, sql, viewerId };
  for (const [i, name] of names.entries()) {
    const text = texts[i] as string;
    await ctx.attempt(`search: ${name}`, async () => {
      const once = runSearch(searcher, { text, limit: LIMIT });
      if (once.hint) throw new Error(`"${text}" was refused: ${once.hint}`);
      const hits = once.groups.map((g) => `${g.hits.length} ${g.kind}s`).join(', ') || 'no hits';
      ctx.figure(`search: ${name}`, 'ms', sampleSync(ctx.options.samples, () => runSearch(searcher, { text, limit: LIMIT })), {
        budget: BUDGETS.search,
        note: `"${text.trim()}": ${hits}`,
      });
    });
  }
}
