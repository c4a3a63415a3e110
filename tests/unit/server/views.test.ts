import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { demoWithThreeAgents } from './api.ts';

const demo = demoWithThreeAgents(0.05);

const save = (id: string, overrides: Record<string, unknown> = {}) => ({
  name: 'view.save@1',
  args: { id, name: 'My VIP', shared: false, filter: { tags: ['vip'], assigneeIds: ['me'] }, sort: { field: 'updatedAt', direction: 'desc' }, columns: ['number', 'tags'], position: 0, ...overrides },
});
const viewChanges = (changes: Change[]) => changes.filter((c) => c.kind === 'view').map((c) => ({ id: c.id, op: c.op, name: c.data?.name, ownerId: c.data?.ownerId }));

describe('saved views on the server', () => {
  it('sync to every agent, with owners set by the server, and permissions hold', async () => {
    const { alex, lena } = demo;
    const [a, p, l] = [demo.client(alex), demo.client(demo.priya), demo.client(lena)];
    const from = await p.cursor();
    const personal = newId();
    const sharedId = newId();

    expect((await a.push(save(personal))).results).toEqual([{ id: 1, status: 'applied' }]);
    // An agent cannot share a view, nor change or delete another agent's.
    expect((await a.push(save(newId(), { shared: true, name: 'Everyone' }))).results).toEqual([
      { id: 2, status: 'rejected', error: expect.stringContaining('Only a lead or an admin') },
    ]);
    expect((await p.push(save(personal, { name: 'Taken over' }), { name: 'view.delete@1', args: { viewId: personal } })).results).toEqual([
      { id: 1, status: 'rejected', error: expect.stringContaining('agent who made it') },
      { id: 2, status: 'rejected', error: expect.stringContaining('agent who made it') },
    ]);
    // A bad filter is refused with the reason.
    expect((await a.push(save(newId(), { filter: { statuses: [] } }))).results).toEqual([
      { id: 3, status: 'rejected', error: 'The status filter has nothing picked; pick at least one status or remove the filter.' },
    ]);
    expect((await l.push(save(sharedId, { shared: true, name: 'Urgent & high, unassigned', filter: { priorities: ['urgent', 'high'], assigneeIds: ['none'] } }))).results).toEqual([
      { id: 1, status: 'applied' },
    ]);
    expect((await p.push({ name: 'view.delete@1', args: { viewId: sharedId } })).results).toEqual([{ id: 3, status: 'rejected', error: expect.stringContaining('Only a lead or an admin') }]);

    expect(viewChanges(await p.pull(from))).toEqual([
      { id: personal, op: 'put', name: 'My VIP', ownerId: alex.agentId },
      { id: sharedId, op: 'put', name: 'Urgent & high, unassigned', ownerId: lena.agentId },
    ]);

    const beforeDelete = await p.cursor();
    expect((await a.push({ name: 'view.delete@1', args: { viewId: personal } })).results).toEqual([{ id: 4, status: 'applied' }]);
    expect(viewChanges(await p.pull(beforeDelete))).toEqual([{ id: personal, op: 'del', name: undefined, ownerId: undefined }]);
  });
});
