import type { EntityKind } from '../model/index.ts';

/** Checksums are sums of 32-bit row hashes modulo 2^32: order does not matter, and removing a row subtracts exactly what adding it added. */
export const CHECKSUM_MODULUS = 0x1_0000_0000;

/**
 * The hash of one row version: FNV-1a over kind, id and version, then murmur3's finalizer so that
 * near-identical inputs (consecutive versions) spread over all 32 bits. Server and engine both use
 * this one function, so their per-scope sums agree exactly when they hold the same row versions.
 */
export function rowHash(kind: EntityKind, id: string, version: number): number {
  const text = `${kind}/${id}/${version}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** `sum + delta` modulo 2^32, for a delta of either sign. */
export function addToChecksum(sum: number, delta: number): number {
  return (((sum + delta) % CHECKSUM_MODULUS) + CHECKSUM_MODULUS) % CHECKSUM_MODULUS;
}
