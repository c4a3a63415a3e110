import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { procedures } from '../../../shared/ipc/contract.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import { agentAlex, ticket } from '../shared/fixtures.ts';
import { signedInReplica, tempFiles, unreachableServerUrl } from './support.ts';

const newFile = tempFiles();
const open: Engine[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function openEngine(dbFile: string): Promise<Engine> {
  const engine = await Engine.open({ dbFile, pollIntervalMs: 0 });
  open.push(engine);
  return engine;
}

const ticketId = ticket().id;
const getTicket = async (engine: Engine) => procedures['ticket.get'].output.parse(unwrapDeskResult(await engine.invoke('ticket.get', { id: ticketId })));

describe('the outbox', () => {
  it('shows a reply at once, and keeps it in _outbox across closing and reopening the replica', async () => {
    const dbFile = newFile();
    await signedInReplica(dbFile, await unreachableServerUrl());
    const engine = await openEngine(dbFile);

    const { messageId } = unwrapDeskResult(await engine.invoke('ticket.reply', { ticketId, kind: 'reply', body: 'We are on it.' })) as { messageId: string };
    const shown = await getTicket(engine);
    expect(shown?.messages).toEqual([expect.objectContaining({ id: messageId, body: 'We are on it.', authorName: agentAlex.name, pendingSync: true })]);
    expect(shown?.ticket.status).toBe('open');
    expect(shown?.pendingSync).toBe(true);

    await engine.close();
    const raw = new Database(dbFile, { readonly: true });
    const rows = raw.prepare('SELECT id, name, args, state FROM _outbox').all() as { id: number; name: string; args: string; state: string }[];
    raw.close();
    expect(rows).toEqual([{ id: 1, name: 'message.add@1', args: expect.any(String), state: 'pending' }]);
    expect(JSON.parse(rows[0]!.args)).toMatchObject({ id: messageId, ticketId, kind: 'reply', body: 'We are on it.' });

    const reopened = await openEngine(dbFile);
    expect((await getTicket(reopened))?.messages).toEqual([expect.objectContaining({ id: messageId, pendingSync: true })]);
    expect(unwrapDeskResult(await reopened.invoke('sync.status', undefined))).toMatchObject({ pending: 1, rejected: 0 });
  });

  it('numbers mutations 1, 2, 3 with no gap, even around a change refused on the spot', async () => {
    const dbFile = newFile();
    await signedInReplica(dbFile, await unreachableServerUrl());
    const engine = await openEngine(dbFile);

    unwrapDeskResult(await engine.invoke('ticket.setStatus', { ticketId, status: 'pending' }));
    const refused = await engine.invoke('ticket.setStatus', { ticketId, status: 'new' });
    expect(refused).toEqual({ ok: false, error: { code: 'rejected', message: 'A ticket cannot be set back to New.' } });
    unwrapDeskResult(await engine.invoke('ticket.assign', { ticketId, assigneeId: agentAlex.id }));
    unwrapDeskResult(await engine.invoke('ticket.reply', { ticketId, kind: 'note', body: 'Checked the logs.' }));
    await engine.close();

    const raw = new Database(dbFile, { readonly: true });
    expect(raw.prepare('SELECT id, name FROM _outbox ORDER BY id').all()).toEqual([
      { id: 1, name: 'ticket.setStatus@1' },
      { id: 2, name: 'ticket.assign@1' },
      { id: 3, name: 'message.add@1' },
    ]);
    raw.close();
  });
});
