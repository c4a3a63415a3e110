import type { Db } from '../replica/open-replica.ts';

/** A file attached on this workstation that the server does not have yet (replica table `_uploads`). */
export interface PendingUpload {
  id: string;
  sha256: string;
  name: string;
  contentType: string;
  size: number;
  serverUrl: string;
  agentId: string;
  createdAt: string;
  /** Why the server refused it for good; null while it waits to be sent. */
  error: string | null;
}

interface UploadRow {
  id: string;
  sha256: string;
  name: string;
  content_type: string;
  size: number;
  server_url: string;
  agent_id: string;
  created_at: string;
  error: string | null;
}

const fromRow = (r: UploadRow): PendingUpload => ({
  id: r.id,
  sha256: r.sha256,
  name: r.name,
  contentType: r.content_type,
  size: r.size,
  serverUrl: r.server_url,
  agentId: r.agent_id,
  createdAt: r.created_at,
  error: r.error,
});

/** Reads and writes `_uploads`; writes go through the replica writer (the caller's transaction). */
export class Uploads {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  add(u: Omit<PendingUpload, 'error'>): void {
    this.#db
      .prepare(
        `INSERT INTO _uploads (id, sha256, name, content_type, size, server_url, agent_id, created_at, error)
         VALUES (@id, @sha256, @name, @contentType, @size, @serverUrl, @agentId, @createdAt, NULL)`,
      )
      .run(u);
  }

  /** Waiting to be sent to this server for this agent, oldest first. */
  waiting(serverUrl: string, agentId: string): PendingUpload[] {
    return this.#db
      .prepare<[string, string], UploadRow>(`SELECT * FROM _uploads WHERE error IS NULL AND server_url = ? AND agent_id = ? ORDER BY created_at, id`)
      .all(serverUrl, agentId)
      .map(fromRow);
  }

  /** Every file not on the server yet, waiting or refused. */
  all(): PendingUpload[] {
    return this.#db.prepare<[], UploadRow>(`SELECT * FROM _uploads ORDER BY created_at, id`).all().map(fromRow);
  }

  done(id: string): void {
    this.#db.prepare(`DELETE FROM _uploads WHERE id = ?`).run(id);
  }

  fail(id: string, error: string): void {
    this.#db.prepare(`UPDATE _uploads SET error = ? WHERE id = ?`).run(error, id);
  }
}
