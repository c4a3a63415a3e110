import { describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL } from '../../server/demo/credentials.ts';
import type { NotificationsChanged } from '../../shared/ipc/features/notifications.ts';
import { newId } from '../../shared/ids.ts';
import { serverWrite } from '../support/server-write.ts';
import { startTestServer } from '../support/server.ts';
import { settled, workstations } from './engine-helpers.ts';

const { open: workstation, defer } = workstations();

describe('notifications over a real server', () => {
  it('none from the initial sync; assigned by a colleague, not by yourself; customer replied; mentioned', async () => {
    const server = await startTestServer({ demo: { scale: 0.1, seed: 7 } });
    defer(() => server.close());
    const alex = await workstation(server.url, DEMO_AGENT_EMAIL);
    const priya = await workstation(server.url, 'priya@orbit.demo');
    const events: NotificationsChanged[] = [];
    alex.desk.on('notifications.changed', (e) => events.push(e));

    // The snapshot holds many tickets assigned to Alex: none of them is news.
    expect(await alex.desk.invoke('notifications.list', {})).toEqual({ items: [], unread: 0 });

    const [first, second] = (await priya.desk.invoke('queue.page', { view: 'unassigned', after: null, limit: 2 })).rows;
    if (!first || !second) throw new Error('the demo workspace has no two unassigned tickets');

    // Priya assigns one to Alex: it reaches Alex's replica over realtime or pull, with the event.
    await priya.desk.invoke('ticket.assign', { ticketId: first.id, assigneeId: alex.agentId, base: null });
    await settled(priya.desk);
    await settled(alex.desk);
    await expect.poll(async () => (await alex.desk.invoke('notifications.list', {})).items.map((n) => [n.type, n.ticketId, n.ticketNumber]), { timeout: 10_000 }).toEqual([
      ['assigned', first.id, first.number],
    ]);
    expect(events.flatMap((e) => e.added.map((n) => n.ticketId))).toEqual([first.id]);
    expect(events.at(-1)?.unread).toBe(1);

    // Alex takes the other one himself: his own action, no notification.
    await alex.desk.invoke('ticket.assign', { ticketId: second.id, assigneeId: alex.agentId, base: null });
    await settled(alex.desk);
    expect((await alex.desk.invoke('ticket.get', { id: second.id }))?.ticket.assigneeId).toBe(alex.agentId);
    expect((await alex.desk.invoke('notifications.list', {})).items.map((n) => n.ticketId)).toEqual([first.id]);

    // The customer writes on Alex's ticket (inbound email, written by the server), and Priya mentions Alex in a note.
    const customerId = newId();
    const noteId = newId();
    const now = new Date().toISOString();
    const requester = (await alex.desk.invoke('ticket.get', { id: second.id }))?.ticket.requesterId ?? '';
    await serverWrite(server.location, async (tx) => {
      await tx.put('message', { id: customerId, ticketId: second.id, kind: 'reply', authorType: 'contact', authorId: requester, body: 'Still broken.', event: null, bodyHtml: null, attachments: [], mentionIds: [], createdAt: now });
      await tx.put('message', { id: noteId, ticketId: first.id, kind: 'note', authorType: 'agent', authorId: priya.agentId, body: '@Alex have a look', event: null, bodyHtml: null, attachments: [], mentionIds: [alex.agentId], createdAt: now });
    });
    await settled(alex.desk);
    const listed = (await alex.desk.invoke('notifications.list', {})).items;
    expect(listed.map((n) => [n.type, n.messageId]).sort()).toEqual(
      [
        ['assigned', null],
        ['customer_replied', customerId],
        ['mentioned', noteId],
      ].sort(),
    );
    expect(listed.find((n) => n.type === 'mentioned')?.actorName).toBe((await alex.desk.invoke('directory.agents')).find((a) => a.id === priya.agentId)?.name);

    // Reading them.
    expect(await alex.desk.invoke('notifications.markRead', { all: true })).toEqual({ unread: 0 });
  });
});
