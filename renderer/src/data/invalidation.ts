import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EntityKind } from '../../../shared/model/common.ts';
import { queryKeys } from './query-keys.ts';

/** Which cached queries show rows of each kind. */
const shownBy: Record<EntityKind, readonly QueryKey[]> = {
  team: [queryKeys.agents, queryKeys.teams, queryKeys.ticket, queryKeys.queue, queryKeys.reports],
  agent: [queryKeys.agents, queryKeys.ticket, queryKeys.queue, queryKeys.session, queryKeys.reports],
  account: [queryKeys.queue, queryKeys.customer, queryKeys.search],
  contact: [queryKeys.queue, queryKeys.ticket, queryKeys.customer, queryKeys.search],
  ticket: [queryKeys.queue, queryKeys.ticket, queryKeys.customer, queryKeys.search, queryKeys.reports],
  message: [queryKeys.ticket, queryKeys.search],
  article: [queryKeys.search],
  slaPolicy: [queryKeys.queue, queryKeys.ticket, queryKeys.slaPolicy],
  macro: [queryKeys.macros],
  view: [queryKeys.queue],
  /** Saved reports: the list, and the pinned ones on the dashboard. */
  report: [queryKeys.reportsSaved],
};

/**
 * The open ticket and its customer pane are asked for first: the engine answers in order, and a
 * queue's pages and the views' counts (tens of ms on a large replica) would otherwise hold up the
 * change the agent is looking at.
 */
const first: readonly QueryKey[] = [queryKeys.ticket, queryKeys.customer];

/**
 * Reports aggregate whole tables on the replica: while a sync streams changes in, they run again at
 * most once per REPORTS_EVERY_MS (the first change at once, the last one always), not once per batch.
 */
export const REPORTS_EVERY_MS = 2000;
const reportsThrottle = new WeakMap<QueryClient, { timer: ReturnType<typeof setTimeout> | null; pending: boolean }>();

function invalidateReports(queryClient: QueryClient): void {
  const state = reportsThrottle.get(queryClient) ?? { timer: null, pending: false };
  reportsThrottle.set(queryClient, state);
  if (state.timer) {
    state.pending = true;
    return;
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
  const quiet = () => {
    state.timer = null;
    if (!state.pending) return;
    state.pending = false;
    void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
    state.timer = setTimeout(quiet, REPORTS_EVERY_MS);
  };
  state.timer = setTimeout(quiet, REPORTS_EVERY_MS);
}

export function invalidateKinds(queryClient: QueryClient, kinds: readonly EntityKind[]): void {
  const keys = new Set(kinds.flatMap((kind) => shownBy[kind]));
  for (const queryKey of [...first.filter((k) => keys.has(k)), ...[...keys].filter((k) => !first.includes(k))]) {
    if (queryKey === queryKeys.reports) invalidateReports(queryClient);
    else void queryClient.invalidateQueries({ queryKey });
  }
}
