import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for one suite's files, removed when the work is done (also when it fails). */
export async function withScratch<T>(work: (file: (name: string) => string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-bench-'));
  try {
    return await work((name) => join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
