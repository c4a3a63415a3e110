import type { reportProcedures } from '../../../shared/ipc/features/reports.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

/** Foundation only: the reports-engine branch replaces every one of these. */
export function reportHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof reportProcedures> {
  const notYet = () => {
    throw new Error('Reports are not built yet.');
  };
  return { 'reports.run': notYet, 'reports.dashboard': notYet, 'reports.tickets': notYet, 'reports.list': notYet, 'reports.save': notYet, 'reports.delete': notYet };
}
