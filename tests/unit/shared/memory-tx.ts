import type { EntityKind, EntityOf } from '../../../shared/model/index.ts';
import type { MutationContext, MutationTx } from '../../../shared/mutators/index.ts';

/** A MutationTx over plain maps: enough to exercise mutator rules without a store. */
export function memoryTx(ctx: MutationContext, rows: { kind: EntityKind; row: { id: string } }[] = []) {
  const tables = new Map<EntityKind, Map<string, unknown>>();
  const table = (kind: EntityKind) => tables.get(kind) ?? tables.set(kind, new Map()).get(kind)!;
  for (const { kind, row } of rows) table(kind).set(row.id, structuredClone(row));
  const writes: { kind: EntityKind; id: string }[] = [];
  const tx: MutationTx = {
    ctx,
    async get<K extends EntityKind>(kind: K, id: string) {
      const row = table(kind).get(id);
      return row === undefined ? undefined : (structuredClone(row) as EntityOf<K>);
    },
    async put<K extends EntityKind>(kind: K, row: EntityOf<K>) {
      table(kind).set(row.id, structuredClone(row));
      writes.push({ kind, id: row.id });
    },
    async del(kind: EntityKind, id: string) {
      if (!table(kind).delete(id)) throw new Error(`No ${kind} with id ${id}.`);
      writes.push({ kind, id });
    },
    async threadOf(ticketId: string) {
      return [...table('message').values()].filter((m) => (m as EntityOf<'message'>).ticketId === ticketId).map((m) => structuredClone(m) as EntityOf<'message'>);
    },
  };
  return { tx, writes, read: <K extends EntityKind>(kind: K, id: string) => table(kind).get(id) as EntityOf<K> | undefined };
}
