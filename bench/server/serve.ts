// A real Orbit server over a store, in its own process (as in production), for the bench's clients.
// Prints {"url": ...} as its first line, serves until SIGTERM. The log-in limit is raised: a
// benchmark signs agents in far faster than any person.
//   node bench/server/serve.ts --db FILE | --database-url postgres://…
import { parseArgs } from 'node:util';
import { startServer } from '../../server/start.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, 'database-url': { type: 'string' } } });
const location = values['database-url'] ? { databaseUrl: values['database-url'] } : values.db ? { dbFile: values.db } : null;
if (!location) throw new Error('--db FILE or --database-url URL is required.');
const server = await startServer({ ...location, port: 0, loginLimit: { max: 1_000_000, windowMs: 60_000 } });
console.log(JSON.stringify({ url: server.url }));
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
