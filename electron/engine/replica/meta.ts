import type { z } from 'zod';
import type { Db } from './open-replica.ts';

/** Every key of the `_meta` table, so a typo is a type error. */
export type MetaKey =
  | 'client_id'
  | 'server_url'
  | 'agent_id'
  | 'workspace_name'
  | 'token'
  | 'cursor'
  | 'bootstrap'
  | 'last_mutation_id'
  | 'last_synced_at'
  | 'scopes'
  | 'scope_sync'
  | 'deferred_indexes';

/** The engine's small key/value state, stored in the replica so it commits with the data it describes. */
export class Meta {
  readonly #get;
  readonly #set;
  readonly #del;

  constructor(db: Db) {
    this.#get = db.prepare<[MetaKey], string>('SELECT value FROM _meta WHERE key = ?').pluck();
    this.#set = db.prepare<[MetaKey, string]>('INSERT INTO _meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#del = db.prepare<[MetaKey]>('DELETE FROM _meta WHERE key = ?');
  }

  get(key: MetaKey): string | undefined {
    return this.#get.get(key);
  }

  set(key: MetaKey, value: string): void {
    this.#set.run(key, value);
  }

  delete(key: MetaKey): void {
    this.#del.run(key);
  }

  /** A JSON value, checked against its schema: a value this version cannot read counts as absent. */
  getJson<S extends z.ZodType>(key: MetaKey, schema: S): z.output<S> | undefined {
    const raw = this.get(key);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  }

  setJson(key: MetaKey, value: unknown): void {
    this.set(key, JSON.stringify(value));
  }
}
