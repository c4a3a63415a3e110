import { describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL } from '../../server/demo/credentials.ts';
import type { TimelineMessage } from '../../shared/ipc/index.ts';
import type { Priority } from '../../shared/model/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readStore } from '../support/store.ts';
import { idleAndOnline, settled, untilStatus, workstations } from './engine-helpers.ts';

const { open: workstation, defer } = workstations();

const notices = (messages: readonly TimelineMessage[] | undefined) => (messages ?? []).filter((m) => m.event?.type === 'conflict');

describe('two agents change the same priority offline', () => {
  it('end with the later commit’s value, both see one conflict notice, and the loser can re-apply', async () => {
    let server: TestServer = await startTestServer({ demo: { scale: 0.1, seed: 5 } });
    defer(() => server.close());
    const alex = await workstation(server.url, DEMO_AGENT_EMAIL);
    const priya = await workstation(server.url, 'priya@orbit.demo');
    // A ticket of their team, which both replicas hold.
    const [row] = (await alex.desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    const ticketId = row?.id ?? '';
    const seen = (await priya.desk.invoke('ticket.get', { id: ticketId }))?.ticket.priority as Priority;
    expect((await alex.desk.invoke('ticket.get', { id: ticketId }))?.ticket.priority).toBe(seen);
    const [alexValue, priyaValue] = (['low', 'normal', 'high', 'urgent'] as const).filter((p) => p !== seen);

    await server.close();
    await alex.desk.invoke('ticket.setPriority', { ticketId, priority: alexValue as Priority, base: seen });
    await priya.desk.invoke('ticket.setPriority', { ticketId, priority: priyaValue as Priority, base: seen });
    expect((await alex.desk.invoke('ticket.get', { id: ticketId }))?.ticket.priority).toBe(alexValue);
    expect((await priya.desk.invoke('ticket.get', { id: ticketId }))?.ticket.priority).toBe(priyaValue);

    // The server comes back; each engine reconnects and pushes on its own, in whichever order.
    server = await startTestServer({ location: server.location, port: server.port });
    await Promise.all([untilStatus(alex.desk, idleAndOnline), untilStatus(priya.desk, idleAndOnline)]);
    await Promise.all([settled(alex.desk), settled(priya.desk)]);

    // Server commit order decides: the priority change committed last is the value.
    const logged = await readStore(server.location, (db) =>
      db.selectFrom('change_log').select('data').where('kind', '=', 'ticket').where('entity_id', '=', ticketId).where('client_id', 'is not', null).orderBy('seq').execute(),
    );
    const committed = logged.map((r) => (JSON.parse(r.data ?? '{}') as { priority: Priority }).priority);
    const winner = committed.at(-1);
    expect([alexValue, priyaValue]).toContain(winner);
    const [alexView, priyaView] = await Promise.all([alex.desk.invoke('ticket.get', { id: ticketId }), priya.desk.invoke('ticket.get', { id: ticketId })]);
    expect(alexView?.ticket.priority).toBe(winner);
    expect(priyaView?.ticket.priority).toBe(winner);

    // One notice, the same in both timelines, naming the overwritten value and whose it was.
    const [notice, ...more] = notices(alexView?.messages);
    expect(more).toEqual([]);
    expect(notices(priyaView?.messages)).toEqual([notice]);
    const [loser, lostValue] = winner === alexValue ? [priya, priyaValue] : [alex, alexValue];
    expect(notice).toMatchObject({
      kind: 'event',
      authorName: 'Orbit',
      pendingSync: false,
      event: { field: 'priority', lost: { value: lostValue, by: loser.agentId }, kept: { value: winner } },
    });

    // The loser re-applies: their value wins now, on both workstations, with no new notice.
    await loser.desk.invoke('ticket.reapply', { messageId: notice?.id ?? '' });
    await settled(loser.desk);
    const other = loser === alex ? priya : alex;
    await settled(other.desk);
    for (const { desk } of [alex, priya]) {
      const view = await desk.invoke('ticket.get', { id: ticketId });
      expect(view?.ticket.priority).toBe(lostValue);
      expect(notices(view?.messages)).toHaveLength(1);
    }
  });
});
