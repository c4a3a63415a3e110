import type { Page } from '@playwright/test';
import { expect, literally, signIn, test, tickets } from './fixtures.ts';

/** Position of the selected row among the rendered rows, -1 when none is selected. */
function selectedRow(page: Page): Promise<number> {
  return tickets(page).evaluateAll((rows) => rows.findIndex((row) => row.getAttribute('aria-selected') === 'true'));
}

test('j / k move through the queue, Enter opens, r and n focus the composer, typing never triggers shortcuts', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const start = await selectedRow(page);

  await page.keyboard.press('j');
  await expect.poll(() => selectedRow(page)).toBe(start + 1);
  await page.keyboard.press('j');
  await expect.poll(() => selectedRow(page)).toBe(start + 2);
  await page.keyboard.press('k');
  await expect.poll(() => selectedRow(page)).toBe(start + 1);

  await page.keyboard.press('Enter');
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  await expect(tickets(page).nth(start + 1)).toHaveAccessibleName(literally((await heading.textContent()) ?? ''));

  await page.keyboard.press('r');
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toBeFocused();
  await expect(page.getByRole('button', { name: 'Public reply' })).toHaveAttribute('aria-pressed', 'true');

  // Inside the composer the keys are text, not shortcuts.
  await page.keyboard.type('jkn');
  await expect(reply).toHaveText('jkn');
  expect(await selectedRow(page)).toBe(start + 1);

  await page.keyboard.press('Escape');
  await expect(reply).not.toBeFocused();
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Internal note' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Internal note' })).toHaveAttribute('aria-pressed', 'true');
});
