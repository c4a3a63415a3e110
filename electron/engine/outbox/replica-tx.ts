import { entitySchemas, type EntityKind, type EntityOf } from '../../../shared/model/index.ts';
import type { MutationContext, MutationTx } from '../../../shared/mutators/index.ts';
import type { EntityStore } from '../replica/entity-store.ts';

/** Called once per row a mutation writes, with the row as it was before (null: it did not exist). */
export type BeforeImageSink = (kind: EntityKind, id: string, before: string | null) => void;

/** The mutators' transaction over the replica: writes are validated and their before-images captured for undo. */
export class ReplicaTx implements MutationTx {
  readonly ctx: MutationContext;
  readonly touched = new Set<EntityKind>();
  readonly #store: EntityStore;
  readonly #sink: BeforeImageSink;
  readonly #captured = new Set<string>();

  constructor(store: EntityStore, ctx: MutationContext, sink: BeforeImageSink) {
    this.#store = store;
    this.ctx = ctx;
    this.#sink = sink;
  }

  async get<K extends EntityKind>(kind: K, id: string): Promise<EntityOf<K> | undefined> {
    return this.#store.get(kind, id);
  }

  async put<K extends EntityKind>(kind: K, row: EntityOf<K>): Promise<void> {
    const valid = entitySchemas[kind].parse(row) as EntityOf<K>;
    const key = `${kind}:${valid.id}`;
    if (!this.#captured.has(key)) {
      this.#captured.add(key);
      this.#sink(kind, valid.id, this.#store.getJson(kind, valid.id) ?? null);
    }
    this.#store.put(kind, valid);
    this.touched.add(kind);
  }
}
