import { DEMO_SIZES } from '../../server/demo/generate.ts';
import { ROSTER } from '../../server/demo/roster.ts';

/** The workspace at --scale 1: a busy help desk. */
export const FULL_SIZES = { tickets: 1_000_000, messages: 5_000_000, accounts: 20_000, contacts: 100_000, articles: 5_000, agents: 200 } as const;

/** Tickets per demo chunk at most: big enough to keep the demo's ratios, small enough to stream. */
const CHUNK_TICKETS = 15_000;

export interface WorkspacePlan {
  scale: number;
  /** How many demo workspaces are generated and stitched together. */
  chunks: number;
  /** The `scale` each chunk is generated at (the demo's own sizes times this). */
  chunkScale: number;
  /** Copies of the demo roster (its teams and agents); chunk k works for group k mod groups. */
  groups: number;
  /** Articles kept (the demo makes at most 84 distinct ones per chunk). */
  articles: number;
}

/**
 * How --scale maps onto demo chunks. The demo's ratios (50 tickets per account, 7.5 per contact)
 * are close to the target's, so each chunk keeps its own customers: tickets never cross chunks.
 */
export function planWorkspace(scale: number): WorkspacePlan {
  if (!(scale > 0)) throw new Error(`--scale must be above 0, not ${scale}.`);
  const tickets = Math.max(30, Math.round(FULL_SIZES.tickets * scale));
  const chunks = Math.ceil(tickets / CHUNK_TICKETS);
  return {
    scale,
    chunks,
    chunkScale: tickets / chunks / DEMO_SIZES.tickets,
    groups: Math.max(1, Math.round((FULL_SIZES.agents * scale) / ROSTER.length)),
    articles: Math.max(1, Math.round(FULL_SIZES.articles * scale)),
  };
}
