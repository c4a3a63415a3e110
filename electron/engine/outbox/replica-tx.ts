import { entitySchemas, type EntityKind, type EntityOf } from '../../../shared/model/index.ts';
import { MutationRejected, type MutationContext, type MutationTx } from '../../../shared/mutators/index.ts';
import type { EntityStore } from '../replica/entity-store.ts';

/** Called once per row a mutation writes, with the row as it was before (null: it did not exist). */
export type BeforeImageSink = (kind: EntityKind, id: string, before: string | null) => void;

/** The mutators' transaction over the replica: writes and deletes are validated and their before-images captured for undo. */
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

  async threadOf(ticketId: string): Promise<EntityOf<'message'>[]> {
    return this.#store.thread(ticketId);
  }

  async incidentsOf(problemId: string): Promise<EntityOf<'ticket'>[]> {
    return this.#store.incidents(problemId);
  }

  async put<K extends EntityKind>(kind: K, row: EntityOf<K>): Promise<void> {
    const valid = entitySchemas[kind].parse(row) as EntityOf<K>;
    this.#capture(kind, valid.id);
    this.#store.put(kind, valid);
    this.touched.add(kind);
  }

  async del(kind: EntityKind, id: string): Promise<void> {
    if (this.#store.getJson(kind, id) === undefined) throw new MutationRejected(`No ${kind} with id ${id}.`);
    this.#capture(kind, id);
    this.#store.delete(kind, id);
    this.touched.add(kind);
  }

  /** The row's first before-image in this mutation is the one its undo needs. */
  #capture(kind: EntityKind, id: string): void {
    const key = `${kind}:${id}`;
    if (this.#captured.has(key)) return;
    this.#captured.add(key);
    this.#sink(kind, id, this.#store.getJson(kind, id) ?? null);
  }
}
