import { ApiError } from '../../../shared/sync/protocol.ts';
import { attachmentHeaders, attachmentPath } from '../../../shared/sync/attachment-transfer.ts';
import { ServerRefused, ServerUnreachable } from '../sync/sync-api.ts';

/** A 25 MiB file over a slow line takes a while; still, a stalled transfer must end. */
const TRANSFER_TIMEOUT_MS = 5 * 60_000;

export interface UploadRequest {
  id: string;
  sha256: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** The attachment byte routes of one server (shared/sync/attachment-transfer.ts), with the sync API's errors. */
export class AttachmentTransfer {
  readonly #serverUrl: string;
  readonly #token: string;
  readonly #signal: AbortSignal | undefined;

  constructor(serverUrl: string, token: string, signal?: AbortSignal) {
    this.#serverUrl = serverUrl;
    this.#token = token;
    this.#signal = signal;
  }

  async upload(u: UploadRequest): Promise<void> {
    const response = await this.#fetch(attachmentPath(u.id), {
      method: 'PUT',
      headers: {
        'content-type': u.contentType,
        [attachmentHeaders.sha256]: u.sha256,
        [attachmentHeaders.name]: encodeURIComponent(u.name),
      },
      body: Buffer.from(u.bytes.buffer, u.bytes.byteOffset, u.bytes.byteLength),
    });
    await this.#read(response);
  }

  /** The bytes as the server has them; the caller checks them against the sha256 it expects. */
  async download(id: string): Promise<Buffer> {
    return this.#read(await this.#fetch(attachmentPath(id), { method: 'GET' }));
  }

  async #fetch(path: string, init: RequestInit): Promise<Response> {
    const timeout = AbortSignal.timeout(TRANSFER_TIMEOUT_MS);
    try {
      return await fetch(new URL(path, this.#serverUrl), {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${this.#token}` },
        signal: this.#signal ? AbortSignal.any([this.#signal, timeout]) : timeout,
      });
    } catch (err) {
      if (this.#signal?.aborted) throw err;
      throw new ServerUnreachable(`Cannot reach ${this.#serverUrl}.`, { cause: err });
    }
  }

  async #read(response: Response): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (err) {
      throw new ServerUnreachable(`The connection to ${this.#serverUrl} broke during a file transfer.`, { cause: err });
    }
    if (response.ok) return bytes;
    let body: ApiError | undefined;
    try {
      body = ApiError.safeParse(JSON.parse(bytes.toString('utf8'))).data;
    } catch {
      body = undefined;
    }
    throw new ServerRefused(response.status, body);
  }
}
