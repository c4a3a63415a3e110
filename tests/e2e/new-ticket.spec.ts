import { randomUUID } from 'node:crypto';
import { expect, signIn, test, tickets } from './fixtures.ts';

test('log a phone call as a new ticket for a contact found by name', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const main = page.getByRole('main');
  await tickets(page).first().click();
  const requesterLine = (await main.locator('.ticket-requester-line').textContent()) ?? '';
  const name = requesterLine.split('<')[0]?.trim() ?? '';
  expect(name).not.toBe('');

  await page.getByRole('button', { name: 'New ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'New ticket' });
  await expect(dialog.getByRole('radio', { name: 'Log a phone call' })).toBeChecked();
  await dialog.getByLabel('Caller', { exact: true }).fill(name.split(' ')[0] ?? name);
  await dialog.getByRole('list', { name: 'Matching contacts' }).getByRole('button', { name: new RegExp(`^${name}`) }).first().click();
  const subject = `Phone: printer offline ${randomUUID().slice(0, 6)}`;
  await dialog.getByLabel('Subject', { exact: true }).fill(subject);
  await dialog.getByLabel('Call notes').fill('Caller says the printer shows E42 since this morning.');
  await dialog.getByRole('button', { name: 'Log call' }).click();
  await expect(dialog).toBeHidden();

  // The new ticket opens at once (offline-capable), then gets its number from the server.
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(subject);
  await expect(main.locator('.ticket-meta')).toContainText('Phone');
  await expect(main.locator('.ticket-requester-line')).toContainText(name);
  await expect(main.getByRole('article', { name: /^Internal note from / })).toContainText('printer shows E42');
  await expect(main.locator('.ticket-meta .ticket-number')).toHaveText(/^#\d+$/);
});
