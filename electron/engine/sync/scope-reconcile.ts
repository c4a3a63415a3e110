import type { EntityKind } from '../../../shared/model/index.ts';
import type { ScopeChecksum } from '../../../shared/sync/protocol.ts';
import { log } from '../log.ts';
import type { Replica } from '../replica/replica.ts';
import { checkReplicaOnce } from './replica-check.ts';
import { idsOnlyIn } from './scope-rows.ts';
import { heldScopes, queueScopeDownload, scopeSync, setHeldScopes } from './scope-state.ts';

/** What a pull page says about scopes: the caller's scopes with their checksums (last page), and compacted ones. */
export interface ScopeReport {
  checksums?: readonly ScopeChecksum[] | undefined;
  resetScopes?: readonly string[] | undefined;
}

const minus = (a: readonly string[], b: readonly string[]) => a.filter((s) => !b.includes(s));

/**
 * Brings the replica's scopes in line with the server's answer. Runs inside the rebase of a page,
 * while the replica holds server state only:
 * - a scope the agent lost is purged (rows still in another of their scopes stay, and so do rows
 *   pending mutations need);
 * - a scope they gained is queued for download;
 * - a scope whose checksum differs from the one the engine recorded while applying server rows,
 *   whose changes were compacted away behind our cursor, or whose rows fail the once-per-session
 *   check of the replica, is downloaded again: its rows are marked, and those the download does not
 *   bring are removed afterwards.
 * Returns the kinds whose rows changed.
 */
export function reconcileScopes(replica: Replica, report: ScopeReport): Set<EntityKind> {
  if (!report.checksums && !report.resetScopes) return new Set();
  const { meta, serverRows } = replica;
  const held = heldScopes(meta);
  const downloading = new Set(scopeSync(meta)?.scopes ?? []);
  let kinds = new Set<EntityKind>();
  let scopes = held ?? [];

  if (report.checksums) {
    scopes = report.checksums.map((c) => c.scope);
    if (held) {
      const lost = minus(held, scopes);
      const gained = minus(scopes, held);
      if (lost.length) {
        log.warn(`scopes lost: ${lost.join(', ')}; their rows leave this replica`);
        kinds = serverRows.removeAll((kind) => idsOnlyIn(kind, lost, scopes));
      }
      if (gained.length) log.warn(`scopes gained: ${gained.join(', ')}; downloading them`);
      gained.forEach((s) => downloading.add(s));
    }
    setHeldScopes(meta, scopes);
  }

  const repair = new Set<string>(report.checksums ? checkReplicaOnce(replica, scopes) : []);
  const compacted = (report.resetScopes ?? []).filter((s) => scopes.includes(s));
  if (compacted.length) log.warn(`the server compacted changes of ${compacted.join(', ')} that this replica had not pulled; downloading them again`);
  compacted.forEach((s) => repair.add(s));
  const recorded = serverRows.versions.sums((report.checksums ?? []).map((c) => c.scope));
  for (const [i, server] of (report.checksums ?? []).entries()) {
    if (downloading.has(server.scope) || repair.has(server.scope)) continue;
    const local = recorded[i] as ScopeChecksum;
    if (local.count !== server.count || local.sum !== server.sum) {
      log.warn(
        `checksum mismatch in ${server.scope} (here ${local.count} rows, sum ${local.sum}; server ${server.count} rows, sum ${server.sum}); downloading that scope again`,
      );
      repair.add(server.scope);
    }
  }
  if (repair.size) {
    const again = [...repair];
    serverRows.markUnconfirmed((kind) => idsOnlyIn(kind, again, minus(scopes, again)));
  }
  queueScopeDownload(meta, [...downloading, ...repair]);
  return kinds;
}
