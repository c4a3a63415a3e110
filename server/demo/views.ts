import type { Agent, SavedView } from '../../shared/model/index.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from './credentials.ts';

/** Fixed ids: the demo's saved views are the same rows in every generated workspace (and draw nothing from the seed's random stream). */
export const DEMO_VIEW_IDS = { urgentUnassigned: '0195f0a0-5a1a-7000-8000-0000000000e1', myVip: '0195f0a0-5a1a-7000-8000-0000000000e2' } as const;

/**
 * Two saved views: the lead's shared "Urgent & high, unassigned" (what nobody has picked up yet,
 * most urgent first) and Alex's personal "My VIP" (Alex's open tickets from enterprise accounts,
 * tagged `vip`, soonest SLA deadline first).
 */
export function demoViews(agents: readonly Agent[], nowMs: number): SavedView[] {
  const lead = agents.find((a) => a.email === DEMO_LEAD_EMAIL);
  const alex = agents.find((a) => a.email === DEMO_AGENT_EMAIL);
  const at = new Date(nowMs - 7 * 24 * 3_600_000).toISOString();
  const views: SavedView[] = [];
  if (lead)
    views.push({
      id: DEMO_VIEW_IDS.urgentUnassigned,
      name: 'Urgent & high, unassigned',
      ownerId: lead.id,
      shared: true,
      filter: { statuses: ['new', 'open', 'pending', 'on_hold'], priorities: ['urgent', 'high'], assigneeIds: ['none'] },
      sort: { field: 'priority', direction: 'desc' },
      columns: ['number', 'priority', 'status', 'team', 'requester', 'sla'],
      position: 0,
      createdAt: at,
      updatedAt: at,
    });
  if (alex)
    views.push({
      id: DEMO_VIEW_IDS.myVip,
      name: 'My VIP',
      ownerId: alex.id,
      shared: false,
      filter: { statuses: ['new', 'open', 'pending', 'on_hold'], assigneeIds: ['me'], tags: ['vip'] },
      sort: { field: 'slaDueAt', direction: 'asc' },
      columns: ['number', 'status', 'priority', 'account', 'sla', 'tags'],
      position: 0,
      createdAt: at,
      updatedAt: at,
    });
  return views;
}
