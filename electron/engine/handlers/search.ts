import type { searchProcedures } from '../../../shared/ipc/features/search.ts';
import type { EngineContext } from '../engine-context.ts';
import { currentAgent } from '../queries/viewer.ts';
import { runSearch, searchArticle } from '../search/run-search.ts';
import type { Handlers } from './types.ts';

export function searchHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof searchProcedures> {
  return {
    'search.query': (input) => runSearch({ db: ctx.replica.db, sql: ctx.sql, viewerId: currentAgent(ctx.replica, ctx.session).id }, input),
    'search.article': ({ id }) => {
      ctx.session.require();
      return searchArticle({ sql: ctx.sql }, id);
    },
  };
}
