import type { Generated } from 'kysely';
import type { EntityKind, EntityOf } from '../../shared/model/index.ts';

type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;

/** Arrays and records are stored as JSON text, booleans as 0/1; other scalars keep their type. */
type ColumnOf<V> = V extends readonly unknown[] ? string : V extends Record<string, unknown> ? string : V extends boolean ? number : V;

/** The row of an entity table, derived from the shared zod type so the two never drift apart. */
export type EntityRow<K extends EntityKind> = {
  [F in keyof EntityOf<K> & string as SnakeCase<F>]: ColumnOf<EntityOf<K>[F]>;
} & {
  /** The row's home scope: its team's for tickets and messages, org otherwise. Every scope it is in: shared/sync/scopes.ts. */
  scope: string;
};

/** Table name of each entity kind. */
export const entityTables = {
  team: 'teams',
  agent: 'agents',
  account: 'accounts',
  contact: 'contacts',
  ticket: 'tickets',
  message: 'messages',
  article: 'articles',
  slaPolicy: 'sla_policies',
  macro: 'macros',
  view: 'saved_views',
  report: 'saved_reports',
} as const satisfies Record<EntityKind, string>;

export type EntityTables = { [K in EntityKind as (typeof entityTables)[K]]: EntityRow<K> };

export interface WorkspaceTable {
  id: number;
  name: string;
  /** Random string made when the workspace is created; a new one forces every replica to re-bootstrap. */
  epoch: string;
  /** Last change-log seq handed out; the row lock on it keeps seqs in commit order. */
  last_seq: number;
  last_ticket_number: number;
  created_at: string;
}

export interface ChangeLogTable {
  seq: number;
  kind: EntityKind;
  entity_id: string;
  op: 'put' | 'del';
  /** The whole row as JSON; null for a delete. */
  data: string | null;
  /** The client mutation that made the change; null for server-made changes. */
  client_id: string | null;
  mutation_id: number | null;
  created_at: string;
}

/** The scopes of each change: those the row is in after it (gone 0) and those it left with it (gone 1). */
export interface ChangeScopeTable {
  seq: number;
  scope: string;
  gone: number;
}

/** Per scope: how many rows it holds and the sum of their row hashes modulo 2^32 (shared/sync/row-hash.ts). */
export interface ScopeChecksumTable {
  scope: string;
  row_count: number;
  hash_sum: number;
}

/** Per scope: the highest seq compaction dropped from it; a cursor below it cannot pull that scope. */
export interface ScopeHorizonTable {
  scope: string;
  seq: number;
}

export interface ClientTable {
  client_id: string;
  agent_id: string;
  last_mutation_id: number;
  created_at: string;
  updated_at: string;
}

export interface RejectedMutationTable {
  id: Generated<number>;
  client_id: string;
  mutation_id: number;
  name: string;
  reason: string;
  created_at: string;
}

export interface CredentialTable {
  agent_id: string;
  /** scrypt output, hex. */
  password_hash: string;
  salt: string;
  updated_at: string;
}

export interface SessionTable {
  /** sha256 of the opaque token, hex: a leaked database holds no usable token. */
  token_hash: string;
  agent_id: string;
  created_at: string;
  expires_at: string;
}

/** Which agent's mutation last set each conflict-tracked field of a row (shared/rules/conflicts.ts). */
export interface FieldWriterTable {
  kind: EntityKind;
  entity_id: string;
  /** A field path, e.g. `priority` or `customFields.region`. */
  field: string;
  agent_id: string;
  written_at: string;
}

/** The bytes of an attachment (migrations 006, 010); its metadata replicates inside its message. */
export interface AttachmentBlobTable {
  id: string;
  sha256: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
  uploaded_by: string;
  created_at: string;
  name: string;
}

export type Database = EntityTables & {
  workspace: WorkspaceTable;
  change_log: ChangeLogTable;
  change_scopes: ChangeScopeTable;
  scope_checksums: ScopeChecksumTable;
  scope_horizons: ScopeHorizonTable;
  clients: ClientTable;
  rejected_mutations: RejectedMutationTable;
  credentials: CredentialTable;
  sessions: SessionTable;
  field_writers: FieldWriterTable;
  attachment_blobs: AttachmentBlobTable;
};
