import { describe, expect, it } from 'vitest';
import type { SavedView } from '../../../shared/model/index.ts';
import { MutationRejected, mutators, viewDelete, viewSave } from '../../../shared/mutators/index.ts';
import { agentAlex, agentBea, as, leadLena, serverCtx, T0, T1 } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const VIEW_ID = '0195f0a0-0000-7000-8000-0000000000b1';
const args = (overrides: Partial<Parameters<typeof viewSave.run>[1]> = {}) =>
  viewSave.args.parse({
    id: VIEW_ID,
    name: 'My VIP',
    shared: false,
    filter: { priorities: ['urgent', 'high'], assigneeIds: ['me'] },
    sort: { field: 'priority', direction: 'desc' },
    columns: ['number', 'priority'],
    position: 0,
    ...overrides,
  });
const stored = (overrides: Partial<SavedView> = {}): SavedView => ({ ...args(), ownerId: agentAlex.id, createdAt: T0, updatedAt: T0, ...overrides });

describe('view.save@1', () => {
  it('is listed for the server under its versioned name', () => {
    expect(mutators.get('view.save@1')).toBe(viewSave);
    expect(mutators.get('view.delete@1')).toBe(viewDelete);
  });

  it('creates a personal view owned by whoever saves it, and a replay leaves the same row', async () => {
    const w = memoryTx(serverCtx);
    await viewSave.run(w.tx, args());
    expect(w.read('view', VIEW_ID)).toEqual(stored({ createdAt: T1, updatedAt: T1 }));
    await viewSave.run(w.tx, args());
    expect(w.read('view', VIEW_ID)).toEqual(stored({ createdAt: T1, updatedAt: T1 }));
  });

  it('updates a view keeping its owner and creation time', async () => {
    const w = memoryTx(serverCtx, [{ kind: 'view', row: stored() }]);
    await viewSave.run(w.tx, args({ name: 'VIPs', sort: { field: 'slaDueAt', direction: 'asc' } }));
    expect(w.read('view', VIEW_ID)).toMatchObject({ name: 'VIPs', ownerId: agentAlex.id, createdAt: T0, updatedAt: T1, sort: { field: 'slaDueAt', direction: 'asc' } });
  });

  it("refuses another agent's personal view, even to a lead", async () => {
    for (const who of [agentBea, leadLena]) {
      const w = memoryTx(as(who), [{ kind: 'view', row: stored() }]);
      await expect(viewSave.run(w.tx, args({ name: 'Mine now' }))).rejects.toThrow(/only be changed or deleted by the agent who made it/);
      expect(w.read('view', VIEW_ID)?.name).toBe('My VIP');
    }
  });

  it('lets only a lead or an admin create, change, share or un-share a shared view', async () => {
    const agent = memoryTx(serverCtx);
    await expect(viewSave.run(agent.tx, args({ shared: true }))).rejects.toThrow(MutationRejected);
    expect(agent.writes).toEqual([]);
    const own = memoryTx(serverCtx, [{ kind: 'view', row: stored() }]);
    await expect(viewSave.run(own.tx, args({ shared: true }))).rejects.toThrow(/Only a lead or an admin/);
    const sharedByLena = stored({ shared: true, ownerId: leadLena.id });
    const unshare = memoryTx(serverCtx, [{ kind: 'view', row: sharedByLena }]);
    await expect(viewSave.run(unshare.tx, args({ shared: false }))).rejects.toThrow(/Only a lead or an admin/);

    const lead = memoryTx(as(leadLena));
    await viewSave.run(lead.tx, args({ shared: true, name: 'Urgent' }));
    expect(lead.read('view', VIEW_ID)).toMatchObject({ shared: true, ownerId: leadLena.id });
    const admin = memoryTx({ ...serverCtx, role: 'admin' }, [{ kind: 'view', row: sharedByLena }]);
    await viewSave.run(admin.tx, args({ shared: true, name: 'Renamed' }));
    expect(admin.read('view', VIEW_ID)).toMatchObject({ name: 'Renamed', ownerId: leadLena.id });
  });

  it('refuses filters that match nothing by construction, with a clear message', async () => {
    const w = memoryTx(serverCtx);
    await expect(viewSave.run(w.tx, args({ filter: { statuses: [] } }))).rejects.toThrow('The status filter has nothing picked; pick at least one status or remove the filter.');
    await expect(
      viewSave.run(w.tx, args({ filter: { dates: [{ field: 'createdAt', withinDays: 7 }, { field: 'createdAt', withinDays: 3 }] } })),
    ).rejects.toThrow(/same date/);
    expect(w.writes).toEqual([]);
    // The schema refuses unknown sort fields and statuses.
    expect(viewSave.args.safeParse({ ...args(), sort: { field: 'subject', direction: 'asc' } }).success).toBe(false);
    expect(viewSave.args.safeParse({ ...args(), filter: { statuses: ['archived'] } }).success).toBe(false);
  });
});

describe('view.delete@1', () => {
  it('deletes a personal view for its owner only, and does nothing for one already gone', async () => {
    const bea = memoryTx(as(agentBea), [{ kind: 'view', row: stored() }]);
    await expect(viewDelete.run(bea.tx, { viewId: VIEW_ID })).rejects.toThrow(MutationRejected);
    const alex = memoryTx(serverCtx, [{ kind: 'view', row: stored() }]);
    await viewDelete.run(alex.tx, { viewId: VIEW_ID });
    expect(alex.read('view', VIEW_ID)).toBeUndefined();
    await viewDelete.run(alex.tx, { viewId: VIEW_ID });
    expect(alex.writes).toEqual([{ kind: 'view', id: VIEW_ID }]);
  });

  it('deletes a shared view for a lead, not for an agent', async () => {
    const row = stored({ shared: true, ownerId: leadLena.id });
    const alex = memoryTx(serverCtx, [{ kind: 'view', row }]);
    await expect(viewDelete.run(alex.tx, { viewId: VIEW_ID })).rejects.toThrow(/Only a lead or an admin/);
    const lena = memoryTx(as(leadLena), [{ kind: 'view', row }]);
    await viewDelete.run(lena.tx, { viewId: VIEW_ID });
    expect(lena.read('view', VIEW_ID)).toBeUndefined();
  });
});
