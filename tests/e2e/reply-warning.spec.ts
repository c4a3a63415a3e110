import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { signedInEngine } from '../support/signed-in-engine.ts';
import { expect, signIn, test, tickets } from './fixtures.ts';

test('another agent’s presence shows live, and a reply they sent meanwhile is flagged before this one goes out', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const row = tickets(page).first();
  const ticketId = ((await row.getAttribute('id')) ?? '').replace(/^ticket-row-/, '');
  await row.click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  const presence = page.getByRole('status', { name: 'Also on this ticket' });
  const conversation = main.getByRole('log', { name: 'Conversation' });

  // Alex starts a reply.
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await reply.click();
  await page.keyboard.type('Thanks for your patience, we are on it.');

  // Priya (same team, her own workstation) is replying on the same ticket, then sends first.
  const priya = await signedInEngine({ serverUrl: orbitServer.url, email: 'priya@orbit.demo', password: DEMO_PASSWORD });
  try {
    await expect.poll(async () => (await priya.desk.invoke('ticket.get', { id: ticketId }))?.ticket.id).toBe(ticketId);
    await priya.desk.invoke('presence.set', { ticketId, state: 'replying' });
    await expect(presence).toHaveText('Priya Raman is replying…');
    // Alex's workstation says Alex is replying too.
    await expect.poll(async () => (await priya.desk.invoke('presence.set', { ticketId, state: 'replying' })).agents).toEqual([expect.objectContaining({ name: 'Alex Morgan', state: 'replying' })]);

    await priya.desk.invoke('ticket.reply', { ticketId, kind: 'reply', body: 'Hi! I have just fixed your account.' });
    await priya.desk.invoke('sync.now');
    await expect(conversation.getByRole('article').filter({ hasText: 'I have just fixed your account.' })).toHaveAccessibleName('Reply from Priya Raman');

    // Sending now asks first.
    await page.getByRole('button', { name: 'Send' }).click();
    const warning = page.getByRole('alertdialog', { name: /^Priya replied (just now|\d+ minutes? ago) — review it before sending\?$/ });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('button', { name: 'Send anyway' })).toBeVisible();
    await expect(warning.getByRole('button', { name: 'Review' })).toBeFocused();
    const { violations } = await new AxeBuilder({ page }).include('.composer').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await warning.getByRole('button', { name: 'Review' }).click();
    await expect(warning).toHaveCount(0);
    await expect(conversation.getByRole('article').filter({ hasText: 'Thanks for your patience' })).toHaveCount(0);
    await expect(reply).toContainText('Thanks for your patience, we are on it.');

    // Reviewed: the agent edits and sends without being asked again.
    await reply.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Priya has fixed it.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(conversation.getByRole('article').filter({ hasText: 'Priya has fixed it.' })).toHaveAccessibleName('Reply from Alex Morgan');

    // Another reply arriving later warns again; "Send anyway" sends.
    await reply.click();
    await page.keyboard.type('One more thing.');
    await priya.desk.invoke('ticket.reply', { ticketId, kind: 'reply', body: 'Also refunded the fee.' });
    await priya.desk.invoke('sync.now');
    await expect(conversation.getByRole('article').filter({ hasText: 'Also refunded the fee.' })).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Send anyway' }).click();
    await expect(conversation.getByRole('article').filter({ hasText: 'One more thing.' })).toHaveAccessibleName('Reply from Alex Morgan');
  } finally {
    await priya.close();
  }
});
