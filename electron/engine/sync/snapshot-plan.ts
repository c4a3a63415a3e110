import type { EntityKind } from '../../../shared/model/index.ts';
import type { HistoryPart } from '../../../shared/sync/protocol.ts';

/** Solved and closed tickets updated within this many days count as recent history. */
export const RECENT_DAYS = 30;

export interface SnapshotStep {
  kind: EntityKind;
  /** For tickets and messages: the share of the history this step brings. */
  part?: HistoryPart['part'];
  label: string;
}

/**
 * The order of an initial sync. The directory first (sign-in waits for it); then the open tickets
 * of the agent's scopes, the customers the queue names, and those tickets' threads, so the queue
 * and the open tickets are usable early; then recent history; then the rest.
 */
export const SNAPSHOT_PLAN: readonly SnapshotStep[] = [
  { kind: 'team', label: 'Downloading the directory' },
  { kind: 'agent', label: 'Downloading the directory' },
  { kind: 'slaPolicy', label: 'Downloading the directory' },
  { kind: 'view', label: 'Downloading the directory' },
  { kind: 'macro', label: 'Downloading the directory' },
  { kind: 'ticket', part: 'open', label: 'Downloading open tickets' },
  { kind: 'contact', label: 'Downloading customers' },
  { kind: 'account', label: 'Downloading customers' },
  { kind: 'message', part: 'open', label: 'Downloading conversations of open tickets' },
  { kind: 'ticket', part: 'recent', label: 'Downloading recent tickets' },
  { kind: 'message', part: 'recent', label: 'Downloading recent conversations' },
  { kind: 'ticket', part: 'rest', label: 'Downloading older tickets' },
  { kind: 'message', part: 'rest', label: 'Downloading older conversations' },
  { kind: 'article', label: 'Downloading articles' },
];

/** Kinds a re-bootstrap keeps while it downloads again: the directory, which holds the signed-in agent. */
export const KEPT_DURING_REBOOTSTRAP: readonly EntityKind[] = ['team', 'agent'];
