import type { EntityKind, EntityOf, Ticket } from '../../../shared/model/index.ts';
import type { MutationContext, MutationTx } from '../../../shared/mutators/index.ts';
import { changedFieldPaths } from '../../../shared/rules/conflicts.ts';

/**
 * MutationTxs over plain maps: enough to exercise mutator rules without a store. `as(ctx)` is
 * another agent (or side) on the same rows; like the server, it remembers who last set each
 * tracked ticket field.
 */
export function memoryTx(ctx: MutationContext, rows: { kind: EntityKind; row: { id: string } }[] = []) {
  const tables = new Map<EntityKind, Map<string, unknown>>();
  const table = (kind: EntityKind) => tables.get(kind) ?? tables.set(kind, new Map()).get(kind)!;
  for (const { kind, row } of rows) table(kind).set(row.id, structuredClone(row));
  const writers = new Map<string, string>();
  const writes: { kind: EntityKind; id: string }[] = [];
  const as = (context: MutationContext): MutationTx => ({
    ctx: context,
    async get<K extends EntityKind>(kind: K, id: string) {
      const row = table(kind).get(id);
      return row === undefined ? undefined : (structuredClone(row) as EntityOf<K>);
    },
    async put<K extends EntityKind>(kind: K, row: EntityOf<K>) {
      if (kind === 'ticket') {
        for (const path of changedFieldPaths(table(kind).get(row.id) as Ticket | undefined, row as Ticket)) writers.set(`${row.id} ${path}`, context.actorId);
      }
      table(kind).set(row.id, structuredClone(row));
      writes.push({ kind, id: row.id });
    },
    async lastWriter(_kind, id, path) {
      return writers.get(`${id} ${path}`) ?? null;
    },
    async del(kind: EntityKind, id: string) {
      if (!table(kind).delete(id)) throw new Error(`No ${kind} with id ${id}.`);
      writes.push({ kind, id });
    },
    async incidentsOf(problemId: string) {
      return [...table('ticket').values()].filter((t) => (t as Ticket).problemId === problemId).map((t) => structuredClone(t) as Ticket);
    },
    async threadOf(ticketId: string) {
      return [...table('message').values()].filter((m) => (m as EntityOf<'message'>).ticketId === ticketId).map((m) => structuredClone(m) as EntityOf<'message'>);
    },
  });
  return {
    tx: as(ctx),
    as,
    writes,
    read: <K extends EntityKind>(kind: K, id: string) => table(kind).get(id) as EntityOf<K> | undefined,
    all: <K extends EntityKind>(kind: K) => [...table(kind).values()] as EntityOf<K>[],
  };
}
