import type { Browser, Page } from '@playwright/test';
import { startChild, type Child } from '../harness/child.ts';
import { queueReady } from './in-page.ts';

/** The browser host CLI in its own process (what `npm run demo:web` runs), on a data folder. */
export function startHost(dataDir: string): Promise<Child<string>> {
  return startChild(new URL('../../electron/browser-host/cli.ts', import.meta.url), ['--data', dataDir], {
    hello: (line) => /(https?:\/\/\S+)/.exec(line)?.[1] ?? line,
  });
}

/** From starting the host process until the page shows the agent's queue, loaded. */
export async function startToInteractive(browser: Browser, dataDir: string): Promise<{ ms: number; host: Child<string>; page: Page }> {
  const started = performance.now();
  const host = await startHost(dataDir);
  const page = await browser.newPage();
  await page.goto(host.hello);
  await page.waitForFunction(queueReady, undefined, { polling: 'raf', timeout: 600_000 });
  return { ms: performance.now() - started, host, page };
}
