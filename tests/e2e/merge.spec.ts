import { expect, signIn, test, tickets } from './fixtures.ts';
import { openNumberedTicket } from './ticket-actions-helpers.ts';

test('merge two tickets', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const main = page.getByRole('main');
  const survivor = await openNumberedTicket(page, 0);
  const source = await openNumberedTicket(page, 1);
  const sourceMessages = await main.getByRole('log', { name: 'Conversation' }).getByRole('article').count();
  expect(sourceMessages).toBeGreaterThan(0);

  // From the ticket: Merge into…, find the survivor by its number, pick it, merge.
  await main.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge tickets' });
  await dialog.getByLabel('Into ticket').fill(survivor.number);
  await dialog.getByRole('radio', { name: new RegExp(`${survivor.number}\\b`) }).check();
  await dialog.getByRole('button', { name: `Merge ${source.number} into ${survivor.number}` }).click();
  await expect(dialog).toBeHidden();

  // The survivor opens, holding the source's messages; the server's event says what happened.
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(survivor.subject);
  const conversation = main.getByRole('log', { name: 'Conversation' });
  await expect(conversation.getByText(`${source.number} was merged into this ticket`)).toBeVisible();
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('0 pending');
  expect(await conversation.getByRole('article').count()).toBeGreaterThan(sourceMessages);

  // The source left the queue (it is closed, pointing to the survivor).
  await expect(tickets(page).filter({ hasText: source.subject })).toHaveCount(0);
});
