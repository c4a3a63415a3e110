import type { SafeStorage } from 'electron';
import { DeskError } from '../../shared/ipc/contract.ts';
import type { SecretCodec } from '../engine/secret-codec.ts';

type Keychain = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

const NO_KEYCHAIN =
  'Orbit cannot keep your sign-in safe on this computer because no system keychain is available ' +
  '(on Linux: GNOME Keyring or KWallet). Orbit does not store sign-ins as plain text; start a keychain and sign in again.';

/**
 * The token encrypted by the OS keychain through Electron's safeStorage, as base64 text.
 * Refuses to store rather than fall back to plain text: on Linux without a keyring
 * safeStorage "encrypts" with a hard-coded key (the basic_text backend), which is plain text in disguise.
 */
export function safeStorageCodec(keychain: Keychain, platform: NodeJS.Platform): SecretCodec {
  const usable = async () =>
    (await keychain.isAsyncEncryptionAvailable()) && (platform !== 'linux' || keychain.getSelectedStorageBackend() !== 'basic_text');
  return {
    async encrypt(plain) {
      if (!(await usable())) throw new DeskError('unavailable', NO_KEYCHAIN);
      return (await keychain.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(stored) {
      if (!(await usable())) throw new DeskError('unavailable', NO_KEYCHAIN);
      try {
        return (await keychain.decryptStringAsync(Buffer.from(stored, 'base64'))).result;
      } catch {
        throw new DeskError('not_signed_in', 'Orbit could not read your saved sign-in (the system keychain changed). Sign in again.');
      }
    },
  };
}
