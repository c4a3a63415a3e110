/**
 * The attachment byte transfer between the engine and the server (outside the sync protocol: the
 * metadata replicates with its message, the bytes move once each way). `PUT` uploads the raw bytes
 * with the headers below; `GET` answers them as application/octet-stream with the same headers.
 */
export const attachmentPath = (id: string): string => `/api/v1/attachments/${encodeURIComponent(id)}`;

/** The route pattern on the server. */
export const ATTACHMENT_ROUTE = '/api/v1/attachments/:id';

export const attachmentHeaders = {
  /** sha256 of the bytes, lowercase hex; the server refuses a body that does not hash to it. */
  sha256: 'x-orbit-sha256',
  /** The file name, percent-encoded (encodeURIComponent): headers are ASCII. */
  name: 'x-orbit-file-name',
  /** The type the file was attached as; the body itself always travels as octet-stream on download. */
  contentType: 'x-orbit-content-type',
} as const;
