import { expect, signIn, test, tickets } from './fixtures.ts';

test('the command palette runs commands and opens a ticket by number; ? lists every shortcut', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);

  // Ctrl+K: every command, grouped, with its keys; typing filters; Enter runs.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox', { name: 'Commands' })).toBeFocused();
  await expect(palette.getByRole('option', { name: /Next ticket in the queue/ })).toBeVisible();
  await page.keyboard.type('go to unas');
  await expect(palette.getByRole('option').first()).toHaveAccessibleName(/Go to Unassigned/);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('tab', { name: /Unassigned/ })).toHaveAttribute('aria-selected', 'true');

  // A number opens that ticket.
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('tab', { name: /All/ })).toHaveAttribute('aria-selected', 'true');
  const label = (await tickets(page).nth(2).getAttribute('aria-label')) ?? (await tickets(page).nth(2).textContent()) ?? '';
  const number = /#(\d+)/.exec(label)?.[1];
  expect(number, `a ticket number in "${label}"`).toBeTruthy();
  await page.keyboard.press('Control+k');
  await page.keyboard.type(`#${number}`);
  await expect(palette.getByRole('option', { name: `Go to ticket #${number}` })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  expect(label).toContain(`#${number} ${await heading.textContent()}`);

  // Escape closes without running anything.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('sign out');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('tablist', { name: 'Queues' })).toBeVisible();

  // The theme follows the palette's choice and survives a reload.
  await page.keyboard.press('Control+k');
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.keyboard.type(before === 'dark' ? 'light theme' : 'dark theme');
  await page.keyboard.press('Enter');
  const after = before === 'dark' ? 'light' : 'dark';
  await expect(page.locator('html')).toHaveAttribute('data-theme', after);
  await page.reload();
  await expect(page.getByRole('tablist', { name: 'Queues' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', after);

  // ? shows every shortcut, searchable; typing there is text.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const section of ['Queue', 'Ticket', 'Go to', 'General']) await expect(help.getByRole('heading', { name: section, exact: true })).toBeVisible();
  await page.keyboard.type('reply');
  await expect(help.getByRole('term')).toHaveText(['Reply to the customer']);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the panes resize by keyboard, the customer pane collapses, and the layout is remembered', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  const queueWidth = () => page.getByRole('navigation', { name: 'Queue' }).evaluate((el) => Math.round(el.getBoundingClientRect().width));
  const customerWidth = () => page.getByRole('complementary', { name: 'Customer' }).evaluate((el) => Math.round(el.getBoundingClientRect().width));
  const before = await queueWidth();
  const separator = page.getByRole('separator', { name: 'Resize the queue and the conversation' });
  await separator.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(queueWidth).toBeGreaterThan(before + 20);
  const wider = await queueWidth();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('hide the customer pane');
  await page.keyboard.press('Enter');
  await expect.poll(customerWidth).toBeLessThan(2);

  await page.reload();
  await expect(page.getByRole('tablist', { name: 'Queues' })).toBeVisible();
  await expect.poll(queueWidth).toBe(wider);
  await expect.poll(customerWidth).toBeLessThan(2);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('hide the customer pane');
  await page.keyboard.press('Enter');
  await expect.poll(customerWidth).toBeGreaterThan(150);
});
