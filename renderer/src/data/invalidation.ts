import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EntityKind } from '../../../shared/model/common.ts';
import { queryKeys } from './query-keys.ts';

/** Which cached queries show rows of each kind. */
const shownBy: Record<EntityKind, readonly QueryKey[]> = {
  team: [queryKeys.agents, queryKeys.teams, queryKeys.ticket, queryKeys.queue],
  agent: [queryKeys.agents, queryKeys.ticket, queryKeys.queue, queryKeys.session],
  account: [queryKeys.queue, queryKeys.customer, queryKeys.search],
  contact: [queryKeys.queue, queryKeys.ticket, queryKeys.customer, queryKeys.search],
  ticket: [queryKeys.queue, queryKeys.ticket, queryKeys.customer, queryKeys.search],
  message: [queryKeys.ticket, queryKeys.search],
  article: [queryKeys.search],
  slaPolicy: [queryKeys.queue, queryKeys.ticket, queryKeys.slaPolicy],
  macro: [queryKeys.macros],
  view: [queryKeys.queue],
  // saved reports: the reports screens (reports-ui branch) add their query key here
  report: [],
};

/**
 * The open ticket and its customer pane are asked for first: the engine answers in order, and a
 * queue's pages and the views' counts (tens of ms on a large replica) would otherwise hold up the
 * change the agent is looking at.
 */
const first: readonly QueryKey[] = [queryKeys.ticket, queryKeys.customer];

export function invalidateKinds(queryClient: QueryClient, kinds: readonly EntityKind[]): void {
  const keys = new Set(kinds.flatMap((kind) => shownBy[kind]));
  for (const queryKey of [...first.filter((k) => keys.has(k)), ...[...keys].filter((k) => !first.includes(k))]) void queryClient.invalidateQueries({ queryKey });
}
