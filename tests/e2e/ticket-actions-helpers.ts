import type { Page } from '@playwright/test';
import { expect, tickets } from './fixtures.ts';

/** Opens the n-th ticket of the agent's queue once the server has numbered it; answers its number as shown (#123) and its subject. */
export async function openNumberedTicket(page: Page, n: number): Promise<{ number: string; subject: string }> {
  await tickets(page).nth(n).click();
  const main = page.getByRole('main');
  const heading = main.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const number = main.locator('.ticket-meta .ticket-number');
  await expect(number).toHaveText(/^#\d+$/);
  return { number: (await number.textContent()) ?? '', subject: (await heading.textContent()) ?? '' };
}
