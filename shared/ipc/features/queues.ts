import { z } from 'zod';
import { Id, SavedView, ViewColumn, ViewSortField } from '../../model/index.ts';
import { ViewSaveArgs } from '../../mutators/view-save.ts';
import { QueuePage, QueueView } from '../views.ts';

export const ViewSort = z.object({ field: ViewSortField, direction: z.enum(['asc', 'desc']) });
export type ViewSort = z.infer<typeof ViewSort>;

/** A queue in the navigation: a built-in view or a saved one, with how many tickets it holds now. */
export const ViewListItem = z.object({
  /** The built-in view's name ('mine', 'sla_at_risk', ...) or the saved view's id. */
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  /** Saved views only: shared with everyone (else personal). */
  shared: z.boolean(),
  /** The agent looking may change or delete it. */
  editable: z.boolean(),
  count: z.number().int().nonnegative(),
  /** There are more than `count` tickets: a view that reads tickets to count them stops there ("10,000+"). */
  countCapped: z.boolean(),
  sort: ViewSort,
  columns: z.array(ViewColumn),
  /** The saved view as stored (for the editor); null for built-ins. */
  saved: SavedView.nullable(),
});
export type ViewListItem = z.infer<typeof ViewListItem>;

/** Which queue a page is of: a built-in view or a saved view's id. */
export const QueueRef = z.union([z.object({ view: QueueView }), z.object({ viewId: Id })]);
export type QueueRef = z.infer<typeof QueueRef>;

/** Procedures and events of the agent workspace: queue views, saved views, bulk actions. Spread into shared/ipc/contract.ts. */
export const viewProcedures = {
  /** Built-in views, then shared views, then my personal ones, each with its count. */
  'views.list': { input: z.undefined(), output: z.array(ViewListItem) },
  /** Creates (no id) or updates a saved view; refuses a bad filter or a change the agent may not make. */
  'views.save': { input: ViewSaveArgs.omit({ id: true, position: true }).extend({ id: Id.optional(), position: z.number().int().nonnegative().optional() }), output: z.object({ viewId: Id }) },
  'views.delete': { input: z.object({ viewId: Id }), output: z.null() },
  /** A page of a built-in or saved view, in the view's order (keyset cursor from the previous page). */
  'queue.viewPage': {
    input: z.object({
      ref: QueueRef,
      /** The sort menu's choice instead of the view's own order. */
      sort: ViewSort.optional(),
      after: z.string().max(500).nullable(),
      limit: z.number().int().min(1).max(500),
    }),
    output: QueuePage,
  },
} as const;

export const viewEvents = {} as const;
