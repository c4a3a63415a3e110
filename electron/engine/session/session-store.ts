import { newId } from '../../../shared/ids.ts';
import { DeskError } from '../../../shared/ipc/contract.ts';
import { log } from '../log.ts';
import type { Replica } from '../replica/replica.ts';
import type { SecretCodec } from '../secret-codec.ts';

/** Everything sync needs to act for the signed-in agent. */
export interface SignedIn {
  serverUrl: string;
  agentId: string;
  workspaceName: string;
  clientId: string;
  token: string;
}

/** Whose data the replica holds, signed in or not: decides whether a new sign-in may reuse it. */
export interface ReplicaOwner {
  serverUrl: string;
  agentId: string;
}

/**
 * The session, kept in `_meta` with the token sealed by the SecretCodec. The plain token lives
 * only in memory. Signing out forgets the token and nothing else: the outbox stays, so nothing
 * an agent wrote is dropped.
 */
export class SessionStore {
  readonly #replica: Replica;
  readonly #secrets: SecretCodec;
  #token: string | null;

  private constructor(replica: Replica, secrets: SecretCodec, token: string | null) {
    this.#replica = replica;
    this.#secrets = secrets;
    this.#token = token;
  }

  static async load(replica: Replica, secrets: SecretCodec): Promise<SessionStore> {
    const sealed = replica.meta.get('token');
    let token: string | null = null;
    if (sealed !== undefined) {
      try {
        token = await secrets.decrypt(sealed);
      } catch (err) {
        log.warn('the stored session token cannot be decrypted (keychain changed?); signing out', err);
      }
    }
    return new SessionStore(replica, secrets, token);
  }

  current(): SignedIn | null {
    const { meta } = this.#replica;
    const serverUrl = meta.get('server_url');
    const agentId = meta.get('agent_id');
    const clientId = meta.get('client_id');
    if (this.#token === null || !serverUrl || !agentId || !clientId) return null;
    return { serverUrl, agentId, clientId, workspaceName: meta.get('workspace_name') ?? '', token: this.#token };
  }

  require(): SignedIn {
    const session = this.current();
    if (!session) throw new DeskError('not_signed_in', 'Sign in first.');
    return session;
  }

  owner(): ReplicaOwner | null {
    const serverUrl = this.#replica.meta.get('server_url');
    const agentId = this.#replica.meta.get('agent_id');
    return serverUrl && agentId ? { serverUrl, agentId } : null;
  }

  /** Stores a new session; the client id is made once per replica and kept. */
  async signIn(values: { serverUrl: string; agentId: string; workspaceName: string; token: string }): Promise<void> {
    const sealed = await this.#secrets.encrypt(values.token);
    const { meta, writer } = this.#replica;
    await writer.transaction(() => {
      meta.set('server_url', values.serverUrl);
      meta.set('agent_id', values.agentId);
      meta.set('workspace_name', values.workspaceName);
      meta.set('token', sealed);
      if (!meta.get('client_id')) meta.set('client_id', newId());
    });
    this.#token = values.token;
  }

  async signOut(): Promise<void> {
    this.#token = null;
    await this.#replica.writer.transaction(() => this.#replica.meta.delete('token'));
  }
}
