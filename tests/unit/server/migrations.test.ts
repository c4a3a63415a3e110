import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/store/dialect.ts';
import { migrate } from '../../../server/store/migrate.ts';
import { migrations } from '../../../server/store/migrations/index.ts';
import type { Database } from '../../../server/store/schema.ts';
import { freshStore } from '../../support/store.ts';

let db: Kysely<Database>;
beforeEach(async () => {
  db = openDatabase(await freshStore({ migrated: false }));
});
afterEach(async () => {
  await db.destroy();
});

async function columnsOf(table: string): Promise<string[]> {
  const found = (await db.introspection.getTables()).find((t) => t.name === table);
  return found?.columns.map((c) => c.name) ?? [];
}

async function tables(): Promise<string[]> {
  const all = await db.introspection.getTables();
  return all.map((t) => t.name).sort();
}

/** Both dialects name a unique violation, in their own words. */
const UNIQUE = /UNIQUE|unique constraint/;

describe('migrations', () => {
  it('are numbered and run in order', async () => {
    expect(Object.keys(migrations)).toEqual(['001-entities', '002-sync', '003-auth']);
    expect(await migrate(db)).toEqual(['001-entities', '002-sync', '003-auth']);
    expect(await migrate(db)).toEqual([]);
  });

  it('001-entities makes a table per entity kind with typed columns and a scope', async () => {
    await migrate(db, { to: '001-entities' });
    expect(await tables()).toEqual(['accounts', 'agents', 'articles', 'contacts', 'messages', 'teams', 'tickets']);
    expect(await columnsOf('tickets')).toEqual(
      expect.arrayContaining(['id', 'number', 'status', 'team_id', 'assignee_id', 'tags', 'custom_fields', 'first_response_at', 'scope']),
    );
    expect(await columnsOf('messages')).toEqual(['id', 'ticket_id', 'kind', 'author_type', 'author_id', 'body', 'scope', 'created_at']);
    // Agent emails are unique: they are log-ins.
    const agent = { name: 'A', role: 'agent' as const, team_ids: '[]', scope: 'org', created_at: 'x', updated_at: 'x' };
    await db.insertInto('agents').values({ ...agent, id: '1', email: 'a@b.co' }).execute();
    await expect(db.insertInto('agents').values({ ...agent, id: '2', email: 'a@b.co' }).execute()).rejects.toThrow(UNIQUE);
  });

  it('002-sync adds workspace meta, the change log, clients and rejected mutations', async () => {
    await migrate(db, { to: '002-sync' });
    expect(await tables()).toEqual(expect.arrayContaining(['workspace', 'change_log', 'clients', 'rejected_mutations']));
    expect(await columnsOf('change_log')).toEqual(['seq', 'kind', 'entity_id', 'scope', 'op', 'data', 'client_id', 'mutation_id', 'created_at']);
    expect(await columnsOf('workspace')).toEqual(['id', 'name', 'epoch', 'last_seq', 'last_ticket_number', 'created_at']);
    const rejected = { client_id: 'c', mutation_id: 1, name: 'n', reason: 'r', created_at: 'x' };
    await db.insertInto('rejected_mutations').values(rejected).execute();
    await expect(db.insertInto('rejected_mutations').values(rejected).execute()).rejects.toThrow(UNIQUE);
  });

  it('003-auth adds credentials and sessions', async () => {
    await migrate(db, { to: '002-sync' });
    expect(await tables()).not.toContain('sessions');
    await migrate(db);
    expect(await columnsOf('credentials')).toEqual(['agent_id', 'password_hash', 'salt', 'updated_at']);
    expect(await columnsOf('sessions')).toEqual(['token_hash', 'agent_id', 'created_at', 'expires_at']);
  });

  it('refuses a database migrated by a newer server', async () => {
    await migrate(db);
    await db
      .insertInto('kysely_migration' as never)
      .values({ name: '999-from-the-future', timestamp: new Date().toISOString() } as never)
      .execute();
    await expect(migrate(db)).rejects.toThrow(/newer Orbit server/);
  });
});
