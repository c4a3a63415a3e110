import { describe, expect, it } from 'vitest';
import { safeStorageCodec } from '../../../electron/main/secret-codec.ts';

/** A stand-in keychain whose "encryption" is reversible but visibly not the plain text. */
function keychain(opts: { available?: boolean; backend?: 'basic_text' | 'gnome_libsecret' | 'kwallet6' } = {}) {
  const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (plain: string) => scramble(Buffer.from(plain, 'utf8')),
    decryptStringAsync: async (encrypted: Buffer) => {
      if (encrypted.length === 0) throw new Error('Error while decrypting the ciphertext');
      return { shouldReEncrypt: false, result: scramble(encrypted).toString('utf8') };
    },
  };
}

describe('safeStorage secret codec', () => {
  it('stores the token encrypted, as base64 text, and reads it back', async () => {
    const codec = safeStorageCodec(keychain(), 'linux');
    const stored = await codec.encrypt('token-abc é');
    expect(stored).not.toContain('token');
    expect(Buffer.from(stored, 'base64').toString('base64')).toBe(stored);
    expect(await codec.decrypt(stored)).toBe('token-abc é');
  });

  it('refuses to store anything when no keychain is available, telling the agent why', async () => {
    const codec = safeStorageCodec(keychain({ available: false }), 'win32');
    await expect(codec.encrypt('token')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('keychain') });
  });

  it('refuses the Linux basic_text backend, which is plain text with a fixed key', async () => {
    await expect(safeStorageCodec(keychain({ backend: 'basic_text' }), 'linux').encrypt('token')).rejects.toMatchObject({ code: 'unavailable' });
    expect(await safeStorageCodec(keychain({ backend: 'kwallet6' }), 'linux').encrypt('t')).toBeTruthy();
    expect(await safeStorageCodec(keychain({ backend: 'basic_text' }), 'darwin').encrypt('t')).toBeTruthy();
  });

  it('asks the agent to sign in again when a stored token cannot be decrypted', async () => {
    await expect(safeStorageCodec(keychain(), 'darwin').decrypt('')).rejects.toMatchObject({ code: 'not_signed_in' });
  });
});
