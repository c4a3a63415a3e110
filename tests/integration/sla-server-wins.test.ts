import { afterAll, describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../shared/model/index.ts';
import { dueTimes } from '../../shared/rules/sla.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL } from '../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { idleAndOnline, replicaFiles, signedInWorkstation, untilChanged, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const allWeek = Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]);

describe('SLA due times across sync', () => {
  it("an admin's policy reaches agents; a ticket made offline shows due times at once, then the server's (its clock) after sync", async () => {
    let server: TestServer = await startTestServer({ demo: { scale: 0.05, seed: 12 } });
    cleanup.push(() => server.close());
    const opened = (e: { close(): Promise<void> }) => cleanup.push(() => e.close());
    const admin = await signedInWorkstation({ serverUrl: server.url, email: DEMO_ADMIN_EMAIL, dbFile: newReplica(), opened });
    const agent = await signedInWorkstation({ serverUrl: server.url, email: DEMO_AGENT_EMAIL, dbFile: newReplica(), opened });

    // A round-the-clock policy, so that every minute of clock difference moves the due times.
    const policy = (await admin.desk.invoke('sla.policy')) as SlaPolicy;
    const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = policy;
    await admin.desk.invoke('sla.savePolicy', { ...fields, name: 'Round the clock', week: allWeek });
    await untilStatus(admin.desk, idleAndOnline);
    // The agent's workstation hears of it (realtime) and pulls it.
    const synced = await untilChanged(agent.desk, async () => {
      const p = await agent.desk.invoke('sla.policy');
      return p?.name === 'Round the clock' ? p : undefined;
    });

    const [someone] = (await agent.desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    const requesterId = (await agent.desk.invoke('ticket.get', { id: someone?.id ?? '' }))?.requester.id ?? '';
    await server.close();
    const { ticketId } = await agent.desk.invoke('ticket.create', { subject: 'Urgent call', requesterId, priority: 'urgent' });
    const optimistic = (await agent.desk.invoke('ticket.get', { id: ticketId }))!.ticket;
    expect(optimistic.firstResponseDueAt).toBe(new Date(Date.parse(optimistic.createdAt) + 30 * 60_000).toISOString());
    await new Promise((r) => setTimeout(r, 1500));

    server = await startTestServer({ location: server.location, port: server.port });
    await untilStatus(agent.desk, idleAndOnline);
    const settled = (await agent.desk.invoke('ticket.get', { id: ticketId }))!.ticket;
    expect(Date.parse(settled.createdAt)).toBeGreaterThan(Date.parse(optimistic.createdAt) + 1000);
    expect({ firstResponseDueAt: settled.firstResponseDueAt, resolutionDueAt: settled.resolutionDueAt }).toEqual(dueTimes(synced, settled));
    expect(settled.firstResponseDueAt).not.toBe(optimistic.firstResponseDueAt);
    const row = (await agent.desk.invoke('queue.page', { view: 'unassigned', after: null, limit: 500 })).rows.find((r) => r.id === ticketId);
    expect(row).toMatchObject({ firstResponseDueAt: settled.firstResponseDueAt, resolutionDueAt: settled.resolutionDueAt });
  });
});
