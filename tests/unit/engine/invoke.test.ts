import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { MAX_BODY_CHARS } from '../../../shared/model/index.ts';
import { procedures } from '../../../shared/ipc/contract.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import { agentAlex, contact, ticket } from '../shared/fixtures.ts';
import { signedInReplica, team, tempFiles, unreachableServerUrl } from './support.ts';

const newFile = tempFiles();
let signedOut: Engine;
let signedIn: Engine;
const ticketId = ticket().id;

beforeAll(async () => {
  signedOut = await Engine.open({ dbFile: newFile(), pollIntervalMs: 0 });
  const file = newFile();
  await signedInReplica(file, await unreachableServerUrl());
  signedIn = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
});
afterAll(async () => {
  await signedOut.close();
  await signedIn.close();
});

const code = async (engine: Engine, name: string, input?: unknown) => {
  const result = await engine.invoke(name, input);
  return result.ok ? 'ok' : result.error.code;
};

describe('Engine.invoke', () => {
  it('answers invalid input with invalid_input, never by throwing', async () => {
    expect(await code(signedIn, 'queue.page', { view: 'everything', after: null, limit: 10 })).toBe('invalid_input');
    expect(await code(signedIn, 'queue.page', { view: 'all', after: null, limit: 10_000 })).toBe('invalid_input');
    expect(await code(signedIn, 'ticket.get', { id: 'not-a-uuid' })).toBe('invalid_input');
    expect(await code(signedIn, 'ticket.setStatus', { ticketId, status: 'done' })).toBe('invalid_input');
    expect(await code(signedIn, 'ticket.reply', { ticketId, kind: 'reply', body: '   ' })).toBe('invalid_input');
    expect(await code(signedIn, 'ticket.reply', { ticketId, kind: 'reply', body: 'x'.repeat(MAX_BODY_CHARS + 1) })).toBe('invalid_input');
    expect(await code(signedIn, 'session.login', { serverUrl: 'file:///etc/passwd', email: 'a@b.example', password: 'x' })).toBe('invalid_input');
    expect(await code(signedIn, 'queue.page', { view: 'all', after: 'garbage', limit: 10 })).toBe('invalid_input');
    expect(await code(signedIn, 'sync.status', { unexpected: true })).toBe('invalid_input');
    expect(await code(signedIn, 'no.such.thing')).toBe('unknown_procedure');
    // Nothing of the refused calls reached the outbox.
    expect(unwrapDeskResult(await signedIn.invoke('sync.status', undefined))).toMatchObject({ pending: 0 });
  });

  it('refuses a change the rules forbid with rejected and the reason', async () => {
    expect(await signedIn.invoke('ticket.reply', { ticketId: '0195f0a0-0000-7000-8000-00000000dead', kind: 'reply', body: 'Hi' })).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'No ticket with id 0195f0a0-0000-7000-8000-00000000dead.' },
    });
  });

  it('serves replica data only to a signed-in agent', async () => {
    for (const [name, input] of [
      ['queue.page', { view: 'all', after: null, limit: 10 }],
      ['queue.counts', undefined],
      ['ticket.get', { id: ticketId }],
      ['customer.pane', { ticketId }],
      ['customer.tickets', { ticketId, list: 'account', after: null, limit: 10 }],
      ['ticket.reply', { ticketId, kind: 'note', body: 'Hi' }],
      ['directory.agents', undefined],
    ] as const) {
      expect(await code(signedOut, name, input), name).toBe('not_signed_in');
    }
    expect(unwrapDeskResult(await signedOut.invoke('session.get', undefined))).toEqual({ state: 'signed_out' });
    expect(unwrapDeskResult(await signedOut.invoke('sync.status', undefined))).toMatchObject({ phase: 'signed_out', pending: 0 });
  });

  it('answers every read procedure with its contract shape', async () => {
    const reads = {
      'session.get': undefined,
      'queue.page': { view: 'all', after: null, limit: 10 },
      'queue.counts': undefined,
      'ticket.get': { id: ticketId },
      'customer.pane': { ticketId },
      'customer.tickets': { ticketId, list: 'contact', after: null, limit: 10 },
      'directory.agents': undefined,
      'sync.status': undefined,
    } as const;
    for (const [name, input] of Object.entries(reads)) {
      const value = unwrapDeskResult(await signedIn.invoke(name, input));
      expect(() => procedures[name as keyof typeof reads].output.parse(value), name).not.toThrow();
    }
    expect(unwrapDeskResult(await signedIn.invoke('session.get', undefined))).toMatchObject({ state: 'signed_in', agent: { id: agentAlex.id } });
    expect(unwrapDeskResult(await signedIn.invoke('customer.pane', { ticketId }))).toMatchObject({ contact: { id: contact.id }, account: null, accountContacts: [contact] });
    expect(unwrapDeskResult(await signedIn.invoke('ticket.get', { id: ticketId }))).toMatchObject({ team: { id: team.id }, requester: { id: contact.id } });
    expect(unwrapDeskResult(await signedIn.invoke('ticket.get', { id: '0195f0a0-0000-7000-8000-00000000dead' }))).toBeNull();
  });

  it('reports an unreachable server as offline and keeps the change', async () => {
    unwrapDeskResult(await signedIn.invoke('ticket.reply', { ticketId, kind: 'note', body: 'Called the customer.' }));
    const status = unwrapDeskResult(await signedIn.invoke('sync.now', undefined));
    expect(status).toMatchObject({ phase: 'offline', online: false, pending: 1, error: expect.stringContaining('Cannot reach http://127.0.0.1:') });
  });
});
