import { describe, expect, it } from 'vitest';
import { upsertRows } from '../../../server/store/upsert.ts';
import { freshStore, readStore } from '../../support/store.ts';

const writers = { table: 'field_writers', columns: ['kind', 'entity_id', 'field', 'agent_id', 'written_at'], key: ['kind', 'entity_id', 'field'] };

describe('upsertRows (statements built once per shape)', () => {
  it('inserts new rows and replaces every column but the key of rows already there, on this store', async () => {
    const location = await freshStore();
    const rows = await readStore(location, async (db) => {
      await upsertRows(db, writers, [
        ['ticket', 't1', 'priority', 'a1', '2026-01-01T00:00:00.000Z'],
        ['ticket', 't1', 'status', 'a1', '2026-01-01T00:00:00.000Z'],
      ]);
      // The same shape again (one cached statement), then another row count (another one).
      await upsertRows(db, writers, [
        ['ticket', 't1', 'priority', 'a2', '2026-01-02T00:00:00.000Z'],
        ['ticket', 't2', 'priority', 'a3', '2026-01-03T00:00:00.000Z'],
      ]);
      await upsertRows(db, writers, [['ticket', 't1', 'status', 'a4', '2026-01-04T00:00:00.000Z']]);
      await upsertRows(db, writers, []);
      return db.selectFrom('field_writers').selectAll().orderBy('entity_id').orderBy('field').execute();
    });
    expect(rows.map((r) => [r.entity_id, r.field, r.agent_id, r.written_at])).toEqual([
      ['t1', 'priority', 'a2', '2026-01-02T00:00:00.000Z'],
      ['t1', 'status', 'a4', '2026-01-04T00:00:00.000Z'],
      ['t2', 'priority', 'a3', '2026-01-03T00:00:00.000Z'],
    ]);
  });
});
