import { describe, expect, it } from 'vitest';
import { decodeClientMessage, MAX_SOCKET_MESSAGE_BYTES } from '../../../electron/browser-host/socket-message.ts';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decodeClientMessage', () => {
  it('accepts an invoke message, also one without input (JSON.stringify drops an undefined input)', () => {
    expect(decodeClientMessage(bytes({ t: 'invoke', id: 3, name: 'session.get' }))).toEqual({
      ok: true,
      message: { t: 'invoke', id: 3, name: 'session.get' },
    });
  });

  it('answers a wrong shape for the call it names', () => {
    const decoded = decodeClientMessage(bytes({ t: 'subscribe', id: 7, name: 'x' }));
    expect(decoded).toMatchObject({ ok: false, id: 7, error: { code: 'invalid_input' } });
  });

  it('cannot answer what names no call', () => {
    expect(decodeClientMessage(Buffer.from('not json'))).toMatchObject({ ok: false, id: null, error: { message: 'Malformed message: not JSON' } });
    expect(decodeClientMessage(bytes({ t: 'invoke', id: -1, name: 'session.get' }))).toMatchObject({ ok: false, id: null });
  });

  it('refuses an oversized message with a clear error for its call', () => {
    const decoded = decodeClientMessage(bytes({ t: 'invoke', id: 9, name: 'ticket.reply', input: { body: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES) } }));
    expect(decoded).toMatchObject({ ok: false, id: 9, error: { code: 'invalid_input' } });
    expect(!decoded.ok && decoded.error.message).toMatch(/^Message too large: \d+ bytes/);
  });
});
