import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/store/dialect.ts';
import type { Database } from '../../../server/store/schema.ts';
import { ChecksumDeltas, readChecksums } from '../../../server/sync/checksums.ts';
import { addToChecksum, CHECKSUM_MODULUS, rowHash } from '../../../shared/sync/row-hash.ts';
import { freshStore } from '../../support/store.ts';

let db: Kysely<Database>;
beforeAll(async () => {
  db = openDatabase(await freshStore());
});
afterAll(async () => {
  await db.destroy();
});

const SCOPE = 'team:0195f0a0-0000-7000-8000-0000000000a1';

/** One write's checksum change, added to the stored sum by the database itself. */
async function storeOne(shift: 'add' | 'remove', id: string, version: number): Promise<void> {
  const deltas = new ChecksumDeltas();
  deltas[shift]([SCOPE], 'message', id, version);
  await deltas.store(db);
}

describe('stored checksums', () => {
  it('add and take out row hashes modulo 2^32 in SQL exactly as the shared function does in JS', async () => {
    // Versions are seqs: some beyond 2^32, where a 32-bit column or arithmetic would break.
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: `0195f0a0-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
      version: i % 3 === 0 ? 2 ** 40 + i : i + 1,
    }));
    const removed = rows.filter((_, i) => i % 4 === 0);
    const hash = (r: (typeof rows)[number]) => rowHash('message', r.id, r.version);
    // The plain sum passes 2^32 many times over: the wrap-around is the database's to get right.
    expect(rows.reduce((sum, r) => sum + hash(r), 0)).toBeGreaterThan(100 * CHECKSUM_MODULUS);

    for (const r of rows) await storeOne('add', r.id, r.version);
    for (const r of removed) await storeOne('remove', r.id, r.version);

    const expected = [...rows.map(hash), ...removed.map((r) => -hash(r))].reduce(addToChecksum, 0);
    expect(await readChecksums(db, [SCOPE])).toEqual([{ scope: SCOPE, count: rows.length - removed.length, sum: expected }]);
  });
});
