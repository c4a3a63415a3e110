import { z } from 'zod';
import { Scope } from '../../../shared/sync/scopes.ts';
import type { Meta } from '../replica/meta.ts';

const Scopes = z.array(Scope);

/** A download of whole scopes (gained, or to repair), stored after every page so that it resumes after a restart. */
export const ScopeSync = z.object({
  scopes: Scopes,
  /** Index into the download's steps, and the keyset position inside that step. */
  step: z.number().int().nonnegative(),
  after: z.string().nullable(),
});
export type ScopeSync = z.infer<typeof ScopeSync>;

/** The scopes the server last said this replica has; undefined before the first answer that said so. */
export function heldScopes(meta: Meta): string[] | undefined {
  return meta.getJson('scopes', Scopes);
}

export function setHeldScopes(meta: Meta, scopes: readonly string[]): void {
  meta.setJson('scopes', scopes);
}

export function scopeSync(meta: Meta): ScopeSync | undefined {
  return meta.getJson('scope_sync', ScopeSync);
}

/** Adds scopes to download. A download already under way starts over when it gains scopes, so none is missed. */
export function queueScopeDownload(meta: Meta, scopes: Iterable<string>): void {
  const current = scopeSync(meta);
  const wanted = new Set([...(current?.scopes ?? []), ...scopes]);
  if (current && wanted.size === current.scopes.length) return;
  if (wanted.size === 0) return;
  meta.setJson('scope_sync', { scopes: [...wanted].sort(), step: 0, after: null } satisfies ScopeSync);
}
