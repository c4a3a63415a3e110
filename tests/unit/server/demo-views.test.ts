import { describe, expect, it } from 'vitest';
import { SavedView } from '../../../shared/model/index.ts';
import { UNSOLVED_STATUSES } from '../../../shared/rules/status.ts';
import { viewFilterRefusal } from '../../../shared/rules/view-filter.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { generateDemo } from '../../../server/demo/generate.ts';
import { DEMO_VIEW_IDS } from '../../../server/demo/views.ts';

const demo = generateDemo({ seed: 7, now: new Date('2026-11-22T00:00:00Z'), scale: 0.2 });
const byEmail = (email: string) => demo.agents.find((a) => a.email === email)!;

describe('demo saved views', () => {
  it("are the lead's shared 'Urgent & high, unassigned' and Alex's personal 'My VIP', valid and non-empty", () => {
    const [shared, mine] = demo.views;
    expect(demo.views.map((v) => SavedView.parse(v).id)).toEqual([DEMO_VIEW_IDS.urgentUnassigned, DEMO_VIEW_IDS.myVip]);
    expect(shared).toMatchObject({ name: 'Urgent & high, unassigned', shared: true, ownerId: byEmail(DEMO_LEAD_EMAIL).id });
    expect(mine).toMatchObject({ name: 'My VIP', shared: false, ownerId: byEmail(DEMO_AGENT_EMAIL).id });
    expect(demo.views.map((v) => viewFilterRefusal(v.filter))).toEqual([null, null]);
    // Both show something in the demo: unassigned urgent/high work, and Alex's open VIP tickets.
    const open = demo.tickets.filter((t) => UNSOLVED_STATUSES.includes(t.status));
    expect(open.filter((t) => t.assigneeId === null && ['urgent', 'high'].includes(t.priority)).length).toBeGreaterThan(0);
    expect(open.filter((t) => t.assigneeId === byEmail(DEMO_AGENT_EMAIL).id && t.tags.includes('vip')).length).toBeGreaterThan(0);
  });
});
