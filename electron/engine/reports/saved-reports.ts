import type { Agent } from '../../../shared/model/index.ts';
import type { SavedReport } from '../../../shared/reports/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';

/** The saved reports an agent may see: their own personal ones and every shared one, each by position then name. */
export function visibleSavedReports(sql: StatementCache, viewer: Pick<Agent, 'id'>): SavedReport[] {
  const all = sql.all<{ data: string }>({ sql: 'SELECT data FROM saved_reports', params: [] }).map((r) => JSON.parse(r.data) as SavedReport);
  const byPlace = (a: SavedReport, b: SavedReport) => a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return all.filter((r) => r.shared || r.ownerId === viewer.id).sort(byPlace);
}
