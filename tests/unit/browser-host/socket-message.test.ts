import { describe, expect, it } from 'vitest';
import { decodeClientMessage, MAX_ATTACHMENT_MESSAGE_BYTES, MAX_SOCKET_MESSAGE_BYTES, SOCKET_HARD_LIMIT_BYTES } from '../../../electron/browser-host/socket-message.ts';

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

  it('lets attachment.add alone carry a file of up to 25 MiB as base64', () => {
    const file = 'A'.repeat(Math.ceil((25 * 1024 * 1024) / 3) * 4);
    const attach = decodeClientMessage(bytes({ t: 'invoke', id: 4, name: 'attachment.add', input: { name: 'a.bin', contentType: 'application/octet-stream', base64: file } }));
    expect(attach).toMatchObject({ ok: true, message: { name: 'attachment.add' } });
    const other = decodeClientMessage(bytes({ t: 'invoke', id: 5, name: 'ticket.reply', input: { body: file } }));
    expect(other).toMatchObject({ ok: false, id: 5, error: { code: 'invalid_input' } });
    const tooBig = decodeClientMessage(bytes({ t: 'invoke', id: 6, name: 'attachment.add', input: { base64: file + 'A'.repeat(128 * 1024) } }));
    expect(!tooBig.ok && tooBig.error.message).toMatch(/^Message too large/);
    expect(SOCKET_HARD_LIMIT_BYTES).toBeGreaterThan(MAX_ATTACHMENT_MESSAGE_BYTES);
  });
});
