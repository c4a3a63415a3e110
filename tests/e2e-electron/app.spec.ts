import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary.ts';

const root = resolve(import.meta.dirname, '../..');
const mainScript = join(root, 'out/main/index.js');
const binary = findElectronBinary();
const skipReason =
  'missing' in binary
    ? `Electron-only test skipped: ${binary.missing}. Install the binary (npx install-electron) where the network allows it.`
    : !existsSync(mainScript)
      ? `Electron-only test skipped: ${mainScript} is not built; run npx electron-vite build first.`
      : null;
if (skipReason) console.log(skipReason);

test.describe('Orbit desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'orbit-electron-'));
    app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      // A fresh profile (and so a fresh replica) per run; --no-sandbox because CI containers run as root.
      args: ['--no-sandbox', `--user-data-dir=${userData}`, mainScript],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens the workstation page from the built renderer, showing the log-in screen', async () => {
    expect(new URL(page.url()).protocol).toBe('file:');
    expect(page.url()).toContain('/out/renderer/index.html');
    await expect(page.getByLabel('Server')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('runs the renderer without Node', async () => {
    const globals = await page.evaluate(() => ['require', 'process', 'module', 'Buffer'].map((name) => typeof (globalThis as Record<string, unknown>)[name]));
    expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('exposes only window.desk, which reaches the engine through the router', async () => {
    expect(await page.evaluate(() => Object.keys((window as unknown as { desk: object }).desk).sort())).toEqual(['invoke', 'on']);
    const session = await page.evaluate(() => (window as unknown as { desk: { invoke(n: string, i?: unknown): Promise<unknown> } }).desk.invoke('session.get'));
    expect(session).toEqual({ ok: true, value: { state: 'signed_out' } });
    const unknown = await page.evaluate(() => (window as unknown as { desk: { invoke(n: string, i?: unknown): Promise<unknown> } }).desk.invoke('fs.readFile', '/etc/passwd'));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  test('refuses navigation away from the app and new windows', async () => {
    const before = page.url();
    expect(await page.evaluate(() => window.open('https://evil.example/') === null)).toBe(true);
    // Our guard is the first will-navigate listener (installed at web-contents-created), so this one sees its verdict.
    const navigation = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<{ url: string; prevented: boolean }>((done) =>
          BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (event) => done({ url: event.url, prevented: event.defaultPrevented })),
        ),
    );
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    expect(await navigation).toEqual({ url: 'https://evil.example/', prevented: true });
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
