import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import { ticket } from '../shared/fixtures.ts';
import { signedInReplica, tempFiles, unreachableServerUrl } from './support.ts';

const newFile = tempFiles();
const open: Engine[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

describe('ticket.surveyLink', () => {
  it('says in words that the link needs the server when it cannot be reached', async () => {
    const file = newFile();
    await signedInReplica(file, await unreachableServerUrl());
    const engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
    open.push(engine);
    const result = await engine.invoke('ticket.surveyLink', { ticketId: ticket({ status: 'solved' }).id });
    expect(() => unwrapDeskResult(result)).toThrow('A survey link is signed by the server, which cannot be reached now (offline?). Try again once connected.');
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
