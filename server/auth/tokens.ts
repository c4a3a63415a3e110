import { createHash, randomBytes } from 'node:crypto';

/** A new opaque session token: 256 random bits. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What the store keeps instead of the token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
