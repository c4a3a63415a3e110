#!/usr/bin/env node
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL, DEMO_PASSWORD } from './demo/credentials.ts';
import { seedDemo, SeedRefused } from './demo/seed.ts';
import { startServer } from './start.ts';
import { compactLog } from './sync/compaction.ts';
import { dialectOfLocation, openDatabase, type StoreLocation } from './store/dialect.ts';
import { migrate } from './store/migrate.ts';
import { openStore } from './store/open.ts';
import { ensureWorkspace } from './store/workspace.ts';

const USAGE = `Usage: orbit-server <command> [options]

  migrate [STORE]                              bring the database to the newest schema
  seed --demo [STORE] [--seed N] [--scale X]   load the demo workspace into an empty database
  serve [STORE] [--port N] [--host H] [--log]  run the server (Ctrl+C stops it)
  compact --keep-days N [STORE]                drop change-log entries older than N days; replicas further
                                               behind download again only the scopes those entries touched

  STORE is one of
    --db FILE                 a SQLite file (default .orbit-data/server.sqlite): one server on one machine
    --database-url URL        a PostgreSQL database, postgres://user:password@host:port/name
                              (or env ORBIT_DATABASE_URL): any number of servers sharing it`;

class UsageError extends Error {}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    'database-url': { type: 'string' },
    demo: { type: 'boolean', default: false },
    seed: { type: 'string' },
    scale: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    log: { type: 'boolean', default: false },
    'keep-days': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function numberOption(name: string, value: string | undefined, check: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} ${value} is not valid.`);
  return n;
}

/** The store the options name, and how to name it in messages (never with the URL's password). */
function store(): { location: StoreLocation; name: string } {
  if (values.db !== undefined && values['database-url'] !== undefined) throw new UsageError('Give either --db or --database-url, not both.');
  // An explicit --db wins over the environment.
  const databaseUrl = values['database-url'] ?? (values.db === undefined ? process.env.ORBIT_DATABASE_URL : undefined);
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
      dialectOfLocation({ databaseUrl });
    } catch {
      throw new UsageError('--database-url must be a postgres://user:password@host:port/name URL.');
    }
    return { location: { databaseUrl }, name: `PostgreSQL database "${url.pathname.slice(1)}"${url.host ? ` on ${url.host}` : ''}` };
  }
  const file = resolve(values.db ?? '.orbit-data/server.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  return { location: { dbFile: file }, name: file };
}

async function migrateCommand(): Promise<void> {
  const { location, name } = store();
  console.log(`Migrating ${name}…`);
  const db = openDatabase(location);
  try {
    const ran = await migrate(db);
    await ensureWorkspace(db);
    console.log(ran.length ? `Applied ${ran.join(', ')}.` : 'Already up to date.');
  } finally {
    await db.destroy();
  }
}

async function seedCommand(): Promise<void> {
  if (!values.demo) throw new UsageError('seed needs --demo (the only data set there is).');
  const seed = numberOption('seed', values.seed, Number.isInteger);
  const scale = numberOption('scale', values.scale, (n) => n > 0 && n <= 10);
  const { location, name } = store();
  console.log(`Opening ${name}…`);
  const db = await openStore(location);
  try {
    const started = performance.now();
    const demo = await seedDemo(db, { ...(seed !== undefined && { seed }), ...(scale !== undefined && { scale }), onProgress: (m) => console.log(m) });
    console.log(`Seeded ${demo.tickets.length} tickets and ${demo.messages.length} messages in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    console.log(`Sign in as ${DEMO_AGENT_EMAIL} (agent), ${DEMO_LEAD_EMAIL} (lead) or ${DEMO_ADMIN_EMAIL} (admin), password ${DEMO_PASSWORD}.`);
  } finally {
    await db.destroy();
  }
}

async function serveCommand(): Promise<void> {
  const port = numberOption('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n < 65536);
  const { location, name } = store();
  console.log(`Starting the Orbit server on ${name}…`);
  const server = await startServer({ ...location, ...(port !== undefined && { port }), ...(values.host && { host: values.host }), logger: values.log });
  console.log(`Orbit server listening on ${server.url}`);
  const stop = (signal: string) => {
    console.log(`${signal}: stopping…`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Stopping failed:', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function compactCommand(): Promise<void> {
  const keepDays = numberOption('keep-days', values['keep-days'], (n) => n >= 0);
  if (keepDays === undefined) throw new UsageError('compact needs --keep-days N.');
  const { location, name } = store();
  const db = await openStore(location);
  try {
    const { horizon, scopes } = await compactLog(db, { keepDays });
    console.log(
      horizon === null
        ? `Nothing in ${name} is older than ${keepDays} days.`
        : `Dropped the change log up to seq ${horizon}; replicas behind it download again: ${scopes.join(', ')}.`,
    );
  } finally {
    await db.destroy();
  }
}

const commands: Record<string, () => Promise<void>> = { migrate: migrateCommand, seed: seedCommand, serve: serveCommand, compact: compactCommand };

try {
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
  } else {
    const run = commands[command];
    if (!run || positionals.length > 1) throw new UsageError(`Unknown command: ${positionals.join(' ')}`);
    await run();
  }
} catch (err) {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else console.error(err instanceof SeedRefused ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
