import type { Page } from '@playwright/test';
import { expect, literally, signIn, test, tickets } from './fixtures.ts';

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search tickets, customers and articles' });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

test('search and open a result', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  // A demo ticket from the queue, and its most distinctive word.
  const row = tickets(page).nth(2);
  const rowName = (await row.getAttribute('aria-label')) ?? (await row.textContent()) ?? '';
  await row.click();
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const subject = ((await heading.textContent()) ?? '').trim();
  expect(rowName).toContain(subject);
  const term = subject
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4)
    .sort((a, b) => b.length - a.length)[0] as string;
  expect(term).toBeTruthy();
  // Leave the ticket so that opening it again is visible.
  await tickets(page).first().click();
  await expect(heading).not.toHaveText(subject);

  // "/" focuses the box (from anywhere but a text field), typing searches as you go.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type(term.toLowerCase());
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'true');
  // The index may still be building right after the first sync: the results fill in.
  const target = results(page).filter({ hasText: literally(subject) }).first();
  await expect(target).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'Tickets' })).toBeVisible();
  await expect(target.locator('mark').first()).toBeVisible();

  // Arrow down to it: the active option follows (aria-activedescendant), then Enter opens it.
  const position = await results(page).evaluateAll((options, wanted) => options.findIndex((o) => o.textContent?.includes(wanted)), subject);
  expect(position).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', (await target.getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');

  await expect(heading).toHaveText(subject);
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(searchBox(page)).not.toBeFocused();

  // A query that cannot be searched shows a hint, not an error; Escape closes.
  await page.keyboard.press('/');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('"unbalanced');
  await expect(page.getByText('Close the quote')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).not.toBeFocused();
});
