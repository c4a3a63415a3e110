import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import playwrightConfig from '../../playwright.config.ts';
import { BUDGETS } from '../harness/budgets.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import { startToInteractive } from './browser-host.ts';
import { clickRowUntilPainted, queueReady, scrollQueue } from './in-page.ts';
import { propagationsToRenderedUi } from './propagation-ui.ts';

const RENDERER_BUILD = fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url));
const ROW_PX = 56;
/** Pixels scrolled per frame: a brisk wheel or trackpad fling. */
const SCROLL_STEP = 400;

/**
 * The workstation UI in Chromium via the browser host, on an admin's full replica, offline: start
 * to interactive queue, click-to-paint of a ticket with its 360° pane, queue scroll frame times,
 * and the page's memory. Then, online: A→B propagation to B's rendered UI (propagation-ui.ts).
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
      // After the offline figures, with its own server, replicas and host: nothing of it runs while they are timed.
      await ctx.attempt("A→B propagation to B's rendered UI", async () => {
        // 60 at the default 300 samples; at least 10 (the tiny run in npm test is short on time).
        const runs = Math.max(10, Math.round(ctx.options.samples / 5));
        ctx.figure("A→B propagation to B's rendered UI", 'ms', await propagationsToRenderedUi(browser, fixture, runs, (m) => ctx.log(m)), {
          budget: BUDGETS.propagation,
          note: "from A's ticket.setPriority call until the frame in which B's page (browser host, online, the ticket open) shows it",
        });
      });
    } finally {
      await browser.close();
    }
  },
};
