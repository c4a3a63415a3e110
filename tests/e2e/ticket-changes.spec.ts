import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { Priority } from '../../shared/model/index.ts';
import { signedInEngine } from '../support/signed-in-engine.ts';
import { setStatusBehindServer } from '../support/store.ts';
import { expect, signIn, test, tickets } from './fixtures.ts';

/** Opens the n-th ticket of the agent's queue and returns its id (its row is named after it). */
async function openTicket(page: Page, n: number): Promise<string> {
  const row = tickets(page).nth(n);
  const id = ((await row.getAttribute('id')) ?? '').replace(/^ticket-row-/, '');
  await row.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  return id;
}

test('priority, tags, and a conflict notice the agent whose value lost can re-apply', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const ticketId = await openTicket(page, 0);
  const main = page.getByRole('main');
  const priority = main.getByLabel('Priority');
  const before = await priority.inputValue();
  const [mine, theirs] = Priority.options.filter((p) => p !== before) as [Priority, Priority];
  await priority.selectOption(mine);
  await expect(priority).toHaveValue(mine);

  // Tags: typed in any spelling, shown normalised, removable.
  const tag = `e2e ${randomUUID().slice(0, 6)}`;
  await main.getByLabel('Add tags').fill(` ${tag.toUpperCase()} `);
  await main.getByLabel('Add tags').press('Enter');
  const chip = main.getByRole('list', { name: 'Tags' }).getByRole('listitem').filter({ hasText: tag.replace(' ', '-') });
  await expect(chip).toBeVisible();
  await chip.getByRole('button', { name: `Remove tag ${tag.replace(' ', '-')}` }).click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('0 pending');

  // A teammate who had not seen that change sets another priority: theirs wins (it commits later), and both hear about it.
  const priya = await signedInEngine({ serverUrl: orbitServer.url, email: 'priya@orbit.demo', password: DEMO_PASSWORD });
  try {
    await priya.desk.invoke('ticket.setPriority', { ticketId, priority: theirs, base: Priority.parse(before) });
    const notice = main.getByRole('article', { name: 'Conflict notice' });
    await expect(notice).toContainText(/Priority conflict: Priya Raman set .* without seeing that Alex Morgan had set/);
    await expect(priority).toHaveValue(theirs);
    await notice.getByRole('button', { name: 'Re-apply' }).click();
    await expect(priority).toHaveValue(mine);
  } finally {
    await priya.close();
  }
});

test('a change the server refuses shows in Sync issues, with copy, retry and discard', async ({ page, context, workstation, orbitServer }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, workstation, orbitServer.url);
  const ticketId = await openTicket(page, 1);
  const main = page.getByRole('main');
  const subject = (await main.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const syncStatus = page.getByRole('status', { name: 'Sync status' });

  const reply = async (body: string) => {
    await page.getByRole('button', { name: 'Public reply' }).click();
    await page.getByRole('textbox', { name: 'Reply' }).fill(body);
    await page.getByRole('button', { name: 'Send' }).click();
  };
  // The ticket is closed on the server behind the workstation's back: replies to it are refused.
  await setStatusBehindServer(orbitServer.location, ticketId, 'closed');
  const first = `Refused reply ${randomUUID()}`;
  await reply(first);
  await syncStatus.getByRole('button', { name: '1 rejected' }).click();

  const panel = page.getByRole('dialog', { name: 'Sync issues' });
  const issue = panel.getByRole('listitem');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText(`Public reply on #`);
  await expect(issue).toContainText(subject);
  await expect(issue).toContainText('A closed ticket cannot get replies');
  await expect(issue).toContainText(first);
  await issue.getByRole('button', { name: 'Copy text' }).click();
  await expect(issue.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  // Discard asks first; keeping it changes nothing.
  await issue.getByRole('button', { name: 'Discard…' }).click();
  await issue.getByRole('button', { name: 'Keep' }).click();
  await issue.getByRole('button', { name: 'Discard…' }).click();
  await issue.getByRole('button', { name: 'Discard for good' }).click();
  await expect(panel).toContainText('No sync issues');
  await expect(syncStatus).not.toContainText('rejected');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();

  // Refused again, then retried once the ticket is open again: it reaches the server.
  const second = `Retried reply ${randomUUID()}`;
  await reply(second);
  await syncStatus.getByRole('button', { name: '1 rejected' }).click();
  await expect(issue).toContainText(second);
  await setStatusBehindServer(orbitServer.location, ticketId, 'open');
  await issue.getByRole('button', { name: 'Retry' }).click();
  await expect(panel).toContainText('No sync issues');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(main.getByRole('log', { name: 'Conversation' }).getByRole('article').filter({ hasText: second })).toHaveCount(1);
  await expect(main.getByRole('log', { name: 'Conversation' }).getByRole('article').filter({ hasText: first })).toHaveCount(0);
  await expect(syncStatus).toContainText('0 pending');
});
