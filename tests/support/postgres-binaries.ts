import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The folder holding initdb and pg_ctl: $ORBIT_PG_BIN, the newest /usr/lib/postgresql/N/bin, or $PATH. */
export function postgresBinaries(): string | null {
  const candidates = [
    process.env.ORBIT_PG_BIN,
    ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`) : []),
    ...(process.env.PATH ?? '').split(delimiter),
  ];
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

/**
 * Why the PostgreSQL suites cannot run here, or null when they can. On CI (CI=true) they always
 * run: a missing PostgreSQL must fail the run there, not skip quietly.
 */
export function postgresSkipReason(): string | null {
  if (process.env.ORBIT_TEST_PG_URL || process.env.CI === 'true' || postgresBinaries()) return null;
  return `${NO_BINARIES}, and no ORBIT_TEST_PG_URL. Install postgresql to run them.`;
}

export const NO_BINARIES = 'no PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin, $ORBIT_PG_BIN or $PATH';
