import { defineConfig, type ReporterDescription } from '@playwright/test';
import { join } from 'node:path';

// Playwright empties test-results/ when it starts, so scripts/test.mjs asks for the JSON report elsewhere.
const reportDir = process.env.ORBIT_REPORT_DIR;
const reporters: ReporterDescription[] = [['list']];
if (reportDir) reporters.push(['json', { outputFile: join(reportDir, 'playwright.json') }]);

export default defineConfig({
  testDir: 'tests',
  // Each test starts its own engine and initial sync: two at a time is what two cores carry.
  workers: process.env.CI ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: reporters,
  use: {
    // Money and dates are formatted for the browser's locale: pin it.
    locale: 'en-US',
    // Debian's Chromium: Playwright cannot download its own browsers on these machines.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', use: { browserName: 'chromium' } },
    // Drives the real desktop app with _electron.launch; skips itself where the Electron binary is missing.
    { name: 'electron', testDir: 'tests/e2e-electron' },
  ],
});
