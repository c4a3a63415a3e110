import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, test } from './fixtures.ts';
import { openNumberedTicket } from './ticket-actions-helpers.ts';

test('copy the survey link of a solved ticket, answer it as the customer, see the answer on the agent’s screen', async ({ page, context, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const main = page.getByRole('main');
  const ticket = await openNumberedTicket(page, 0);

  // Not offered before the ticket is solved.
  const satisfaction = main.getByRole('group', { name: 'Customer satisfaction' });
  await expect(satisfaction.getByRole('button', { name: 'Copy survey link' })).toHaveCount(0);
  await main.getByLabel('Status').selectOption('solved');
  await expect(main.getByLabel('Status')).toHaveValue('solved');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('0 pending');

  await satisfaction.getByRole('button', { name: 'Copy survey link' }).click();
  // Copied to the clipboard, or shown to copy by hand where the clipboard is out of reach: shown either way.
  const shown = satisfaction.locator('.survey-link-url');
  await expect(shown).toHaveText(new RegExp(`^${orbitServer.url}/survey/`));
  const url = (await shown.textContent()) ?? '';

  // The customer opens the link in their own browser: a plain page, no script.
  const customer = await context.newPage();
  await customer.goto(url);
  await expect(customer.getByRole('heading', { level: 1 })).toHaveText('How did we do?');
  await expect(customer.getByText(ticket.subject, { exact: false })).toBeVisible();
  const axe = await new AxeBuilder({ page: customer }).setLegacyMode(true).analyze();
  expect(axe.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await customer.locator('input[name="csat"][value="4"]').check();
  await customer.locator('input[name="nps"][value="9"]').check();
  await customer.getByLabel(/Anything you would like to add/).fill('Fixed <b>fast</b>, thanks');
  await customer.getByRole('button', { name: 'Send my answer' }).click();
  await expect(customer.getByRole('heading', { level: 1 })).toHaveText('Thank you!');
  await customer.close();

  // The agent sees it arrive: on the ticket, in its thread, and in the 360° pane.
  await expect(satisfaction).toContainText('Customer rating: CSAT 4/5 · NPS 9');
  await expect(main.getByRole('log', { name: 'Conversation' }).getByText('Customer rated 4/5 (NPS 9): “Fixed <b>fast</b>, thanks”')).toBeVisible();
  const pane = page.getByRole('complementary', { name: 'Customer' }).getByRole('region', { name: 'Satisfaction' });
  const requester = pane.getByRole('group', { name: 'Requester satisfaction' });
  await expect(requester.getByText('Fixed <b>fast</b>, thanks')).toBeVisible();
  await expect(requester.getByRole('button', { name: `${ticket.number} ${ticket.subject}` })).toBeVisible();
});
