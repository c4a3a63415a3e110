import { sql } from 'kysely';
import { dialectOf, type StoreLocation } from '../../server/store/dialect.ts';
import { readStore } from './store.ts';

/** A note with this body cannot be stored while the store is poisoned. */
export const POISON = 'the store fails on this note';

/**
 * Makes the store fail on one statement only (on) or heals it (off): inserting a message with the
 * body POISON raises, as a full disk or a broken constraint would, while the transaction around it
 * stays usable. On SQLite and PostgreSQL alike.
 */
export function poisonStore(location: StoreLocation, on: boolean): Promise<void> {
  return readStore(location, async (db) => {
    const sqlite = dialectOf(db) === 'sqlite';
    const statements = on
      ? sqlite
        ? [`create trigger poison before insert on messages when new.body = '${POISON}' begin select raise(abort, 'disk on fire'); end`]
        : [
            `create function poison() returns trigger language plpgsql as $$ begin if new.body = '${POISON}' then raise exception 'disk on fire'; end if; return new; end $$`,
            'create trigger poison before insert on messages for each row execute function poison()',
          ]
      : sqlite
        ? ['drop trigger poison']
        : ['drop trigger poison on messages', 'drop function poison()'];
    for (const statement of statements) await sql.raw(statement).execute(db);
  });
}
