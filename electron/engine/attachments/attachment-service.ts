import { DeskError } from '../../../shared/ipc/contract.ts';
import type { AttachmentUploads } from '../../../shared/ipc/features/attachments.ts';
import { newId } from '../../../shared/ids.ts';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/model/index.ts';
import { log } from '../log.ts';
import type { Replica } from '../replica/replica.ts';
import type { SignedIn } from '../session/session-store.ts';
import { ServerRefused, ServerUnreachable } from '../sync/sync-api.ts';
import { AttachmentFiles, sha256Hex } from './file-cache.ts';
import { AttachmentTransfer } from './transfer.ts';
import { Uploads } from './uploads.ts';

export const OFFLINE_DOWNLOAD_MESSAGE = 'Connect to download this file: it is not on this computer yet.';

/**
 * Attachments on this workstation: files attached here wait in `_uploads` (bytes in the file
 * cache) until the sync loop sends them; files of others are downloaded when first opened and kept.
 */
export class AttachmentService {
  readonly files: AttachmentFiles;
  readonly #replica: Replica;
  readonly #uploads: Uploads;
  readonly #onUploadsChanged: (state: AttachmentUploads) => void;

  constructor(replica: Replica, dir: string, onUploadsChanged: (state: AttachmentUploads) => void) {
    this.#replica = replica;
    this.files = new AttachmentFiles(dir);
    this.#uploads = new Uploads(replica.db);
    this.#onUploadsChanged = onUploadsChanged;
  }

  /** Files not on the server yet; with a session, only those it attached (a replica wiped for another agent keeps others' rows unsent). */
  uploads(session: Pick<SignedIn, 'serverUrl' | 'agentId'> | null = null): AttachmentUploads {
    const all = this.#uploads.all().filter((u) => !session || (u.serverUrl === session.serverUrl && u.agentId === session.agentId));
    return {
      pendingIds: all.filter((u) => u.error === null).map((u) => u.id),
      failed: all.filter((u) => u.error !== null).map((u) => ({ id: u.id, name: u.name, error: u.error ?? '' })),
    };
  }

  async add(session: SignedIn, file: { name: string; contentType: string; bytes: Uint8Array }): Promise<Attachment> {
    if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
      throw new DeskError('invalid_input', `This file is ${(file.bytes.byteLength / (1024 * 1024)).toFixed(1)} MiB; attachments are limited to 25 MiB.`);
    }
    const sha256 = await this.files.write(file.bytes);
    const attachment: Attachment = {
      id: newId(),
      name: file.name,
      contentType: file.contentType || 'application/octet-stream',
      size: file.bytes.byteLength,
      sha256,
    };
    await this.#replica.writer.transaction(() =>
      this.#uploads.add({ ...attachment, serverUrl: session.serverUrl, agentId: session.agentId, createdAt: new Date().toISOString() }),
    );
    this.#announce(session);
    return attachment;
  }

  /**
   * Sends every waiting file of this session, oldest first. Unreachable (or a 5xx, a 401) throws, as
   * a push would: the cycle fails and retries. A file the server refuses for good (too big, damaged
   * here) is marked with the reason and no longer holds up the others.
   */
  async uploadWaiting(session: SignedIn, signal?: AbortSignal): Promise<number> {
    const waiting = this.#uploads.waiting(session.serverUrl, session.agentId);
    if (waiting.length === 0) return 0;
    const transfer = new AttachmentTransfer(session.serverUrl, session.token, signal);
    let sent = 0;
    try {
      for (const u of waiting) {
        const bytes = await this.files.read(u.sha256);
        if (!bytes) {
          await this.#replica.writer.transaction(() => this.#uploads.fail(u.id, 'The file is no longer on this computer; attach it again.'));
          continue;
        }
        try {
          await transfer.upload({ id: u.id, sha256: u.sha256, name: u.name, contentType: u.contentType, bytes });
        } catch (err) {
          if (!(err instanceof ServerRefused) || err.status === 401 || err.status === 429 || err.status >= 500) throw err;
          log.warn(`the server refused attachment ${u.id}: ${err.message}`);
          await this.#replica.writer.transaction(() => this.#uploads.fail(u.id, err.message));
          continue;
        }
        await this.#replica.writer.transaction(() => this.#uploads.done(u.id));
        sent++;
      }
    } finally {
      this.#announce(session);
    }
    return sent;
  }

  /** The file's bytes: here already, or downloaded now (and kept) if the server has them and the hash matches. */
  async open(session: SignedIn | null, id: string, sha256: string): Promise<Buffer> {
    const cached = await this.files.read(sha256);
    if (cached) return cached;
    if (!session) throw new DeskError('not_signed_in', 'Sign in to download this file.');
    let bytes: Buffer;
    try {
      bytes = await new AttachmentTransfer(session.serverUrl, session.token).download(id);
    } catch (err) {
      if (err instanceof ServerUnreachable) throw new DeskError('unavailable', OFFLINE_DOWNLOAD_MESSAGE);
      if (err instanceof ServerRefused) {
        if (err.status >= 500) throw new DeskError('unavailable', `The server could not send this file right now (${err.message}); try again later.`);
        throw new DeskError(err.code === 'not_uploaded' ? 'unavailable' : 'rejected', err.message);
      }
      throw err;
    }
    if (sha256Hex(bytes) !== sha256) {
      throw new DeskError('unavailable', 'The downloaded file does not match the one attached (its checksum differs); it was not kept. Try again.');
    }
    await this.files.write(bytes, sha256);
    return bytes;
  }

  #announce(session: SignedIn): void {
    this.#onUploadsChanged(this.uploads(session));
  }
}
