import { describe, expect, it } from 'vitest';
import { MutationRejected, mutators, reportDelete, reportSave } from '../../../shared/mutators/index.ts';
import type { SavedReport } from '../../../shared/reports/index.ts';
import { agentAlex, agentBea, as, leadLena, serverCtx, T0, T1 } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const REPORT_ID = '0195f0a0-0000-7000-8000-0000000000b7';
const args = (overrides: Partial<Parameters<typeof reportSave.run>[1]> = {}) =>
  reportSave.args.parse({
    id: REPORT_ID,
    name: 'FRT by team, weekly',
    shared: false,
    pinned: true,
    definition: { metric: 'first_response_time', groupBy: ['week', 'team'], range: { lastDays: 90 }, chart: 'line' },
    position: 0,
    ...overrides,
  });
const stored = (overrides: Partial<SavedReport> = {}): SavedReport => ({ ...args(), ownerId: agentAlex.id, createdAt: T0, updatedAt: T0, ...overrides });

describe('report.save@1', () => {
  it('is listed for the server under its versioned name', () => {
    expect(mutators.get('report.save@1')).toBe(reportSave);
    expect(mutators.get('report.delete@1')).toBe(reportDelete);
  });

  it('creates a personal report owned by whoever saves it (the filter defaulting to none), and a replay leaves the same row', async () => {
    const w = memoryTx(serverCtx);
    await reportSave.run(w.tx, args());
    expect(w.read('report', REPORT_ID)).toEqual(stored({ createdAt: T1, updatedAt: T1 }));
    expect(w.read('report', REPORT_ID)?.definition.filter).toEqual({});
    await reportSave.run(w.tx, args());
    expect(w.read('report', REPORT_ID)).toEqual(stored({ createdAt: T1, updatedAt: T1 }));
  });

  it('updates a report keeping its owner and creation time', async () => {
    const w = memoryTx(serverCtx, [{ kind: 'report', row: stored() }]);
    await reportSave.run(w.tx, args({ name: 'FRT', pinned: false }));
    expect(w.read('report', REPORT_ID)).toMatchObject({ name: 'FRT', pinned: false, ownerId: agentAlex.id, createdAt: T0, updatedAt: T1 });
  });

  it("refuses another agent's personal report, even to a lead", async () => {
    for (const who of [agentBea, leadLena]) {
      const w = memoryTx(as(who), [{ kind: 'report', row: stored() }]);
      await expect(reportSave.run(w.tx, args({ name: 'Mine now' }))).rejects.toThrow('A personal report can only be changed or deleted by the agent who made it.');
      expect(w.read('report', REPORT_ID)?.name).toBe('FRT by team, weekly');
    }
  });

  it('lets only a lead or an admin create, change, share or un-share a shared report', async () => {
    const agent = memoryTx(serverCtx);
    await expect(reportSave.run(agent.tx, args({ shared: true }))).rejects.toThrow(
      'Only a lead or an admin can create, change or delete a shared report; save it as a personal report instead.',
    );
    expect(agent.writes).toEqual([]);
    const sharedByLena = stored({ shared: true, ownerId: leadLena.id });
    const unshare = memoryTx(serverCtx, [{ kind: 'report', row: sharedByLena }]);
    await expect(reportSave.run(unshare.tx, args({ shared: false }))).rejects.toThrow(/Only a lead or an admin/);
    const lead = memoryTx(as(leadLena));
    await reportSave.run(lead.tx, args({ shared: true }));
    expect(lead.read('report', REPORT_ID)).toMatchObject({ shared: true, ownerId: leadLena.id });
    const admin = memoryTx({ ...serverCtx, role: 'admin' }, [{ kind: 'report', row: sharedByLena }]);
    await reportSave.run(admin.tx, args({ shared: true, name: 'Renamed' }));
    expect(admin.read('report', REPORT_ID)).toMatchObject({ name: 'Renamed', ownerId: leadLena.id });
  });

  it('refuses a definition the schema refuses (three dimensions, two time buckets)', () => {
    expect(reportSave.args.safeParse({ ...args(), definition: { ...args().definition, groupBy: ['day', 'team', 'channel'] } }).success).toBe(false);
    expect(reportSave.args.safeParse({ ...args(), definition: { ...args().definition, groupBy: ['day', 'week'] } }).success).toBe(false);
  });
});

describe('report.delete@1', () => {
  it('deletes a personal report for its owner only, and does nothing for one already gone', async () => {
    const bea = memoryTx(as(agentBea), [{ kind: 'report', row: stored() }]);
    await expect(reportDelete.run(bea.tx, { reportId: REPORT_ID })).rejects.toThrow(MutationRejected);
    const alex = memoryTx(serverCtx, [{ kind: 'report', row: stored() }]);
    await reportDelete.run(alex.tx, { reportId: REPORT_ID });
    expect(alex.read('report', REPORT_ID)).toBeUndefined();
    await reportDelete.run(alex.tx, { reportId: REPORT_ID });
    expect(alex.writes).toEqual([{ kind: 'report', id: REPORT_ID }]);
  });

  it('deletes a shared report for a lead, not for an agent', async () => {
    const row = stored({ shared: true, ownerId: leadLena.id });
    const alex = memoryTx(serverCtx, [{ kind: 'report', row }]);
    await expect(reportDelete.run(alex.tx, { reportId: REPORT_ID })).rejects.toThrow(/Only a lead or an admin/);
    const lena = memoryTx(as(leadLena), [{ kind: 'report', row }]);
    await reportDelete.run(lena.tx, { reportId: REPORT_ID });
    expect(lena.read('report', REPORT_ID)).toBeUndefined();
  });
});
