import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { signedInEngine } from '../support/signed-in-engine.ts';
import { expect, signIn, test, tickets } from './fixtures.ts';

/** Serious or critical accessibility violations inside the composer (axe-core). */
async function composerViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('.composer').analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('apply a macro: m opens the picker, the reply is filled with the customer’s first name, status and tag change, the reply is sent', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const row = tickets(page).first();
  const ticketId = ((await row.getAttribute('id')) ?? '').replace(/^ticket-row-/, '');
  await row.click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  const requester = (await main.locator('.ticket-requester-line').textContent()) ?? '';
  const firstName = requester.trim().split(/\s+/)[0] ?? '';
  expect(firstName).not.toBe('');

  // Keyboard first: m opens the picker, typing filters, Enter applies.
  await row.focus();
  await page.keyboard.press('m');
  const picker = page.getByRole('dialog', { name: 'Apply a macro' });
  await expect(picker.getByRole('combobox', { name: 'Search macros' })).toBeFocused();
  await page.keyboard.type('more details');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option')).toContainText('Ask for more details');
  expect(await composerViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);

  const reply = page.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toContainText(`Hi ${firstName},`);
  await expect(reply).toContainText('Alex');
  await expect(reply).not.toContainText('{{');
  await expect(page.getByRole('button', { name: 'Public reply' })).toHaveAttribute('aria-pressed', 'true');
  await expect(main.getByLabel('Status')).toHaveValue('pending');
  await expect(main.getByRole('list', { name: 'Tags' }).getByRole('listitem').filter({ hasText: 'needs-info' })).toBeVisible();

  // The preview shows what the customer gets; then send.
  await page.keyboard.press('Control+Shift+P');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText(`Hi ${firstName},`);
  expect(await composerViolations(page)).toEqual([]);
  await page.keyboard.press('Control+Shift+P');
  await reply.click();
  await page.keyboard.press('Control+Enter');
  const sent = main.getByRole('log', { name: 'Conversation' }).getByRole('article').filter({ hasText: new RegExp(`Hi ${firstName},\\s*Thanks for getting in touch about`) });
  await expect(sent).toHaveAccessibleName('Reply from Alex Morgan');
  await expect(reply).toHaveText('');

  // Another workstation gets all of it from the server: the reply with its formatting, the status and the tag.
  const other = await signedInEngine({ serverUrl: orbitServer.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
  try {
    await expect
      .poll(async () => {
        const detail = await other.desk.invoke('ticket.get', { id: ticketId });
        const message = detail?.messages.find((m) => m.body.startsWith(`Hi ${firstName},\n\nThanks for getting in touch about`));
        return detail && message ? { status: detail.ticket.status, tagged: detail.ticket.tags.includes('needs-info'), html: message.bodyHtml?.startsWith(`<p>Hi ${firstName},</p><p></p><p>Thanks`) } : null;
      })
      .toEqual({ status: 'pending', tagged: true, html: true });
  } finally {
    await other.close();
  }
});
