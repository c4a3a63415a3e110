import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { serverWrite } from '../support/server-write.ts';
import { agentByEmail, ticketsOf } from '../unit/server/api.ts';
import { expect, test, tickets } from './fixtures.ts';

/**
 * Every screen passes an axe-core scan with no serious or critical violations, in the light and the
 * dark theme. A screen is one line: its name and how to reach it from the one before (the list runs
 * in order on one signed-in workstation per theme; `show` leaves the screen on display).
 */
interface Screen {
  name: string;
  show(page: Page, server: OrbitServer): Promise<void>;
}
type OrbitServer = { location: StoreLocation };

const closeOverlays = (page: Page) => page.keyboard.press('Escape');

const screens: Screen[] = [
  { name: 'log-in', show: async (page) => void (await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()) },
  { name: 'workspace with a ticket open', show: signInAndOpenTicket },
  { name: 'command palette', show: async (page) => void (await page.keyboard.press('Control+k'), await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()) },
  { name: 'help overlay', show: async (page) => void (await closeOverlays(page), await page.keyboard.press('?'), await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()) },
  { name: 'notifications panel', show: async (page) => void (await closeOverlays(page), await page.getByRole('button', { name: /^Notifications/ }).click(), await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeVisible()) },
  { name: 'notifications panel with an unread one', show: showUnreadNotification },
  { name: 'reports dashboard', show: showReportsDashboard },
  { name: 'reports dashboard, tables and a drill-down', show: showReportTablesAndDrillDown },
  { name: 'custom report builder', show: showReportBuilder },
];

/** The Reports screen with every widget answered (charts drawn). */
async function showReportsDashboard(page: Page): Promise<void> {
  await closeOverlays(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('region', { name: 'Tickets created', exact: true }).locator('.kpi-sample')).toBeVisible();
  await expect(page.locator('.report-card[aria-busy="true"]')).toHaveCount(0);
}

async function showReportTablesAndDrillDown(page: Page): Promise<void> {
  const byChannel = page.getByRole('region', { name: 'First response time by channel', exact: true });
  await byChannel.getByRole('button', { name: 'Show as table' }).click();
  await byChannel.getByRole('table').getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Tickets behind the report' }).getByRole('status')).toBeVisible();
}

async function showReportBuilder(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Custom reports' }).click();
  await page.getByLabel('Group by').selectOption({ label: 'Channel' });
  await page.getByLabel('Then by').selectOption({ label: 'Priority' });
  await expect(page.locator('.builder-preview .report-chart')).toBeVisible();
}

/** A colleague (the server, as an admin) assigns the agent a ticket; Sync now brings it. */
async function showUnreadNotification(page: Page, server: OrbitServer): Promise<void> {
  await closeOverlays(page);
  const me = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
  const [other] = await ticketsOf(server.location, (t) => t.assigneeId !== me.id && t.teamId !== null && me.teamIds.includes(t.teamId) && t.status !== 'closed');
  await serverWrite(server.location, async (tx) => {
    const t = await tx.get('ticket', other!.id);
    await tx.put('ticket', { ...t!, assigneeId: me.id, updatedAt: new Date().toISOString() });
  });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('sync now');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Notifications, 1 unread/ }).click();
  await expect(page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: /Assigned to you/ })).toBeVisible();
}

async function signInAndOpenTicket(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_AGENT_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(tickets(page).first()).toBeVisible();
  await tickets(page).first().click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Customer' }).getByRole('heading').first()).toBeVisible();
}

/** Serious and critical violations only, each with the selectors of the nodes it was found on. */
async function scan(page: Page): Promise<string[]> {
  // In the page only (legacy mode, no frames): an HTML email's sandboxed frame allows no script, so axe cannot be injected there (html-email.spec.ts scans the email).
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`).join('\n    ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: every screen in the ${colorScheme} theme`, async ({ page, workstation, orbitServer }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(workstation.url);
    const found: string[] = [];
    for (const screen of screens) {
      await screen.show(page, orbitServer);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      for (const v of await scan(page)) found.push(`[${screen.name}] ${v}`);
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
