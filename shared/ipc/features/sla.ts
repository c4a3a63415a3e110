import { z } from 'zod';
import { SlaPolicy } from '../../model/sla-policy.ts';
import { SlaPolicyFields } from '../../mutators/sla-policy-save.ts';

/** Procedures and events of the agent workspace: SLA policy and timers. Spread into shared/ipc/contract.ts. */
export const slaProcedures = {
  /** The workspace's SLA policy from the replica; null until the first sync brought it. */
  'sla.policy': { input: z.undefined(), output: SlaPolicy.nullable() },
  /** Admins only (the mutator refuses others, offline too; the server decides for good). */
  'sla.savePolicy': { input: SlaPolicyFields, output: z.null() },
} as const;

export const slaEvents = {} as const;
