import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { log } from '../log.ts';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Attachment bytes on this computer, one file per content: `<dir>/<sha256>`. Files attached here
 * and files downloaded once live side by side; a read checks the hash, so a damaged file counts as
 * missing (and is removed) rather than being handed out.
 */
export class AttachmentFiles {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256.slice(0, 80)}`);
    return join(this.dir, sha256);
  }

  /** Stores the bytes (atomically: a crash leaves the old file or none) and answers their sha256. */
  async write(bytes: Uint8Array, sha256 = sha256Hex(bytes)): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const target = this.#path(sha256);
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(temp, bytes);
    await rename(temp, target);
    return sha256;
  }

  /** The bytes, or null when not here (or no longer intact). */
  async read(sha256: string): Promise<Buffer | null> {
    const path = this.#path(sha256);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (sha256Hex(bytes) === sha256) return bytes;
    log.warn(`the cached attachment ${sha256} is damaged; removing it`);
    await rm(path, { force: true });
    return null;
  }
}
