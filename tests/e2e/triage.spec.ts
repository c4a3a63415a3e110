import type { Locator, Page } from '@playwright/test';
import { expect, literally, signIn, test, tickets } from './fixtures.ts';

/** Presses Tab (as an agent would) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2000 }).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}

const rowId = async (row: Locator) => ((await row.getAttribute('id')) ?? '').replace(/^ticket-row-/, '');
const cursorRow = (page: Page) => page.getByRole('listbox', { name: 'Tickets' }).locator('[role="option"][aria-selected="true"]');

test('triage a queue by keyboard only', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const queues = page.getByRole('tablist', { name: 'Queues' });
  const list = page.getByRole('listbox', { name: 'Tickets' });

  // To the team's queue: Tab onto the queue navigation, then arrow down.
  await tabTo(page, queues.getByRole('tab', { selected: true }));
  await expect(queues.getByRole('tab', { selected: true })).toHaveAccessibleName(/^Mine/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(queues.getByRole('tab', { selected: true })).toHaveAccessibleName(/^My teams/);
  await expect(tickets(page).nth(3)).toBeVisible();

  // Move with j / k to the first ticket someone else (or nobody) has and that is not solved, open it with Enter.
  const labels = await tickets(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  const target = labels.findIndex((l) => !l.includes('assigned to Alex Morgan') && !/, (Solved|Closed),/.test(l));
  expect(target).toBeGreaterThanOrEqual(0);
  await tabTo(page, list);
  for (let i = 0; i <= target + 1; i++) await page.keyboard.press('j');
  await page.keyboard.press('k');
  const first = tickets(page).nth(target);
  await expect(cursorRow(page)).toHaveId(`ticket-row-${await rowId(first)}`);
  const openedId = await rowId(first);
  await page.keyboard.press('Enter');
  const main = page.getByRole('main');
  const heading = main.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  await expect(first).toHaveAccessibleName(literally((await heading.textContent()) ?? ''));

  // Status and assignee from the keyboard: Tab to the field, type the choice.
  const status = main.getByLabel('Status');
  await tabTo(page, status);
  await page.keyboard.type('p');
  await expect(status).toHaveValue('pending');
  // (One key per choice: a select is disabled while its change is saved, so further keys would go elsewhere.)
  const takeIt = main.getByRole('button', { name: 'Take it' });
  await tabTo(page, takeIt);
  await page.keyboard.press('Enter');
  await expect(main.getByLabel('Assignee').locator('option:checked')).toHaveText(/^Alex Morgan/);
  await expect(list.locator(`#ticket-row-${openedId}`)).toHaveAccessibleName(/status Pending|Pending/);
  await expect(list.locator(`#ticket-row-${openedId}`)).toHaveAccessibleName(/assigned to Alex Morgan/);

  // Pick two tickets with x, bulk-assign them to Priya.
  await tabTo(page, list);
  await page.keyboard.press('j');
  const a = await rowId(cursorRow(page));
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  const b = await rowId(cursorRow(page));
  await page.keyboard.press('x');
  expect(a).not.toBe(b);
  await expect(list.locator('[data-picked]')).toHaveCount(2);
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk).toContainText('2 selected');
  await tabTo(page, bulk.getByLabel('Assign selected to'));
  await page.keyboard.press('P');
  await expect(bulk.getByRole('status')).toContainText('Assign to Priya Raman: 2 changed, 0 refused');
  await expect(list.locator(`#ticket-row-${a}`)).toHaveAccessibleName(/assigned to Priya Raman/);
  await expect(list.locator(`#ticket-row-${b}`)).toHaveAccessibleName(/assigned to Priya Raman/);

  // * picks the whole view, Escape clears the selection.
  await tabTo(page, list);
  await page.keyboard.press('*');
  // The bar already says "2 selected" from before: wait for the whole view's count (the engine lists its ids).
  await expect.poll(async () => Number((await bulk.locator('.bulk-count').textContent())?.split(' ')[0])).toBeGreaterThan(2);
  await page.keyboard.press('Escape');
  await expect(list.locator('[data-picked]')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('0 pending');
});
