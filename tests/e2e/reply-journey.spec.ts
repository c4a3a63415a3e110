import { randomUUID } from 'node:crypto';
import { formatMoney } from '../../renderer/src/format/money.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import type { DeskApi, QueuePage, TimelineMessage } from '../../shared/ipc/index.ts';
import { signedInEngine } from '../support/signed-in-engine.ts';
import { expect, literally, signIn, test, tickets } from './fixtures.ts';

/** Every message with this body on tickets with this subject, as a replica synced from the server sees them. */
async function messagesOnServer(desk: DeskApi, subject: string, body: string): Promise<Array<TimelineMessage & { ticketId: string }>> {
  const found: Array<TimelineMessage & { ticketId: string }> = [];
  let after: string | null = null;
  do {
    const page: QueuePage = await desk.invoke('queue.page', { view: 'all', after, limit: 500 });
    for (const row of page.rows.filter((r) => r.subject === subject)) {
      const detail = await desk.invoke('ticket.get', { id: row.id });
      for (const message of detail?.messages ?? []) if (message.body === body) found.push({ ...message, ticketId: row.id });
    }
    after = page.next;
  } while (after);
  return found;
}

test('an agent signs in, opens a ticket beside its customer, replies, and the reply reaches the server once', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const tabs = page.getByRole('tablist', { name: 'Queues' });
  for (const view of ['Mine', 'Unassigned', 'My teams', 'Pending', 'SLA at risk', 'Recently updated', 'All']) await expect(tabs.getByRole('tab', { name: new RegExp(`^${view}`) })).toBeVisible();
  const syncStatus = page.getByRole('status', { name: 'Sync status' });
  await expect(syncStatus).toContainText('Online');

  const row = tickets(page).first();
  await row.click();
  const ticket = page.getByRole('main');
  const subject = (await ticket.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(subject).not.toBe('');
  await expect(row).toHaveAccessibleName(literally(subject));

  const pane = page.getByRole('complementary', { name: 'Customer' });
  for (const heading of ['Contact', 'Account', 'Account tickets', 'Earlier tickets']) {
    await expect(pane.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Public reply' }).click();
  await expect(page.getByRole('button', { name: 'Public reply' })).toHaveAttribute('aria-pressed', 'true');
  const body = `Thanks for bearing with us: this is fixed on our side now. (${randomUUID()})`;
  await page.getByRole('textbox', { name: 'Reply' }).fill(body);
  await page.getByRole('button', { name: 'Send' }).click();

  const reply = ticket.getByRole('log', { name: 'Conversation' }).getByRole('article').filter({ hasText: body });
  await expect(reply).toHaveAccessibleName(/^Reply from /);
  await expect(page.getByRole('textbox', { name: 'Reply' })).toHaveText('');

  // A second workstation signed in to the same server must receive the reply, exactly once.
  const other = await signedInEngine({ serverUrl: orbitServer.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
  try {
    await expect.poll(async () => (await messagesOnServer(other.desk, subject, body)).length).toBe(1);
    const [onServer] = await messagesOnServer(other.desk, subject, body);
    expect(onServer).toMatchObject({ kind: 'reply', pendingSync: false });
    await expect(reply).toHaveAccessibleName(`Reply from ${onServer?.authorName}`);
    await expect(syncStatus).toContainText('0 pending');

    // The pane shows the customer the server knows for this ticket.
    const customer = await other.desk.invoke('customer.pane', { ticketId: onServer?.ticketId ?? '' });
    expect(customer?.account).toBeTruthy();
    await expect(pane).toContainText(customer?.contact.name ?? '');
    await expect(pane).toContainText(customer?.account?.name ?? '');
    await expect(pane).toContainText(new RegExp(customer?.account?.plan ?? '', 'i'));
    await expect(pane).toContainText(formatMoney(customer?.account?.mrrCents ?? 0, 'en-US'));
    for (const contact of customer?.accountContacts ?? []) await expect(pane).toContainText(contact.name);
  } finally {
    await other.close();
  }
});
