import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import playwrightConfig from '../../playwright.config.ts';
import { startChild, type Child } from '../harness/child.ts';
import { BUDGETS } from '../harness/budgets.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import { clickRowUntilPainted, queueReady, scrollQueue } from './in-page.ts';

const RENDERER_BUILD = fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url));
const ROW_PX = 56;
/** Pixels scrolled per frame: a brisk wheel or trackpad fling. */
const SCROLL_STEP = 400;

/** The browser host CLI in its own process (what `npm run demo:web` runs), on a data folder. */
function startHost(dataDir: string): Promise<Child<string>> {
  return startChild(new URL('../../electron/browser-host/cli.ts', import.meta.url), ['--data', dataDir], {
    hello: (line) => /(https?:\/\/\S+)/.exec(line)?.[1] ?? line,
  });
}

/** From starting the host process until the page shows the agent's queue, loaded. */
async function startToInteractive(browser: Browser, dataDir: string): Promise<{ ms: number; host: Child<string>; page: Page }> {
  const started = performance.now();
  const host = await startHost(dataDir);
  const page = await browser.newPage();
  await page.goto(host.hello);
  await page.waitForFunction(queueReady, undefined, { polling: 'raf', timeout: 600_000 });
  return { ms: performance.now() - started, host, page };
}

/**
 * The workstation UI in Chromium via the browser host, on an admin's full replica, offline: start
 * to interactive queue, click-to-paint of a ticket with its 360° pane, queue scroll frame times,
 * and the page's memory.
 */
export const rendererSuite: Suite = {
  name: 'renderer',
  async run(ctx: SuiteContext) {
    if (!existsSync(RENDERER_BUILD)) {
      ctx.skipped('renderer', 'the renderer is not built: run `npx electron-vite build` (npm test does) first');
      return;
    }
    const fixture = await ctx.fixture();
    // Its session points nowhere (data/admin-replica.ts): no catch-up competes with what is timed.
    await fixture.ensureAdminReplica((m) => ctx.log(m));

    const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
    try {
      const startups: number[] = [];
      for (let run = 0; run < ctx.options.repeat; run++) {
        const { ms, host } = await startToInteractive(browser, fixture.adminDataDir);
        startups.push(ms / 1000);
        await host.close();
      }
      ctx.figure('start to interactive queue', 's', startups, { note: 'browser host process start (engine worker, replica open) until the queue is loaded in the page' });

      const { host, page } = await startToInteractive(browser, fixture.adminDataDir);
      try {
        await page.getByRole('tab', { name: /^All/ }).click();
        await page.waitForFunction(queueReady, undefined, { polling: 'raf' });
        await ctx.attempt('click to ticket + 360° pane painted', async () => {
          const samples: number[] = [];
          const runs = Math.max(10, Math.round(ctx.options.samples / 5));
          for (let i = 0; i < runs; i++) samples.push(await page.evaluate(clickRowUntilPainted, i * 20 * ROW_PX));
          ctx.figure('click to ticket + 360° pane painted', 'ms', samples, { budget: BUDGETS.clickToPaint, note: 'a different row of the All queue each time, 20 rows apart' });
        });
        await ctx.attempt('queue scroll frame time', async () => {
          await page.evaluate((top) => document.querySelector('[role="listbox"]')?.scrollTo({ top }), 0);
          const scroll = { step: SCROLL_STEP, ms: Math.min(4000, ctx.options.samples * 40) };
          const scrolled = await page.evaluate(scrollQueue, scroll);
          const total = await page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '');
          ctx.figure('queue scroll frame time', 'ms', scrolled.frames, {
            note: `a frame is 16.7 ms at 60 Hz; ${scroll.step} px a frame for ${scroll.ms / 1000} s through ${scrolled.rows.toLocaleString('en')} rows of the All queue (${total.trim()}); ${scrolled.blank} of ${scrolled.frames.length} frames showed rows still loading`,
          });
        });
        await ctx.attempt('renderer memory', async () => {
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Performance.enable');
          const { metrics } = await cdp.send('Performance.getMetrics');
          const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
          ctx.figure('renderer JS heap after scrolling', 'MB', metric('JSHeapUsedSize') / 2 ** 20, { note: `${metric('Nodes').toLocaleString('en')} DOM nodes` });
        });
      } finally {
        await page.close();
        await host.close();
      }
      ctx.skipped("A→B propagation to B's rendered UI", 'not measured yet (the sync suite times it to B\'s engine)');
    } finally {
      await browser.close();
    }
  },
};
