// The few parts of PouchDB's pure-JS packages the peer benchmark uses (they ship no types).
declare module 'pouchdb-core' {
  export interface ReplicationResult {
    ok: boolean;
    docs_written: number;
  }
  export interface PouchDatabase {
    bulkDocs(docs: readonly object[]): Promise<unknown[]>;
    get(id: string): Promise<object>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
  export interface PouchStatic {
    new (name: string, options?: { adapter?: string }): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: { adapter: string }): PouchStatic;
    replicate(source: string | PouchDatabase, target: string | PouchDatabase, options?: { batch_size?: number; batches_limit?: number }): Promise<ReplicationResult>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type { PouchStatic } from 'pouchdb-core';
  export default function expressPouchDB(pouch: PouchStatic, options: { mode: 'minimumForPouchDB'; inMemoryConfig: boolean }): RequestListener;
}
