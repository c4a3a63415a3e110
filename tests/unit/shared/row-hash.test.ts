import { describe, expect, it } from 'vitest';
import { addToChecksum, CHECKSUM_MODULUS, rowHash } from '../../../shared/sync/row-hash.ts';

const ID = '0195f0a0-0000-7000-8000-0000000000f1';

describe('row hashes and checksums', () => {
  it('hash kind, id and version to a fixed 32-bit number (both sides must agree, across versions of Orbit)', () => {
    expect(rowHash('ticket', ID, 7)).toBe(rowHash('ticket', ID, 7));
    // Pinned: changing the function would make every replica re-download everything.
    expect(rowHash('ticket', ID, 7)).toBe(505_486_738);
    expect(new Set([rowHash('ticket', ID, 7), rowHash('ticket', ID, 8), rowHash('message', ID, 7)]).size).toBe(3);
  });

  it('spread consecutive versions over the whole range', () => {
    const hashes = Array.from({ length: 4000 }, (_, v) => rowHash('message', ID, v));
    for (const h of hashes) expect(Number.isInteger(h) && h >= 0 && h < CHECKSUM_MODULUS).toBe(true);
    // Each of 16 buckets gets close to its share (250): a weak hash would pile them up.
    const buckets = new Array<number>(16).fill(0);
    for (const h of hashes) buckets[Math.floor(h / (CHECKSUM_MODULUS / 16))]! += 1;
    expect(Math.min(...buckets)).toBeGreaterThan(180);
  });

  it('sum modulo 2^32 in any order, and taking a row out undoes adding it', () => {
    const hashes = [rowHash('ticket', ID, 1), rowHash('message', ID, 2), rowHash('team', ID, 0), CHECKSUM_MODULUS - 1];
    const forward = hashes.reduce(addToChecksum, 0);
    expect([...hashes].reverse().reduce(addToChecksum, 0)).toBe(forward);
    expect(addToChecksum(forward, -(CHECKSUM_MODULUS - 1))).toBe(hashes.slice(0, 3).reduce(addToChecksum, 0));
    expect(forward).toBeLessThan(CHECKSUM_MODULUS);
  });
});
