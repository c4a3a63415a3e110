import type { EntityKind, EntityOf } from '../model/index.ts';
import { MutationRejected, type MutationTx } from './types.ts';

/** Reads a row a mutation needs, refusing the mutation when it does not exist. */
export async function mustGet<K extends EntityKind>(tx: MutationTx, kind: K, id: string): Promise<EntityOf<K>> {
  const row = await tx.get(kind, id);
  if (!row) throw new MutationRejected(`No ${kind} with id ${id}.`);
  return row;
}
