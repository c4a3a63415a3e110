import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshStore, readStore } from '../../support/store.ts';

describe('PostgreSQL int8', () => {
  it('comes back as a number while it is a safe integer, and as a BigInt (never rounded) beyond', async () => {
    await readStore(await freshStore(), async (db) => {
      const { rows } = await sql<{ safe: unknown; unsafe: unknown; negative: unknown }>`
        select cast(9007199254740991 as bigint) as safe, cast(9007199254740993 as bigint) as unsafe, cast(-42 as bigint) as negative`.execute(db);
      expect(rows).toEqual([{ safe: 9007199254740991, unsafe: 9007199254740993n, negative: -42 }]);
    });
  });
});
