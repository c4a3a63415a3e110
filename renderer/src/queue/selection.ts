/**
 * Bulk selection rules, kept pure so they are tested without a DOM.
 * `ids` are the loaded rows in list order; `picked` the current selection in the order picked.
 */

/** Shift+click: adds every row between the last picked row (or the cursor) and the clicked one. */
export function pickRange(ids: readonly string[], picked: readonly string[], anchor: string | null, target: string): string[] {
  const to = ids.indexOf(target);
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  if (to === -1) return [...picked];
  const range = from === -1 ? [target] : ids.slice(Math.min(from, to), Math.max(from, to) + 1);
  return [...picked, ...range.filter((id) => !picked.includes(id))];
}

/** Where a range starts: the last picked row still in the list, else the cursor. */
export function rangeAnchor(ids: readonly string[], picked: readonly string[], cursorId: string | null): string | null {
  for (let i = picked.length - 1; i >= 0; i--) if (ids.includes(picked[i]!)) return picked[i]!;
  return cursorId;
}

export interface BulkOutcome {
  changed: number;
  refused: { ticketId: string; reason: string }[];
}

/** "3 changed, 1 refused" (the reasons are listed apart). */
export function bulkSummary({ changed, refused }: BulkOutcome): string {
  return `${changed} changed, ${refused.length} refused`;
}

/** Changes a bulk run keeps in flight: the engine applies them one by one, but it need not wait on the renderer between them. */
export const BULK_IN_FLIGHT = 8;

/** Runs one change per ticket (a few at a time) and tells what happened to each: no ticket's refusal stops the others. Refusals are listed in ticket order. */
export async function runBulk(ticketIds: readonly string[], change: (ticketId: string) => Promise<unknown>): Promise<BulkOutcome> {
  const results: (string | null)[] = Array.from({ length: ticketIds.length }, () => null);
  let next = 0;
  const worker = async () => {
    while (next < ticketIds.length) {
      const at = next++;
      try {
        await change(ticketIds[at]!);
      } catch (err) {
        results[at] = err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_IN_FLIGHT, ticketIds.length) }, worker));
  const refused = ticketIds.flatMap((ticketId, i) => (results[i] === null ? [] : [{ ticketId, reason: results[i]! }]));
  return { changed: ticketIds.length - refused.length, refused };
}
