import { DeskError } from '../../../shared/ipc/contract.ts';

/** Largest remote image fetched for an email; bigger ones stay blocked. */
export const MAX_REMOTE_IMAGE_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/** Raster types recognised by their first bytes (never SVG: it can carry script; never what the server claims). */
function imageType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  return null;
}

/**
 * A remote image of a customer email, fetched by the engine when the agent asks ("Show remote
 * images"): the renderer itself never reaches the network. Answered as a data: URL the sandboxed
 * frame may show; anything that is not a PNG, JPEG, GIF or WebP within the size limit is refused.
 */
export async function fetchRemoteImage(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'follow' });
  } catch {
    throw new DeskError('unavailable', 'The image could not be loaded (offline, or its server did not answer).');
  }
  if (!response.ok) throw new DeskError('unavailable', `The image could not be loaded (HTTP ${response.status}).`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_REMOTE_IMAGE_BYTES) throw new DeskError('rejected', 'The image is too large to show.');
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REMOTE_IMAGE_BYTES) {
      await reader.cancel();
      throw new DeskError('rejected', 'The image is too large to show.');
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  const type = imageType(bytes);
  if (!type) throw new DeskError('rejected', 'Not an image this app shows (PNG, JPEG, GIF or WebP).');
  return `data:${type};base64,${bytes.toString('base64')}`;
}
