import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, test, tickets } from './fixtures.ts';

test('SLA timers: the running one on queue rows, both in the ticket header, recomputed on a priority change', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  // The agent's queue holds unsolved tickets; each with a due time shows its running timer.
  const badges = page.getByRole('listbox', { name: 'Tickets' }).locator('.sla-badge');
  await expect(badges.first()).toBeVisible();
  await expect(badges.first()).toContainText(/ left|Breached .+ ago/);
  expect(['running', 'at_risk', 'breached']).toContain(await badges.first().getAttribute('data-sla-state'));

  await tickets(page).first().click();
  const main = page.getByRole('main');
  const timers = main.getByRole('group', { name: 'SLA timers' });
  await expect(timers).toBeVisible();
  await expect(timers.locator('.sla-badge')).toHaveCount(2);
  await expect(timers).toContainText('First response · ');
  await expect(timers).toContainText('Resolution · ');

  // Urgent (or low, when it is urgent already) has other targets: the resolution due time moves.
  const resolution = timers.locator('.sla-badge').nth(1);
  const before = await resolution.getAttribute('title');
  const priority = main.getByLabel('Priority');
  await priority.selectOption((await priority.inputValue()) === 'urgent' ? 'low' : 'urgent');
  await expect(resolution).not.toHaveAttribute('title', before ?? '');
  await expect(resolution).toHaveAttribute('title', /^Resolution (on track|at risk|breached|met|missed)/);

  const scan = await new AxeBuilder({ page }).include('.sla-badge').analyze();
  expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
