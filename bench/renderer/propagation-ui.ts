import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { DEMO_AGENT_EMAIL } from '../../server/demo/credentials.ts';
import { Priority } from '../../shared/model/index.ts';
import type { Fixture } from '../data/fixture.ts';
import { within } from '../harness/deadline.ts';
import { withScratch } from '../harness/scratch.ts';
import { PRIYA } from '../sync/sync-suite.ts';
import { Workstation } from '../sync/workstation.ts';
import { startToInteractive } from './browser-host.ts';
import { queueReady, shownAt, watchFor } from './in-page.ts';

const WAIT_MS = 30_000;

/**
 * Milliseconds from agent A's change until B's page paints it: A is an engine in a worker, B the
 * browser host in Chromium, both agents of one team signed in to a real server on the fixture's
 * store. B has the ticket open; A sets its priority (the next one each time, a real write) and the
 * page is watched every frame for the header's priority mark: A's push, the server's commit and
 * fan-out, B's delta and replica write, the `changed` event over the host's socket, the refetch and
 * React's render. B's replica is synced by an engine first, then the host opens it, online.
 */
export async function propagationsToRenderedUi(browser: Browser, fixture: Fixture, runs: number, log: (message: string) => void): Promise<number[]> {
  // Everything opened is closed before the scratch folder holding B's data goes.
  return withScratch(async (file) => {
    const server = await fixture.startServer();
    const opened: { close(): Promise<void> }[] = [server];
    try {
      log("signing in agent A (an engine) and agent B (the browser host's replica) of one team");
      const a = await Workstation.open(file('a.sqlite'));
      opened.push(a);
      await a.signIn(server.url, DEMO_AGENT_EMAIL);
      const dataDir = file('b');
      mkdirSync(dataDir);
      const b = await Workstation.open(join(dataDir, 'replica.sqlite'));
      await b.signIn(server.url, PRIYA);
      await b.close();

      const { host, page } = await startToInteractive(browser, dataDir);
      opened.push(host, { close: () => page.close() });
      await page.getByRole('tab', { name: /^My teams/ }).click();
      await page.waitForFunction(queueReady, undefined, { polling: 'raf' });
      const row = page.getByRole('listbox', { name: 'Tickets' }).getByRole('option').first();
      const ticketId = (await row.getAttribute('id'))?.replace(/^ticket-row-/, '');
      if (!ticketId) throw new Error("B's team queue shows no ticket.");
      await row.click();
      await page.locator('main .ticket-header .ticket-number').waitFor();

      const change = async () => {
        const current = (await a.desk.invoke('ticket.get', { id: ticketId }))?.ticket.priority ?? 'low';
        const priority = Priority.options[(Priority.options.indexOf(current) + 1) % Priority.options.length] as Priority;
        await page.evaluate(watchFor, `main .ticket-header .priority-${priority}`);
        const started = performance.timeOrigin + performance.now();
        await a.desk.invoke('ticket.setPriority', { ticketId, priority });
        return (await within(WAIT_MS, "A→B propagation to B's page", page.evaluate(shownAt))) - started;
      };
      // The first one, untimed, also waits for B's host to be online.
      await change();
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push(await change());
      return samples;
    } finally {
      for (const item of opened.reverse()) await item.close().catch(() => undefined);
    }
  });
}
