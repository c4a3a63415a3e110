import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test, tickets } from './fixtures.ts';

/**
 * Serious and critical accessibility violations (axe-core) in what this part adds: the views navigation,
 * the queue header, the bulk bar and the view editor. (Row and theme colours are the look-and-feel part's.)
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('.view-nav').include('.queue-header').include('.bulk-bar').include('.view-editor').analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('saved views: create one in the editor, see its count and columns, sort it, rename and delete it; the screens pass axe', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const queues = page.getByRole('tablist', { name: 'Queues' });
  // The demo's shared view and Alex's personal one are there, with counts.
  await expect(queues.getByRole('tab', { name: /^Urgent & high, unassigned shared \d+$/ })).toBeVisible();
  await expect(queues.getByRole('tab', { name: /^My VIP personal \d+$/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'New view' }).click();
  const editor = page.getByRole('dialog', { name: 'New view' });
  await expect(editor.getByLabel('Name')).toBeFocused();
  // An agent cannot share a view.
  await expect(editor.getByRole('checkbox', { name: /Shared with everyone/ })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  await editor.getByLabel('Name').fill('Team open, by number');
  // Unsolved statuses are picked for a new view; keep only Open.
  for (const s of ['New', 'Pending', 'On hold']) await editor.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: s }).uncheck();
  await editor.getByRole('group', { name: 'Team' }).getByRole('checkbox', { name: 'My teams' }).check();
  await editor.getByLabel('Sort').selectOption({ label: 'Number, lowest first' });
  const columns = editor.getByRole('group', { name: /^Columns/ });
  await columns.getByRole('checkbox', { name: 'Team' }).check();
  await columns.getByRole('checkbox', { name: 'Requester' }).uncheck();
  await editor.getByRole('button', { name: 'Save view' }).click();
  await expect(editor).toHaveCount(0);

  const tab = queues.getByRole('tab', { name: /^Team open, by number personal \d+$/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const count = Number((await tab.textContent())?.match(/(\d+)$/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await expect(tickets(page)).toHaveCount(Math.min(count, await tickets(page).count()));
  // Open tickets only, lowest number first, with the team column.
  const labels = await tickets(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  expect(labels.every((l) => l.includes(', Open,'))).toBe(true);
  const numbers = labels.map((l) => Number(l.match(/^#(\d+)/)?.[1]));
  expect(numbers).toEqual(numbers.toSorted((a, b) => a - b));
  await expect(page.locator('.ticket-team').first()).toBeVisible();
  await expect(page.locator('.ticket-requester')).toHaveCount(0);

  // The sort menu reorders the view for now, without changing it.
  await page.getByLabel('Sort by').selectOption({ label: 'Number, highest first' });
  await expect.poll(async () => Number((await tickets(page).first().getAttribute('aria-label'))?.match(/^#(\d+)/)?.[1])).toBe(Math.max(...numbers));

  // Rename, then delete.
  await page.getByRole('button', { name: 'Edit view' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit view “Team open, by number”' });
  await edit.getByLabel('Name').fill('Open in my teams');
  await edit.getByRole('button', { name: 'Save view' }).click();
  await expect(queues.getByRole('tab', { name: /^Open in my teams personal/ })).toBeVisible();
  await page.getByRole('button', { name: 'Edit view' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete view' }).click();
  await expect(queues.getByRole('tab', { name: /^Open in my teams/ })).toHaveCount(0);
  await expect(queues.getByRole('tab', { selected: true })).toHaveAccessibleName(/^Mine/);

  // With tickets picked, the bulk bar passes axe too.
  await tickets(page).first().click({ modifiers: ['Shift'] });
  await tickets(page).nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toContainText('3 selected');
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('0 pending');
});
