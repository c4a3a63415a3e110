/** What lists show for a person whose row is not in the replica (not synced yet, or out of scope). */
export const fallbackNames = {
  requester: 'Unknown requester',
  agent: 'Former agent',
  contact: 'Unknown customer',
  /** Author of system events. */
  system: 'Orbit',
} as const;
