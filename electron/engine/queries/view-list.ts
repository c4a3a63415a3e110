import type { QueueRef, ViewListItem } from '../../../shared/ipc/features/queues.ts';
import { DeskError } from '../../../shared/ipc/contract.ts';
import type { QueueView } from '../../../shared/ipc/views.ts';
import { DEFAULT_SLA_POLICY_ID, DEFAULT_VIEW_COLUMNS, type Agent, type SavedView } from '../../../shared/model/index.ts';
import { viewEditRefusal } from '../../../shared/rules/permissions.ts';
import type { Replica } from '../replica/replica.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { builtinPlan, builtinViews, DEFAULT_AT_RISK_MINUTES, planCount, type QueueEnv, type QueuePlan, type ViewCount } from './queue.ts';
import { savedViewPlan } from './view-filter.ts';

const BUILTIN_NAMES: Record<QueueView, string> = {
  mine: 'Mine',
  unassigned: 'Unassigned',
  team: 'My teams',
  pending: 'Pending',
  sla_at_risk: 'SLA at risk',
  recent: 'Recently updated',
  all: 'All',
};


const countFields = (count: ViewCount) => ({ count: count.n, countCapped: count.capped });

export function builtinItem(view: QueueView, count: ViewCount): ViewListItem {
  const sla = view === 'sla_at_risk';
  return {
    id: view,
    name: BUILTIN_NAMES[view],
    builtin: true,
    shared: true,
    editable: false,
    ...countFields(count),
    sort: sla ? { field: 'slaDueAt', direction: 'asc' } : { field: 'updatedAt', direction: 'desc' },
    columns: view === 'mine' ? DEFAULT_VIEW_COLUMNS.filter((c) => c !== 'assignee') : [...DEFAULT_VIEW_COLUMNS],
    saved: null,
  };
}

/** The clock and the workspace policy's at-risk window, as of now. */
export function queueEnv(replica: Replica): QueueEnv {
  const policy = replica.store.get('slaPolicy', DEFAULT_SLA_POLICY_ID);
  return { now: Date.now(), atRiskMinutes: policy?.atRiskMinutes ?? DEFAULT_AT_RISK_MINUTES };
}

/** Saved views the agent sees: shared ones, then their own, each in position order. */
export function visibleSavedViews(sql: StatementCache, viewer: Agent): SavedView[] {
  const all = sql.all<{ data: string }>({ sql: 'SELECT data FROM saved_views', params: [] }).map((r) => JSON.parse(r.data) as SavedView);
  const byPlace = (a: SavedView, b: SavedView) => a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return [...all.filter((v) => v.shared).sort(byPlace), ...all.filter((v) => !v.shared && v.ownerId === viewer.id).sort(byPlace)];
}

export function viewList(sql: StatementCache, replica: Replica, viewer: Agent): ViewListItem[] {
  const env = queueEnv(replica);
  const builtins = builtinViews.map((v) => builtinItem(v, planCount(sql, builtinPlan(v, viewer, env))));
  const saved = visibleSavedViews(sql, viewer).map(
    (v): ViewListItem => ({
      id: v.id,
      name: v.name,
      builtin: false,
      shared: v.shared,
      editable: viewEditRefusal(viewer.role, viewer.id, v) === null,
      ...countFields(planCount(sql, savedViewPlan(v, viewer, env))),
      sort: v.sort,
      columns: v.columns,
      saved: v,
    }),
  );
  return [...builtins, ...saved];
}

/** The plan of a built-in view or of a saved view the agent may see. */
export function planOf(replica: Replica, viewer: Agent, ref: QueueRef): QueuePlan {
  const env = queueEnv(replica);
  if ('view' in ref) return builtinPlan(ref.view, viewer, env);
  const view = replica.store.get('view', ref.viewId);
  if (!view || (!view.shared && view.ownerId !== viewer.id)) throw new DeskError('invalid_input', 'This view does not exist any more; pick another one.');
  return savedViewPlan(view, viewer, env);
}
