/** A figure's budget: a limit on one statistic of its samples (or its single value). */
export interface Budget {
  limit: number;
  /** 'max': the figure must stay at or under the limit; 'min': at or above. */
  kind: 'max' | 'min';
  on: 'median' | 'p95' | 'p99' | 'max' | 'value';
}

const atMost = (limit: number, on: Budget['on']): Budget => ({ limit, kind: 'max', on });
const atLeast = (limit: number): Budget => ({ limit, kind: 'min', on: 'value' });

/** The budgets of issue 4, each named for what it holds. */
export const BUDGETS = {
  ticketPane: atMost(2, 'p99'),
  clickToPaint: atMost(50, 'p99'),
  queuePage: atMost(5, 'p99'),
  search: atMost(30, 'p95'),
  dashboard: atMost(300, 'p95'),
  /** Percent of the bare-insert limit's rows/s. */
  initialSyncOfLimit: atLeast(50),
  /** Times PouchDB's docs/s. */
  initialSyncOfPouch: atLeast(10),
  propagation: atMost(100, 'p95'),
  /** Seconds. */
  drain10k: atMost(5, 'value'),
  /** Milliseconds the main process's event loop may stall. */
  mainBlocked: atMost(16, 'max'),
} as const satisfies Record<string, Budget>;

export function budgetLabel(b: Budget, unit: string): string {
  return `${b.kind === 'max' ? '≤' : '≥'} ${b.limit} ${unit}${b.on === 'value' ? '' : ` ${b.on}`}`;
}
