import type { reportProcedures } from '../../../shared/ipc/features/reports.ts';
import { newId } from '../../../shared/ids.ts';
import { reportDelete, reportSave } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import { currentAgent } from '../queries/viewer.ts';
import { dashboard } from '../reports/dashboard.ts';
import { drillDown } from '../reports/drill-down.ts';
import { runReport } from '../reports/run-report.ts';
import { visibleSavedReports } from '../reports/saved-reports.ts';
import type { Handlers } from './types.ts';

/** Reports run on the replica, so they cover what the agent's scopes hold: their teams' tickets (a lead's teams, an admin's all). */
export function reportHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof reportProcedures> {
  return {
    'reports.run': ({ definition, timeZone, compare }) => runReport(ctx.sql, definition, { timeZone, compare, now: Date.now() }),
    'reports.dashboard': (input) => dashboard(ctx.sql, input, Date.now()),
    'reports.tickets': (input) => drillDown(ctx.sql, input, Date.now()),
    'reports.list': () => visibleSavedReports(ctx.sql, currentAgent(ctx.replica, ctx.session)),
    'reports.save': async ({ id, ...fields }) => {
      const viewer = currentAgent(ctx.replica, ctx.session);
      const reportId = id ?? newId();
      const current = id ? ctx.replica.store.get('report', id) : undefined;
      // A new report goes last among those the agent sees.
      const position = current?.position ?? visibleSavedReports(ctx.sql, viewer).length;
      await mutate(ctx, reportSave, { ...fields, id: reportId, position });
      return { reportId };
    },
    'reports.delete': async ({ reportId }) => {
      await mutate(ctx, reportDelete, { reportId });
      return null;
    },
  };
}
