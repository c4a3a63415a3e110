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
});
