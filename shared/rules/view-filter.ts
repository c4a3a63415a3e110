import type { ViewFilter } from '../model/view.ts';

/**
 * Why a saved view's filter cannot be used, in words for the agent, or null when it is fine.
 * The schema already bounds every field; this refuses what is well-formed but meaningless:
 * an empty "any of" list (it would match nothing) and two date filters on the same field.
 */
export function viewFilterRefusal(filter: ViewFilter): string | null {
  const lists: [keyof ViewFilter, string][] = [
    ['statuses', 'status'],
    ['priorities', 'priority'],
    ['teamIds', 'team'],
    ['assigneeIds', 'assignee'],
    ['tags', 'tag'],
    ['channels', 'channel'],
    ['products', 'product'],
    ['accountIds', 'account'],
  ];
  for (const [key, label] of lists) {
    const list = filter[key] as readonly unknown[] | undefined;
    if (list && list.length === 0) return `The ${label} filter has nothing picked; pick at least one ${label} or remove the filter.`;
  }
  const dateFields = (filter.dates ?? []).map((d) => d.field);
  if (new Set(dateFields).size !== dateFields.length) return 'Two date filters are on the same date; keep one per date.';
  return null;
}
