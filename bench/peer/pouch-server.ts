// The peer's server: express-pouchdb over in-memory PouchDB, holding the tickets of an Orbit
// server store, in its own process (as Orbit's server runs). Prints {"url", "docs"} once loaded.
//   node --max-old-space-size=N bench/peer/pouch-server.ts --db SERVER_DB
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import expressPouchDB from 'express-pouchdb';
import { serverRows } from '../data/server-rows.ts';
import { MemoryPouch } from './pouch.ts';

const BULK_DOCS = 5000;

const { values } = parseArgs({ options: { db: { type: 'string' } } });
if (!values.db) throw new Error('--db SERVER_DB is required.');
const tickets = new MemoryPouch('tickets');
let batch: object[] = [];
let docs = 0;
for (const ticket of serverRows(values.db, 'ticket')) {
  batch.push({ ...ticket, _id: ticket.id });
  if (batch.length === BULK_DOCS) {
    docs += (await tickets.bulkDocs(batch)).length;
    batch = [];
  }
}
docs += (await tickets.bulkDocs(batch)).length;
const server = createServer(expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`, docs })));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
