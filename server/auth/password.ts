import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
/** OWASP's scrypt minimum (N=2^17, r=8, p=1). Stored with each hash, so it can be raised without breaking old ones. */
const COST = { N: 2 ** 17, r: 8, p: 1 };

function derive(password: string, salt: string, cost: typeof COST): Promise<Buffer> {
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export interface PasswordHash {
  /** `scrypt$N$r$p$<hex key>` */
  hash: string;
  salt: string;
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16).toString('hex');
  const key = await derive(password, salt, COST);
  return { hash: `scrypt$${COST.N}$${COST.r}$${COST.p}$${key.toString('hex')}`, salt };
}

/** Compares in constant time. With no stored hash it still does the work, so timing does not reveal unknown emails. */
export async function verifyPassword(password: string, stored: PasswordHash | undefined): Promise<boolean> {
  const [scheme, n, r, p, hex] = stored?.hash.split('$') ?? [];
  const cost = scheme === 'scrypt' ? { N: Number(n), r: Number(r), p: Number(p) } : COST;
  const key = await derive(password, stored?.salt ?? 'no-such-account', cost);
  if (!stored || scheme !== 'scrypt' || !hex) return false;
  const expected = Buffer.from(hex, 'hex');
  return expected.length === key.length && timingSafeEqual(expected, key);
}
