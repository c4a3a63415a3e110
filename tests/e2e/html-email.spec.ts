import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HOSTILE_EMAIL_GLOBAL, HOSTILE_EMAIL_TEXT } from '../../server/demo/html-emails.ts';
import { readStore } from '../support/store.ts';
import { expect, signIn, test, tickets } from './fixtures.ts';

test('a hostile customer email shows as sanitized text in a sandboxed frame and cannot run script or reach the network', async ({ page, workstation, orbitServer }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // The demo's hostile email, found on the server; it is on the demo agent's latest email ticket.
  const { subject, body } = await readStore(orbitServer.location, async (db) => {
    const message = await db.selectFrom('messages').select(['ticket_id', 'body']).where('body_html', 'like', `%${HOSTILE_EMAIL_GLOBAL}%`).executeTakeFirstOrThrow();
    const ticket = await db.selectFrom('tickets').select('subject').where('id', '=', message.ticket_id).executeTakeFirstOrThrow();
    return { subject: ticket.subject, body: message.body };
  });

  await signIn(page, workstation, orbitServer.url);
  await tickets(page).filter({ hasText: subject }).first().click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(subject);

  const frameElement = page.locator('iframe[title$="(formatted email)"]').first();
  await expect(frameElement).toBeVisible();
  // Exactly the sandbox DESIGN §6 asks for: popups for links, no scripts, no same origin.
  await expect(frameElement).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
  const frame = page.frameLocator('iframe[title$="(formatted email)"]').first();
  await expect(frame.getByText(HOSTILE_EMAIL_TEXT)).toBeVisible();
  // Sanitized: no script, form, frame, SVG or MathML; links go nowhere dangerous and open outside.
  await expect(frame.locator('script, form, input, iframe, svg, math, meta[http-equiv="refresh"], base')).toHaveCount(0);
  await expect(frame.getByText('View statement')).not.toHaveAttribute('href', /.*/);
  await expect(frame.locator('[href^="javascript" i], [src^="javascript" i]')).toHaveCount(0);
  await expect(frame.getByRole('link', { name: 'Unsubscribe' })).toHaveAttribute('target', '_blank');
  // Auto-height: the whole email shows without a scrollbar of its own.
  expect((await frameElement.boundingBox())?.height ?? 0).toBeGreaterThan(150);

  // Nothing ran, in the page or the frame; no remote request left; the meta refresh went nowhere.
  await page.waitForTimeout(1000);
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], HOSTILE_EMAIL_GLOBAL)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(requests.filter((u) => /phish\.example|tracker\.example/.test(u))).toEqual([]);
  expect(new URL(page.url()).origin).toBe(new URL(workstation.url).origin);
  expect(page.frames().map((f) => f.url()).filter((u) => /^https?:/.test(u) && !u.startsWith(workstation.url))).toEqual([]);
  await expect(page.getByText(/remote image.? blocked/)).toBeVisible();

  // The email's frame and controls pass an accessibility scan. axe runs in the page only: a frame
  // that allows no script cannot host it (AxeBuilder waits for it there forever).
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const serious = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(el: Element, o: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    const result = await axe.run(document.querySelector('.html-body') as Element, { iframes: false });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
  expect(serious).toEqual([]);

  // The plain text fallback.
  await page.getByRole('button', { name: 'Show plain text' }).click();
  await expect(page.locator('iframe[title$="(formatted email)"]')).toHaveCount(0);
  await expect(page.getByRole('main').getByText(body.split('\n')[0] ?? body).first()).toBeVisible();
  await page.getByRole('button', { name: 'Show formatted' }).click();
  await expect(frame.getByText(HOSTILE_EMAIL_TEXT)).toBeVisible();
  await frameElement.screenshot({ path: test.info().outputPath('hostile-email.png') });
});
