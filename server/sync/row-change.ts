import type { Transaction } from 'kysely';
import type { EntityKind } from '../../shared/model/index.ts';
import { appendChange, type ChangeSource } from '../store/change-log.ts';
import { setVersion } from '../store/row-versions.ts';
import type { Database } from '../store/schema.ts';
import { ChecksumDeltas } from './checksums.ts';

/** One row written (or deleted) in the entity tables, as the change log and the checksums need to hear of it. */
export interface RowChange {
  kind: EntityKind;
  id: string;
  /** The whole row after the change; null for a delete. */
  data: object | null;
  /** The row's scopes and version before the change; undefined for a new row. */
  before: { scopes: readonly string[]; version: number } | undefined;
  /** The row's scopes after the change (none for a delete). */
  scopes: readonly string[];
}

/**
 * Logs a row change (with the scopes it entered and left), stamps the row with its new version,
 * and moves the checksums of the scopes involved, all in the caller's transaction. Returns the
 * change's seq and every scope whose readers must hear of it.
 */
export async function recordRowChange(trx: Transaction<Database>, change: RowChange, source: ChangeSource | null): Promise<{ seq: number; scopes: string[] }> {
  const { kind, id, data, before, scopes } = change;
  const left = (before?.scopes ?? []).filter((s) => !scopes.includes(s));
  const seq = await appendChange(trx, { kind, id, op: data === null ? 'del' : 'put', data, scopes, left }, source);
  const deltas = new ChecksumDeltas();
  if (before) deltas.remove(before.scopes, kind, id, before.version);
  if (data !== null) {
    deltas.add(scopes, kind, id, seq);
    await setVersion(trx, kind, id, seq);
  }
  await deltas.store(trx);
  return { seq, scopes: [...scopes, ...left] };
}
