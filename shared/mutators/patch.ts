import type { z } from 'zod';

/** A partial update of some fields of a row: only the fields named change, so concurrent edits of different fields both stay. */
export function patchOf<S extends z.ZodObject>(fields: S) {
  return fields.partial().refine((p) => Object.keys(p).length > 0, 'Name at least one field to change.');
}

/** Whether applying `patch` changes `row`; a repeat or a replay changes nothing and so writes nothing. */
export function patchChanges<T extends object>(row: T, patch: Partial<T>): boolean {
  return Object.entries(patch).some(([key, value]) => row[key as keyof T] !== value);
}
