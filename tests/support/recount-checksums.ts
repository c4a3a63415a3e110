import type { StoreLocation } from '../../server/store/dialect.ts';
import type { ScopeChecksumTable } from '../../server/store/schema.ts';
import { lockForWriting } from '../../server/store/workspace.ts';
import { recomputeChecksums } from '../../server/sync/checksums.ts';
import { readStore } from './store.ts';

/**
 * The per-scope checksums a store kept write by write, and the same counted again from its rows
 * (they then replace the kept ones): equal unless some write moved them wrongly. One writer's
 * transaction, so concurrent pushes wait instead of slipping in between.
 */
export function recountChecksums(location: StoreLocation): Promise<{ kept: ScopeChecksumTable[]; recounted: ScopeChecksumTable[] }> {
  return readStore(location, (db) =>
    db.transaction().execute(async (trx) => {
      await lockForWriting(trx);
      // A scope emptied by deletes keeps a row of zeros; a recount has no row for it.
      const stored = () =>
        trx
          .selectFrom('scope_checksums')
          .selectAll()
          .where((eb) => eb.or([eb('row_count', '!=', 0), eb('hash_sum', '!=', 0)]))
          .orderBy('scope')
          .execute();
      const kept = await stored();
      await recomputeChecksums(trx);
      return { kept, recounted: await stored() };
    }),
  );
}
