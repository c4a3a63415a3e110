import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

/** g r: the "Go to Reports" command's keys, as the browser host delivers them. */
async function openReports(page: Page): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
}

const card = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

test('reports: change the range, read a KPI, drill into a bar, open a ticket, export CSV, build a two-dimension report, save and pin it, see it on the dashboard', async ({ page, workstation, orbitServer }) => {
  // The charts draw under the renderer's Content-Security-Policy (style-src 'self'): nothing of the Reports screen is refused.
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(`${m.location().url}:${m.location().lineNumber} ${m.text().slice(0, 60)}`);
  });
  await signIn(page, workstation, orbitServer.url);
  await openReports(page);

  // The last 30 days of the demo workspace, on the replica.
  await page.getByLabel('Range').selectOption({ label: 'Last 30 days' });
  const created = card(page, 'Tickets created');
  await expect(created.locator('.kpi-sample')).toHaveText(/^from [\d,]+ tickets?$/);
  const value = (await created.getByRole('button').textContent())!;
  expect(Number(value.replaceAll(',', ''))).toBeGreaterThan(0);
  await expect(created.locator('.kpi-trend')).toHaveText(/(Up|Down|No change) .* previous period/);
  await expect(card(page, 'First response time').getByRole('button')).toHaveText(/^(\d+ d( \d+ h)?|\d+ h( \d+ m)?|\d+ m)$/);

  // A bar of the stacked chart lists its tickets; one opens beside the report.
  const volume = card(page, 'Volume by channel and priority');
  await expect(volume.locator('.report-chart')).toHaveAttribute('aria-label', /^Stacked bars chart of Tickets created by channel and priority: \d+ values/);
  await volume.locator('.recharts-bar-rectangle').first().click();
  const drill = page.getByRole('region', { name: 'Tickets behind the report' });
  await expect(drill.getByRole('heading')).toHaveText(/^Volume by channel and priority · .+ · .+$/);
  await expect(drill.getByRole('status')).toHaveText(/^(Showing [\d,]+ of [\d,]+ tickets|[\d,]+ tickets?)/);
  const first = drill.locator('.summary-item').first();
  const subject = (await first.locator('.summary-subject').textContent())!.replace(/^#\d+\s*/, '').trim();
  // Before a ticket opens (an HTML email's sandbox refuses its own styles and scripts, by design).
  expect(refused).toEqual([]);
  await first.click();
  const pane = page.getByRole('complementary', { name: 'Ticket' });
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText(subject);
  await pane.getByRole('button', { name: '← Back to the tickets' }).click();
  await drill.getByRole('button', { name: 'Close', exact: true }).click();
  refused.length = 0;

  // The same numbers as a table, and as CSV.
  const byChannel = card(page, 'First response time by channel');
  await byChannel.getByRole('button', { name: 'Show as table' }).click();
  const rows = byChannel.getByRole('row');
  await expect(rows.first()).toHaveText(/ChannelFirst response timeSample/);
  const tableRows = await rows.count();
  const download = page.waitForEvent('download');
  await byChannel.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('first-response-time-by-channel.csv');
  const csv = await readFile((await file.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Channel,First response time (minutes),Sample');
  expect(lines.length - 2).toBe(tableRows - 1);

  // A custom report split two ways: channel, then priority, with its live preview.
  await page.getByRole('tab', { name: 'Custom reports' }).click();
  await page.getByLabel('Metric').selectOption({ label: 'Tickets solved' });
  await expect(page.getByLabel('Then by')).toBeDisabled();
  await page.getByLabel('Group by').selectOption({ label: 'Channel' });
  await page.getByLabel('Then by').selectOption({ label: 'Priority' });
  await page.getByLabel('Range', { exact: true }).selectOption({ label: 'Last 90 days' });
  const preview = card(page, 'Tickets solved');
  await expect(preview.locator('.report-chart')).toHaveAttribute('aria-label', /^Stacked bars chart of Tickets solved by channel and priority: \d+ values/);
  await expect(preview.locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Saved with a name, pinned: it is in the saved list and on the dashboard below the stock widgets.
  await expect(page.getByRole('checkbox', { name: /Shared with everyone/ })).toBeDisabled();
  await page.getByLabel('Name').fill('Solved by channel and priority');
  await page.getByRole('checkbox', { name: 'Pin to my dashboard' }).check();
  await page.getByRole('button', { name: 'Save report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved and pinned to your dashboard.' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Saved reports' }).getByRole('button', { name: 'Solved by channel and priority', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Pinned reports' })).toBeVisible();
  const pinned = card(page, 'Solved by channel and priority');
  await expect(pinned.locator('.report-chart')).toHaveAttribute('aria-label', /^Stacked bars chart of Tickets solved by channel and priority: \d+ values/);
  // Its bars drill down too.
  await pinned.locator('.recharts-bar-rectangle').first().click();
  await expect(page.getByRole('region', { name: 'Tickets behind the report' }).getByRole('heading')).toHaveText(/^Solved by channel and priority · .+ · .+$/);
  expect(refused).toEqual([]);

  // g q: back to the queues.
  await page.getByRole('tab', { name: 'Dashboard' }).focus();
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(page.getByRole('tablist', { name: 'Queues' })).toBeVisible();
});
