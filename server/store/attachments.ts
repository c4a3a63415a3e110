import type { Kysely } from 'kysely';
import type { Attachment, Message } from '../../shared/model/index.ts';
import { fromRow } from './rows.ts';
import type { Database } from './schema.ts';

export interface BlobMeta {
  id: string;
  sha256: string;
  contentType: string;
  name: string;
  size: number;
  uploadedBy: string;
}

export interface NewBlob extends BlobMeta {
  bytes: Uint8Array;
}

export async function blobMeta(db: Kysely<Database>, id: string): Promise<BlobMeta | undefined> {
  const row = await db
    .selectFrom('attachment_blobs')
    .select(['id', 'sha256', 'content_type', 'name', 'size', 'uploaded_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, sha256: row.sha256, contentType: row.content_type, name: row.name, size: Number(row.size), uploadedBy: row.uploaded_by };
}

export async function blobBytes(db: Kysely<Database>, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('attachment_blobs').select('bytes').where('id', '=', id).executeTakeFirst();
  return row && Buffer.from(row.bytes);
}

/** Stores new bytes; false when the id is taken already (a concurrent upload of the same file). */
export async function insertBlob(db: Kysely<Database>, blob: NewBlob, now: string): Promise<boolean> {
  const result = await db
    .insertInto('attachment_blobs')
    .values({
      id: blob.id,
      sha256: blob.sha256,
      content_type: blob.contentType,
      name: blob.name,
      size: blob.size,
      bytes: blob.bytes,
      uploaded_by: blob.uploadedBy,
      created_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * The messages that carry an attachment: the ids are UUIDs (hex and dashes), so a LIKE on the JSON
 * text finds the candidates with no escaping, and parsing confirms the match.
 */
export async function messagesWithAttachment(db: Kysely<Database>, id: string): Promise<{ message: Message; attachment: Attachment }[]> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return [];
  const rows = await db.selectFrom('messages').selectAll().where('attachments', 'like', `%${id}%`).limit(50).execute();
  const found: { message: Message; attachment: Attachment }[] = [];
  for (const row of rows) {
    const message = fromRow('message', row);
    const attachment = message.attachments.find((a) => a.id === id);
    if (attachment) found.push({ message, attachment });
  }
  return found;
}
