import { v7 } from 'uuid';

/** A new time-ordered id (UUIDv7). Used by clients offline and by the server alike. */
export function newId(): string {
  return v7();
}
