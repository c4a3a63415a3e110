import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../server/demo/credentials.ts';
import type { ReportDefinition } from '../../shared/reports/index.ts';
import { startTestServer } from '../support/server.ts';
import { idleAndOnline, replicaFiles, signedInWorkstation, untilChanged, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const definition: ReportDefinition = { metric: 'backlog', groupBy: ['assignee'], range: { lastDays: 30 }, filter: {}, chart: 'bar' };

describe('saved reports between workstations', () => {
  it("a lead's shared report reaches an agent's list and runs on the agent's replica; a personal one stays its owner's", async () => {
    const server = await startTestServer({ demo: { scale: 0.1, seed: 5 } });
    cleanup.push(() => server.close());
    const opened = (e: { close(): Promise<void> }) => cleanup.push(() => e.close());
    const alex = await signedInWorkstation({ serverUrl: server.url, email: DEMO_AGENT_EMAIL, dbFile: newReplica(), opened });
    const lena = await signedInWorkstation({ serverUrl: server.url, email: DEMO_LEAD_EMAIL, dbFile: newReplica(), opened });

    const { reportId: personal } = await alex.desk.invoke('reports.save', { name: 'My solved', shared: false, pinned: true, definition: { ...definition, metric: 'solved', groupBy: ['day'] } });
    const { reportId } = await lena.desk.invoke('reports.save', { name: 'Workload', shared: true, pinned: false, definition });
    await untilStatus(lena.desk, idleAndOnline);
    await untilStatus(alex.desk, idleAndOnline);

    const seen = await untilChanged(alex.desk, async () => (await alex.desk.invoke('reports.list')).find((r) => r.id === reportId));
    expect(seen).toMatchObject({ name: 'Workload', shared: true, definition });
    expect((await alex.desk.invoke('reports.list')).map((r) => r.id).sort()).toEqual([personal, reportId].sort());
    expect((await lena.desk.invoke('reports.list')).map((r) => r.id)).toEqual([reportId]);

    // It runs on Alex's own replica: the backlog of his teams, and its drill-down agrees.
    const result = await alex.desk.invoke('reports.run', { definition: seen.definition, timeZone: 'Europe/Berlin', compare: true });
    expect(result.total.sample).toBeGreaterThan(0);
    const drill = await alex.desk.invoke('reports.tickets', { definition: seen.definition, timeZone: 'Europe/Berlin', keys: [], limit: 5 });
    expect(drill.total).toBe(result.total.sample);

    // Alex cannot delete Lena's shared report: refused on his workstation already.
    await expect(alex.desk.invoke('reports.delete', { reportId })).rejects.toMatchObject({ code: 'rejected' });
    await lena.desk.invoke('reports.delete', { reportId });
    await untilStatus(lena.desk, idleAndOnline);
    await untilChanged(alex.desk, async () => ((await alex.desk.invoke('reports.list')).some((r) => r.id === reportId) ? undefined : true));
  });
});
