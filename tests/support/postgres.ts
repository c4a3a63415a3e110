// vitest globalSetup of the PostgreSQL projects: ONE throwaway cluster per test run (or the server
// ORBIT_TEST_PG_URL names), and a migrated template database each test copies (tests/support/store.ts).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/store/dialect.ts';
import { migrate } from '../../server/store/migrate.ts';
import { freePort } from './free-port.ts';
import { NO_BINARIES, postgresBinaries } from './postgres-binaries.ts';

export interface PostgresForTests {
  /** A superuser URL of the maintenance database `postgres`: tests create their databases through it. */
  adminUrl: string;
  /** A database migrated to the newest schema, to copy with CREATE DATABASE … TEMPLATE. */
  template: string;
  /** Every database of this run starts with it. */
  prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresForTests;
  }
}

interface Cluster {
  url: string;
  stop(): void;
}

/** PostgreSQL refuses to run as root: as root, run its tools as the postgres user. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[]): void {
  const [cmd, argv] = asPostgres(bin, args);
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${[cmd, ...argv].join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}${result.stdout}`);
}

/**
 * initdb into a temp folder and start on a free 127.0.0.1 port, durability off (a test cluster
 * lives minutes). A watchdog shell stops it and removes the folder if this process dies without
 * its teardown (a crash, a kill): no cluster outlives the run.
 */
async function startCluster(): Promise<Cluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(`The PostgreSQL suite must run here (CI=true), but there are ${NO_BINARIES}.`);
  const dir = mkdtempSync(join(tmpdir(), 'orbit-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const [stopCmd, stopArgs] = asPostgres(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate']);
  const stop = () => {
    spawnSync(stopCmd, stopArgs, { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  const watchdog = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; if [ -d "${data}" ]; then ${[stopCmd, ...stopArgs].join(' ')}; rm -rf "${dir}"; fi`;
  spawn('sh', ['-c', watchdog], { detached: true, stdio: 'ignore' }).unref();
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    // A port free a moment ago can be taken before postgres binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const settings = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', settings, 'start']);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  } catch (err) {
    stop();
    throw err;
  }
}

export const databaseUrl = (adminUrl: string, database: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

async function asAdmin<T>(adminUrl: string, task: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await task(admin);
  } finally {
    await admin.end();
  }
}

async function createTemplate(adminUrl: string, template: string): Promise<void> {
  await asAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${template}`));
  // Migrated through the server's own code; closed again, since a template with a connection cannot be copied.
  const db = openDatabase({ databaseUrl: databaseUrl(adminUrl, template) });
  try {
    await migrate(db);
  } finally {
    await db.destroy();
  }
}

/** On a server that outlives the run (ORBIT_TEST_PG_URL), the run's databases go at the end. */
async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  await asAdmin(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.ORBIT_TEST_PG_URL;
  const cluster = external ? null : await startCluster();
  const adminUrl = external ?? (cluster as Cluster).url;
  const prefix = `orbit_run_${randomBytes(4).toString('hex')}_`;
  const teardown = async () => {
    if (cluster) cluster.stop();
    else await dropDatabases(adminUrl, prefix);
  };
  try {
    const template = `${prefix}template`;
    await createTemplate(adminUrl, template);
    project.provide('postgres', { adminUrl, template, prefix });
  } catch (err) {
    await teardown();
    throw err;
  }
  console.log(`PostgreSQL for ${project.name}: ${external ? 'ORBIT_TEST_PG_URL' : adminUrl}`);
  return teardown;
}
