import { DEMO_AGENT_EMAIL } from '../../server/demo/credentials.ts';
import { serverWrite } from '../support/server-write.ts';
import { agentByEmail, ticketsOf } from '../unit/server/api.ts';
import { expect, signIn, test } from './fixtures.ts';

test('a colleague assigns a ticket: the bell counts it, the panel opens the ticket and marks it read', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // Someone else (the server, as an admin) assigns them a ticket of their team that was someone else's or no one's.
  const me = await agentByEmail(orbitServer.location, DEMO_AGENT_EMAIL);
  const [free] = await ticketsOf(orbitServer.location, (t) => t.assigneeId !== me.id && t.teamId !== null && me.teamIds.includes(t.teamId) && t.status !== 'closed');
  if (!free) throw new Error('the demo has no ticket of the agent’s team assigned to someone else');
  const ticketId = free.id;
  let subject = '';
  await serverWrite(orbitServer.location, async (tx) => {
    const t = await tx.get('ticket', ticketId);
    subject = t!.subject;
    await tx.put('ticket', { ...t!, assigneeId: me.id, updatedAt: new Date().toISOString() });
  });

  // The server pokes nobody for its own write: Sync now, from the palette.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('sync now');
  await page.keyboard.press('Enter');
  const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await panel.getByRole('button', { name: /Assigned to you/ }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(subject);
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
});
