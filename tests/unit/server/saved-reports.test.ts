import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { demoWithThreeAgents } from './api.ts';

const demo = demoWithThreeAgents(0.05);

const definition = { metric: 'csat', groupBy: ['week', 'team'], range: { lastDays: 90 }, filter: { channels: ['email'] }, chart: 'line' };
const save = (id: string, overrides: Record<string, unknown> = {}) => ({
  name: 'report.save@1',
  args: { id, name: 'CSAT by team', shared: false, pinned: false, definition, position: 0, ...overrides },
});
const reportChanges = (changes: Change[]) =>
  changes.filter((c) => c.kind === 'report').map((c) => ({ id: c.id, op: c.op, name: c.data?.name, ownerId: c.data?.ownerId, shared: c.data?.shared, definition: c.data?.definition }));

describe('saved reports on the server', () => {
  it('sync to every agent with their definition intact, owners set by the server, and permissions hold', async () => {
    const { alex, lena } = demo;
    const [a, p, l] = [demo.client(alex), demo.client(demo.priya), demo.client(lena)];
    const from = await p.cursor();
    const personal = newId();
    const sharedId = newId();

    expect((await a.push(save(personal))).results).toEqual([{ id: 1, status: 'applied' }]);
    expect((await a.push(save(newId(), { shared: true }))).results).toEqual([{ id: 2, status: 'rejected', error: expect.stringContaining('Only a lead or an admin') }]);
    expect((await p.push(save(personal, { name: 'Taken over' }), { name: 'report.delete@1', args: { reportId: personal } })).results).toEqual([
      { id: 1, status: 'rejected', error: expect.stringContaining('agent who made it') },
      { id: 2, status: 'rejected', error: expect.stringContaining('agent who made it') },
    ]);
    expect((await l.push(save(sharedId, { shared: true, pinned: true, name: 'Backlog by assignee' }))).results).toEqual([{ id: 1, status: 'applied' }]);

    expect(reportChanges(await p.pull(from))).toEqual([
      { id: personal, op: 'put', name: 'CSAT by team', ownerId: alex.agentId, shared: false, definition },
      { id: sharedId, op: 'put', name: 'Backlog by assignee', ownerId: lena.agentId, shared: true, definition },
    ]);

    const beforeDelete = await p.cursor();
    expect((await a.push({ name: 'report.delete@1', args: { reportId: personal } })).results).toEqual([{ id: 3, status: 'applied' }]);
    expect(reportChanges(await p.pull(beforeDelete))).toEqual([{ id: personal, op: 'del', name: undefined, ownerId: undefined, shared: undefined, definition: undefined }]);
  });
});
