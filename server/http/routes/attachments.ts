import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Id, MAX_ATTACHMENT_BYTES } from '../../../shared/model/index.ts';
import { ATTACHMENT_ROUTE, attachmentHeaders } from '../../../shared/sync/attachment-transfer.ts';
import { scopesOfRow } from '../../../shared/sync/scopes.ts';
import type { Actor } from '../../auth/actor.ts';
import { blobBytes, blobMeta, insertBlob, messagesWithAttachment, type BlobMeta } from '../../store/attachments.ts';
import { getEntity } from '../../store/entities.ts';
import type { Database } from '../../store/schema.ts';
import { seesAny } from '../../sync/scopes.ts';
import { ApiFailure } from '../api-failure.ts';
import { authenticate } from '../authenticate.ts';

const LIMIT_LABEL = `${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MiB`;
const SHA256 = /^[0-9a-f]{64}$/;

const tooLarge = (size?: number) =>
  new ApiFailure(
    413,
    'payload_too_large',
    `${size === undefined ? 'This file is' : `This file is ${(size / (1024 * 1024)).toFixed(1)} MiB,`} over the ${LIMIT_LABEL} limit for attachments.`,
  );

/** 404 for a file nobody may read here, the same as for one that does not exist: its existence is not leaked. */
const notFound = () => new ApiFailure(404, 'not_found', 'There is no such attachment, or it is on a ticket you cannot see.');

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function attachmentId(request: FastifyRequest): string {
  const parsed = Id.safeParse((request.params as { id?: unknown }).id);
  if (!parsed.success) throw new ApiFailure(400, 'invalid_request', 'An attachment id is a UUID.');
  return parsed.data;
}

function decodeName(raw: string | undefined): string {
  let name: string;
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    throw new ApiFailure(400, 'invalid_request', `Send the file name percent-encoded in ${attachmentHeaders.name}.`);
  }
  if (name.length < 1 || name.length > 255) throw new ApiFailure(400, 'invalid_request', `Send the file name (1–255 characters) in ${attachmentHeaders.name}.`);
  return name;
}

/**
 * May this agent read the bytes? The uploader may; anyone else only through a message they can see
 * (its ticket's scopes) that its uploader wrote with this very file (same hash), so that a message
 * naming someone else's attachment id does not open it to the message's readers.
 */
async function mayRead(db: Kysely<Database>, actor: Actor, blob: BlobMeta): Promise<boolean> {
  if (blob.uploadedBy === actor.agentId) return true;
  for (const { message, attachment } of await messagesWithAttachment(db, blob.id)) {
    if (attachment.sha256 !== blob.sha256 || message.authorId !== blob.uploadedBy) continue;
    if (actor.visibility.all) return true;
    const ticket = (await getEntity(db, 'ticket', message.ticketId))?.entity;
    if (ticket && seesAny(actor.visibility, scopesOfRow('message', message, ticket))) return true;
  }
  return false;
}

/** Upload (PUT, raw bytes) and download (GET) of attachment bytes; see shared/sync/attachment-transfer.ts. */
export function attachmentRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  void app.register(async (scope) => {
    // Raw bytes of any type here, and only here; the rest of the API stays JSON.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
    const actors = new WeakMap<FastifyRequest, Actor>();

    scope.put(ATTACHMENT_ROUTE, {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      // Before a byte of the body is read: who is sending, and is it too big.
      onRequest: async (request) => {
        actors.set(request, await authenticate(db, request));
        const length = Number(header(request, 'content-length'));
        if (Number.isFinite(length) && length > MAX_ATTACHMENT_BYTES) throw tooLarge(length);
      },
      handler: async (request, reply) => {
        const actor = actors.get(request);
        if (!actor) throw new ApiFailure(401, 'unauthorized', 'Sign in again.');
        const id = attachmentId(request);
        const sha256 = header(request, attachmentHeaders.sha256) ?? '';
        if (!SHA256.test(sha256)) throw new ApiFailure(400, 'invalid_request', `Send the sha256 of the bytes (lowercase hex) in ${attachmentHeaders.sha256}.`);
        const name = decodeName(header(request, attachmentHeaders.name));
        const contentType = (header(request, 'content-type') ?? '').trim();
        if (contentType.length < 1 || contentType.length > 255) throw new ApiFailure(400, 'invalid_request', 'Send the file type as Content-Type.');
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(bytes.length);
        const actual = createHash('sha256').update(bytes).digest('hex');
        if (actual !== sha256) {
          throw new ApiFailure(400, 'hash_mismatch', `The bytes received hash to ${actual}, not ${sha256}: the upload was damaged or incomplete; send it again.`);
        }
        const same = (existing: BlobMeta) => {
          if (existing.sha256 !== sha256) throw new ApiFailure(409, 'conflict', 'Another file was uploaded under this attachment id already.');
          return reply.status(200).send({ id, sha256, size: existing.size });
        };
        const existing = await blobMeta(db, id);
        if (existing) return same(existing);
        const inserted = await insertBlob(db, { id, sha256, contentType, name, size: bytes.length, uploadedBy: actor.agentId, bytes }, new Date().toISOString());
        if (!inserted) {
          const raced = await blobMeta(db, id);
          if (raced) return same(raced);
        }
        return reply.status(201).send({ id, sha256, size: bytes.length });
      },
    });

    scope.get(ATTACHMENT_ROUTE, async (request, reply) => {
      const actor = await authenticate(db, request);
      const id = attachmentId(request);
      const blob = await blobMeta(db, id);
      if (!blob) {
        // Whoever may not see it learns nothing new: the file is not on the server for anyone yet.
        throw new ApiFailure(
          404,
          'not_uploaded',
          'This file has not been uploaded yet: the workstation that attached it sends it the next time it is online.',
        );
      }
      if (!(await mayRead(db, actor, blob))) throw notFound();
      const bytes = await blobBytes(db, id);
      if (!bytes) throw notFound();
      return reply
        .status(200)
        // Never rendered by a browser from here: the type travels in a header of its own.
        .header('content-type', 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(blob.name || 'file')}`)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header(attachmentHeaders.sha256, blob.sha256)
        .header(attachmentHeaders.contentType, blob.contentType)
        .header(attachmentHeaders.name, encodeURIComponent(blob.name))
        .send(bytes);
    });
  });
}
