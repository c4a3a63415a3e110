import { describe, expect, it } from 'vitest';
import { checkLoginForm } from '../../../renderer/src/login/login-form.ts';

const good = { serverUrl: ' http://127.0.0.1:4000 ', email: ' agent@example.com', password: 'secret' };

describe('checkLoginForm', () => {
  it('accepts a complete form, trimming the address and email', () => {
    expect(checkLoginForm(good)).toEqual({ ok: true, input: { serverUrl: 'http://127.0.0.1:4000', email: 'agent@example.com', password: 'secret' } });
  });

  it.each([
    [{ ...good, serverUrl: '' }, /server address/],
    [{ ...good, serverUrl: 'localhost:4000' }, /server address/],
    [{ ...good, serverUrl: 'ftp://example.com' }, /server address/],
    [{ ...good, email: 'agent' }, /email address/],
    [{ ...good, password: '' }, /password/],
  ])('explains what to fix: %o', (form, message) => {
    const checked = checkLoginForm(form);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(message);
  });
});
