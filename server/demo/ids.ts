import type { Random } from './prng.ts';

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/** A UUIDv7-shaped id whose time part is `atMs` and whose random part comes from `random`: deterministic per seed. */
export function demoId(random: Random, atMs: number): string {
  const time = hex(atMs, 12);
  const rand = () => hex(random.int(0, 0xffff), 4);
  const version = `7${hex(random.int(0, 0xfff), 3)}`;
  const variant = hex(0x8000 | random.int(0, 0x3fff), 4);
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${variant}-${rand()}${rand()}${rand()}`;
}
