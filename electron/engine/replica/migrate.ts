import type { Db } from './open-replica.ts';

/** One forward-only step of the replica schema. `up` runs inside its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}

/** Opening a replica written by a newer Orbit: refused, since this version would misread it. */
export class ReplicaTooNewError extends Error {
  override readonly name = 'ReplicaTooNewError';
}

/** Applies the migrations the file has not seen yet, each in one transaction with its `user_version`. */
export function migrate(db: Db, list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Replica migrations must be numbered 1, 2, 3...; found ${m.version} (${m.name}) at position ${i + 1}.`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) {
    throw new ReplicaTooNewError(
      `The replica ${db.name} was written by a newer version of Orbit (schema ${current}; this version knows up to ${list.length}). ` +
        'Update Orbit, or remove the file to download the data again.',
    );
  }
  for (const m of list.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
