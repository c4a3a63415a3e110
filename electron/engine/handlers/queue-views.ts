import type { viewProcedures } from '../../../shared/ipc/features/queues.ts';
import { newId } from '../../../shared/ids.ts';
import { viewDelete, viewSave } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import { planPage } from '../queries/queue.ts';
import { SORT_COLUMNS } from '../queries/view-filter.ts';
import { planOf, viewList, visibleSavedViews } from '../queries/view-list.ts';
import { currentAgent } from '../queries/viewer.ts';
import type { Handlers } from './types.ts';

export function viewHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof viewProcedures> {
  return {
    'views.list': () => viewList(ctx.sql, ctx.replica, currentAgent(ctx.replica, ctx.session)),
    'views.save': async ({ id, position, ...fields }) => {
      const viewer = currentAgent(ctx.replica, ctx.session);
      const viewId = id ?? newId();
      const current = id ? ctx.replica.store.get('view', id) : undefined;
      // A new view goes last in the navigation.
      const place = position ?? current?.position ?? visibleSavedViews(ctx.sql, viewer).length;
      await mutate(ctx, viewSave, { ...fields, id: viewId, position: place });
      return { viewId };
    },
    'views.delete': async ({ viewId }) => {
      await mutate(ctx, viewDelete, { viewId });
      return null;
    },
    'queue.viewPage': ({ ref, sort, after, limit }) => {
      const plan = planOf(ctx.replica, currentAgent(ctx.replica, ctx.session), ref);
      return planPage(ctx.sql, sort ? { ...plan, sort: { ...SORT_COLUMNS[sort.field], direction: sort.direction } } : plan, { after, limit });
    },
  };
}
