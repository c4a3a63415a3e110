import type { Kysely } from 'kysely';

/**
 * Problem/incident links (issue 5): linking checks that a ticket has no incidents of its own, which
 * finds the incidents of a problem by `problem_id`; an index keeps that a lookup, not a scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tickets_problem_id').on('tickets').columns(['problem_id', 'id']).execute();
}
