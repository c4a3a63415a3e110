// One initial sync in a process of its own, as the desktop app's main process hosts its engine
// worker: the stall figure then measures that process alone, not the bench's own work.
// Prints the InitialSync as JSON.
//   node bench/sync/initial-sync-child.ts --url URL --file REPLICA --email EMAIL --deadline-ms N
import { parseArgs } from 'node:util';
import { initialSync } from './initial-sync-run.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, file: { type: 'string' }, email: { type: 'string' }, 'deadline-ms': { type: 'string' } } });
const { url, file, email } = values;
if (!url || !file || !email) throw new Error('--url, --file and --email are required.');
console.log(JSON.stringify(await initialSync(url, file, email, Number(values['deadline-ms'] ?? Infinity))));
