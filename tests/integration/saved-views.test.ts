import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../server/demo/credentials.ts';
import { DEMO_VIEW_IDS } from '../../server/demo/views.ts';
import type { ViewListItem } from '../../shared/ipc/features/queues.ts';
import { startTestServer } from '../support/server.ts';
import { idleAndOnline, replicaFiles, signedInWorkstation, untilChanged, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('saved views between workstations', () => {
  it("a lead's shared view reaches an agent's navigation with its count; personal views stay their owner's", async () => {
    const server = await startTestServer({ demo: { scale: 0.1, seed: 5 } });
    cleanup.push(() => server.close());
    const opened = (e: { close(): Promise<void> }) => cleanup.push(() => e.close());
    const alex = await signedInWorkstation({ serverUrl: server.url, email: DEMO_AGENT_EMAIL, dbFile: newReplica(), opened });
    const lena = await signedInWorkstation({ serverUrl: server.url, email: DEMO_LEAD_EMAIL, dbFile: newReplica(), opened });

    // The demo's views: Alex sees the shared one and his own; Lena the shared one only.
    const ids = (list: ViewListItem[]) => list.filter((v) => !v.builtin).map((v) => v.id);
    expect(ids(await alex.desk.invoke('views.list'))).toEqual([DEMO_VIEW_IDS.urgentUnassigned, DEMO_VIEW_IDS.myVip]);
    expect(ids(await lena.desk.invoke('views.list'))).toEqual([DEMO_VIEW_IDS.urgentUnassigned]);

    const { viewId } = await lena.desk.invoke('views.save', {
      name: 'Open in Alex’s team',
      shared: true,
      filter: { statuses: ['open'], teamIds: ['mine'] },
      sort: { field: 'number', direction: 'asc' },
      columns: ['number', 'status'],
    });
    await untilStatus(lena.desk, idleAndOnline);

    // 'mine' is resolved for whoever looks: Alex's count is of Alex's teams.
    const seen = await untilChanged(alex.desk, async () => (await alex.desk.invoke('views.list')).find((v) => v.id === viewId));
    expect(seen).toMatchObject({ name: 'Open in Alex’s team', shared: true, editable: false });
    const page = await alex.desk.invoke('queue.viewPage', { ref: { viewId }, after: null, limit: 500 });
    expect(page.total).toBe(seen.count);
    expect(page.rows.every((r) => r.status === 'open')).toBe(true);
    const numbers = page.rows.map((r) => r.number ?? 0);
    expect(numbers).toEqual(numbers.toSorted((a, b) => a - b));

    // Alex cannot change it: refused on his workstation already.
    await expect(alex.desk.invoke('views.delete', { viewId })).rejects.toMatchObject({ code: 'rejected' });
    await lena.desk.invoke('views.delete', { viewId });
    await untilStatus(lena.desk, idleAndOnline);
    await untilChanged(alex.desk, async () => ((await alex.desk.invoke('views.list')).some((v) => v.id === viewId) ? undefined : true));
  });
});
