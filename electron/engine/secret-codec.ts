/** Keeps the session token unreadable at rest. Electron main provides one over safeStorage. */
export interface SecretCodec {
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

/** For hosts without a keychain (tests, the browser host): the token is stored as is. */
export const plainSecrets: SecretCodec = {
  encrypt: async (plain) => plain,
  decrypt: async (sealed) => sealed,
};
