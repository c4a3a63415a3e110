import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/ipc/contract.ts';
import { createDeskApi } from '../../../shared/ipc/desk-api.ts';
import { parseInvocation, toDeskResultError, type DeskResult, type DeskTransport } from '../../../shared/ipc/envelope.ts';

describe('parseInvocation', () => {
  it('passes a valid call with its parsed input', () => {
    const input = { view: 'mine', after: null, limit: 50 };
    expect(parseInvocation('queue.page', input)).toEqual({ name: 'queue.page', input });
  });

  it('refuses unknown procedures, including prototype names', () => {
    for (const name of ['nope', '__proto__', 'constructor', 42]) {
      expect(() => parseInvocation(name, undefined)).toThrow(expect.objectContaining({ code: 'unknown_procedure' }));
    }
  });

  it('refuses invalid input and names the field', () => {
    expect(() => parseInvocation('queue.page', { view: 'everything', after: null, limit: 50 })).toThrow(/Invalid input for queue\.page \(view\)/);
    expect(() => parseInvocation('session.login', { serverUrl: 'file:///etc/passwd', email: 'a@b.co', password: 'x' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});

describe('results across a transport', () => {
  it('hides internal errors and keeps DeskErrors', () => {
    expect(toDeskResultError(new Error('SQLITE_CORRUPT at /home/alex/secret'))).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.not.stringContaining('secret') },
    });
    expect(toDeskResultError(new DeskError('rejected', 'No.'))).toEqual({ ok: false, error: { code: 'rejected', message: 'No.' } });
  });

  it('createDeskApi unwraps values, rethrows DeskErrors and filters events by name', async () => {
    let emit: (event: string, payload: unknown) => void = () => {};
    const results: Record<string, DeskResult> = {
      'sync.now': { ok: true, value: 'fine' },
      'queue.counts': { ok: false, error: { code: 'not_signed_in', message: 'Sign in first.' } },
    };
    const transport: DeskTransport = {
      invoke: async (name) => results[name]!,
      on: (l) => {
        emit = l;
        return () => (emit = () => {});
      },
    };
    const desk = createDeskApi(transport);
    await expect(desk.invoke('sync.now')).resolves.toBe('fine');
    await expect(desk.invoke('queue.counts')).rejects.toMatchObject({ name: 'DeskError', code: 'not_signed_in' });
    const seen: unknown[] = [];
    const off = desk.on('changed', (p) => seen.push(p));
    emit('sync.status', { x: 1 });
    emit('changed', { kinds: ['ticket'] });
    off();
    emit('changed', { kinds: ['message'] });
    expect(seen).toEqual([{ kinds: ['ticket'] }]);
  });
});
