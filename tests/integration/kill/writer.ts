// A workstation as a process of its own, for kill.test.ts: opens an Engine on a replica file, signs
// in if it must, then writes notes and replies on one ticket without end, printing `ok <messageId>`
// once each call has returned (the moment the UI would show it). With --drain it syncs until the
// outbox is empty, prints `drained`, and exits. Killed at any moment, it must lose nothing.
import { parseArgs } from 'node:util';
import { Engine } from '../../../electron/engine/engine.ts';
import { createDeskApi } from '../../../shared/ipc/index.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    server: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    ticket: { type: 'string' },
    label: { type: 'string' },
    drain: { type: 'boolean', default: false },
  },
});
const { db, server, email, password, ticket, label } = values;
if (!db || !server || !email || !password || !ticket || !label) {
  console.error('usage: writer.ts --db FILE --server URL --email E --password P --ticket ID --label TEXT [--drain]');
  process.exit(2);
}

const engine = await Engine.open({ dbFile: db, pollIntervalMs: 0 });
const desk = createDeskApi(engine);
if ((await desk.invoke('session.get')).state !== 'signed_in') await desk.invoke('session.login', { serverUrl: server, email, password });

/** Syncs until `done` holds; a sync that cannot finish in a few cycles is an error, not a hang. */
async function syncUntil(done: () => Promise<boolean>): Promise<void> {
  for (let cycles = 0; !(await done()); cycles++) {
    if (cycles >= 20) throw new Error(`not done after ${cycles} sync cycles: ${JSON.stringify(await desk.invoke('sync.status'))}`);
    await desk.invoke('sync.now');
  }
}

if (values.drain) {
  await syncUntil(async () => {
    const status = await desk.invoke('sync.status');
    return status.phase === 'idle' && status.pending === 0;
  });
  await engine.close();
  process.stdout.write('drained\n');
} else {
  // After a first sign-in the tickets arrive after the directory.
  await syncUntil(async () => (await desk.invoke('ticket.get', { id: ticket })) !== null);
  for (let n = 1; ; n++) {
    const { messageId } = await desk.invoke('ticket.reply', { ticketId: ticket, kind: n % 3 === 0 ? 'reply' : 'note', body: `${label} #${n}` });
    process.stdout.write(`ok ${messageId}\n`);
  }
}
