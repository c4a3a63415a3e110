import { z } from 'zod';
import { Id } from './common.ts';

/** Largest attachment accepted (bytes). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** A file on a message: the metadata replicates with the message; the bytes are fetched from the server when opened. */
export const Attachment = z.object({
  id: Id,
  name: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
  /** sha256 of the bytes, hex: the cache key and an integrity check of the download. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Attachment = z.infer<typeof Attachment>;
