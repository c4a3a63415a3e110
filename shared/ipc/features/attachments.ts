/** Procedures and events of the agent workspace: attachments: upload, lazy download. Spread into shared/ipc/contract.ts. */
import { z } from 'zod';
import { Attachment, Id, MAX_ATTACHMENT_BYTES } from '../../model/index.ts';

const LIMIT_LABEL = `${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MiB`;
/** base64 takes 4 characters per 3 bytes. */
export const MAX_ATTACHMENT_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** The bytes of a file across IPC (the browser host's bridge is JSON). */
export const Base64Bytes = z
  .string()
  .max(MAX_ATTACHMENT_BASE64_CHARS, `Attachments are limited to ${LIMIT_LABEL}.`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.');

/** Files attached here that the server does not have yet: waiting (sent on the next sync) or refused for good. */
export const AttachmentUploads = z.object({
  pendingIds: z.array(Id),
  failed: z.array(z.object({ id: Id, name: z.string(), error: z.string() })),
});
export type AttachmentUploads = z.infer<typeof AttachmentUploads>;

export const attachmentProcedures = {
  /**
   * Keeps a file on this computer and queues it for upload (before the next push, so the server has
   * it when the message naming it lands). Answers the metadata to put in `message.add`'s attachments.
   */
  'attachment.add': {
    input: z.object({ name: z.string().trim().min(1).max(255), contentType: z.string().trim().max(255).default(''), base64: Base64Bytes }),
    output: Attachment,
  },
  /** The file's bytes: from this computer, or downloaded once (checked against sha256) and kept. Offline and not here: 'unavailable'. */
  'attachment.open': {
    input: z.object({ id: Id, sha256: Attachment.shape.sha256 }),
    output: z.object({ base64: z.string() }),
  },
  'attachment.uploads': { input: z.undefined(), output: AttachmentUploads },
  /** A remote image of a customer email, fetched by the engine on the agent's request, as a data: URL (raster types only). */
  'attachment.remoteImage': { input: z.object({ url: z.url({ protocol: /^https?$/ }).max(4000) }), output: z.object({ dataUrl: z.string() }) },
} as const;

export const attachmentEvents = {
  /** The files waiting for upload changed (one attached, sent, or refused). */
  'attachment.uploads': AttachmentUploads,
} as const;
