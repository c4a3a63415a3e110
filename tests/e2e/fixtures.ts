import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/host.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { startTestServer } from '../support/server.ts';

type OrbitServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * A real server with a small demo workspace and a fresh workstation (browser host + engine + replica),
 * both per test: journeys change the demo data (merges, bulk assignment), so no test may see another's.
 */
export const test = base.extend<{ workstation: BrowserHost; orbitServer: OrbitServer }>({
  // Playwright reads the fixtures a fixture needs from its first parameter, so it must be a pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  orbitServer: async ({}, use) => {
    const server = await startTestServer({ demo: { scale: 0.1 } });
    await use(server);
    await server.close();
  },
  workstation: async ({ orbitServer }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orbit-e2e-'));
    const host = await startBrowserHost({ dataDir, serverUrl: orbitServer.url });
    await use(host);
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Signs the demo agent in through the log-in screen and waits for the queue. */
export async function signIn(page: Page, workstation: BrowserHost, serverUrl: string): Promise<void> {
  await page.goto(workstation.url);
  await expect(page.getByLabel('Server')).toHaveValue(serverUrl);
  await page.getByLabel('Email').fill(DEMO_AGENT_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tablist', { name: 'Queues' })).toBeVisible();
  await expect(tickets(page).first()).toBeVisible();
}

export function tickets(page: Page) {
  return page.getByRole('listbox', { name: 'Tickets' }).getByRole('option');
}

/** A pattern matching `text` literally, for accessible names that contain it. */
export function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
