import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, signIn, test } from './fixtures.ts';
import { openNumberedTicket } from './ticket-actions-helpers.ts';

async function linkTo(page: Page, problemNumber: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Link to problem…' }).click();
  const dialog = page.getByRole('dialog', { name: /Link .* to a problem/ });
  await dialog.getByLabel('Problem ticket').fill(problemNumber);
  await dialog.getByRole('radio', { name: new RegExp(`${problemNumber}\\b`) }).check();
  await dialog.getByRole('button', { name: `Link to ${problemNumber}` }).click();
  await expect(dialog).toBeHidden();
  await expect(main.getByText(new RegExp(`Incident of problem ${problemNumber}\\b`))).toBeVisible();
}

test('solve a problem ticket and reply to its incidents', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const main = page.getByRole('main');
  const problem = await openNumberedTicket(page, 0);
  const first = await openNumberedTicket(page, 1);
  await linkTo(page, problem.number);
  const second = await openNumberedTicket(page, 2);
  await linkTo(page, problem.number);

  // The incident leads to its problem, which lists its incidents and offers one reply to all of them.
  await main.getByRole('button', { name: new RegExp(`^${problem.number}\\b`) }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(problem.subject);
  const incidents = main.getByRole('region', { name: 'Incidents' });
  await expect(incidents).toContainText('Problem with 2 incidents');
  await main.getByRole('button', { name: 'Solve problem…' }).click();
  const dialog = page.getByRole('dialog', { name: `Solve problem ${problem.number}` });
  const reply = `The fix is live (${randomUUID().slice(0, 8)}): please try again.`;
  await dialog.getByLabel('Reply to the incidents’ customers').fill(reply);
  await expect(dialog.getByLabel('Solve the incidents too')).toBeChecked();
  await dialog.getByRole('button', { name: 'Reply to 2 incidents and solve' }).click();
  await expect(dialog).toBeHidden();
  await expect(main.getByLabel('Status')).toHaveValue('solved');

  // Each incident got the reply and is solved; the server's timeline records the change.
  for (const incident of [first, second]) {
    await incidents.getByRole('button', { name: new RegExp(`^${incident.number}\\b`) }).click();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(incident.subject);
    await expect(main.getByLabel('Status')).toHaveValue('solved');
    await expect(main.getByRole('log', { name: 'Conversation' }).getByText(reply)).toBeVisible();
    await expect(main.getByRole('log', { name: 'Conversation' }).getByText(/Alex Morgan changed status: .* → Solved/)).toBeVisible();
    await main.getByRole('button', { name: new RegExp(`^${problem.number}\\b`) }).click();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(problem.subject);
  }
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('0 pending');
});
