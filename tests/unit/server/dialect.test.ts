import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectOf, dialectOfLocation, openDatabase } from '../../../server/store/dialect.ts';
import { freshStore, readStore, testStoreKind } from '../../support/store.ts';

describe('store dialect', () => {
  it('picks the dialect from the location and refuses a database URL that is not PostgreSQL', () => {
    expect(dialectOfLocation({ dbFile: '/tmp/x.sqlite' })).toBe('sqlite');
    expect(dialectOfLocation({ databaseUrl: 'postgresql://u:secret@db:5432/orbit' })).toBe('postgres');
    expect(() => openDatabase({ databaseUrl: 'mysql://u:secret@db/orbit' })).toThrow(/must start with postgres:\/\/ or postgresql:\/\/ \(got "mysql:…"\)/);
    // The message never repeats the password.
    expect(() => openDatabase({ databaseUrl: 'mysql://u:secret@db/orbit' })).not.toThrow(/secret/);
  });

  it('knows its dialect and reads counts and bigint columns back as numbers', async () => {
    const location = await freshStore();
    await readStore(location, async (db) => {
      expect(dialectOf(db)).toBe(testStoreKind());
      const { rows } = await sql<{ small: unknown; n: unknown }>`select cast(5 as bigint) as small, (select count(*) from change_log) as n`.execute(db);
      expect(rows).toEqual([{ small: 5, n: 0 }]);
    });
  });

  it('runs a repeated query right after the schema changed under it (statements are prepared once and reused)', async () => {
    const location = await freshStore();
    await readStore(location, async (db) => {
      await sql`create table scratch (a integer)`.execute(db);
      await sql`insert into scratch (a) values (1)`.execute(db);
      const all = () => sql<Record<string, unknown>>`select * from scratch`.execute(db);
      expect((await all()).rows).toEqual([{ a: 1 }]);
      await sql`alter table scratch add column b integer default 2`.execute(db);
      expect((await all()).rows).toEqual([{ a: 1, b: 2 }]);
      await sql`alter table scratch rename to scratch_gone`.execute(db);
      await expect(all()).rejects.toThrow(/scratch/);
      await sql`alter table scratch_gone rename to scratch`.execute(db);
      expect((await all()).rows).toEqual([{ a: 1, b: 2 }]);
    });
  });
});
