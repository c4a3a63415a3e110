import { DeskError, SocketClientMessage } from '../../shared/ipc/index.ts';
import { MAX_ATTACHMENT_BYTES } from '../../shared/model/index.ts';

/** Largest message a page may send. Well above any valid call (a reply body is at most 100,000 characters). */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;
/** The one call that carries a file: `attachment.add`, its bytes as base64 (4 characters per 3 bytes) plus the rest of the call. */
export const MAX_ATTACHMENT_MESSAGE_BYTES = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 64 * 1024;
/** Procedures allowed past MAX_SOCKET_MESSAGE_BYTES, and how far. */
const LARGER_LIMITS: Readonly<Record<string, number>> = { 'attachment.add': MAX_ATTACHMENT_MESSAGE_BYTES };
/**
 * Beyond this the socket library closes the connection (1009) without reading the message.
 * Between the limits the message is still read, so its call can be answered with a clear error.
 */
export const SOCKET_HARD_LIMIT_BYTES = MAX_ATTACHMENT_MESSAGE_BYTES + 8 * 1024 * 1024;

export type DecodedMessage =
  | { ok: true; message: SocketClientMessage }
  /** `id` is the call to answer, or null when the message does not say which call it is. */
  | { ok: false; id: number | null; error: DeskError };

function callId(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/** Reads one message from the page: JSON, within the size limit, shaped as a SocketClientMessage. */
export function decodeClientMessage(data: Buffer): DecodedMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    return { ok: false, id: null, error: new DeskError('invalid_input', 'Malformed message: not JSON') };
  }
  const id = callId(parsed);
  const name = typeof parsed === 'object' && parsed !== null ? (parsed as { name?: unknown }).name : undefined;
  const limit = (typeof name === 'string' && Object.hasOwn(LARGER_LIMITS, name) ? LARGER_LIMITS[name] : undefined) ?? MAX_SOCKET_MESSAGE_BYTES;
  if (data.byteLength > limit) {
    return { ok: false, id, error: new DeskError('invalid_input', `Message too large: ${data.byteLength} bytes (the limit is ${limit})`) };
  }
  // JSON drops an undefined `input`, which is how a call without input arrives; the schema wants the key.
  const message = SocketClientMessage.safeParse(typeof parsed === 'object' && parsed !== null ? { input: undefined, ...parsed } : parsed);
  if (!message.success) {
    const issue = message.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, id, error: new DeskError('invalid_input', `Malformed message${where}: ${issue?.message ?? 'wrong shape'}`) };
  }
  return { ok: true, message: message.data };
}
