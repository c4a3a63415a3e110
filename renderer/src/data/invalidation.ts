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

export function invalidateKinds(queryClient: QueryClient, kinds: readonly EntityKind[]): void {
  const keys = new Set(kinds.flatMap((kind) => shownBy[kind]));
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
}
