import type { reportProcedures } from '../../../shared/ipc/features/reports.ts';
import type { EngineContext } from '../engine-context.ts';
import { dashboard } from '../reports/dashboard.ts';
import { drillDown } from '../reports/drill-down.ts';
import { runReport } from '../reports/run-report.ts';
import type { Handlers } from './types.ts';

/** Reports run on the replica, so they cover what the agent's scopes hold: their teams' tickets (a lead's teams, an admin's all). */
export function reportHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof reportProcedures> {
  const notYet = () => {
    throw new Error('Saved reports are not built yet.');
  };
  return {
    'reports.run': ({ definition, timeZone, compare }) => runReport(ctx.sql, definition, { timeZone, compare, now: Date.now() }),
    'reports.dashboard': (input) => dashboard(ctx.sql, input, Date.now()),
    'reports.tickets': (input) => drillDown(ctx.sql, input, Date.now()),
    'reports.list': notYet,
    'reports.save': notYet,
    'reports.delete': notYet,
  };
}
