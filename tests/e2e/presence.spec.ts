import type { DeskApi, QueuePage } from '../../shared/ipc/index.ts';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { signedInEngine } from '../support/signed-in-engine.ts';
import { expect, signIn, test, tickets } from './fixtures.ts';

/** The id of the ticket with this subject, as another replica sees it. */
async function ticketIdBySubject(desk: DeskApi, subject: string): Promise<string> {
  let after: string | null = null;
  do {
    const page: QueuePage = await desk.invoke('queue.page', { view: 'all', after, limit: 500 });
    const found = page.rows.find((r) => r.subject === subject);
    if (found) return found.id;
    after = page.next;
  } while (after);
  throw new Error(`no ticket "${subject}" on the other workstation`);
}

test('the ticket header shows, live, who else is viewing or replying, and the other agent sees this one typing', async ({ page, workstation, orbitServer }) => {
  await signIn(page, workstation, orbitServer.url);
  await tickets(page).first().click();
  const subject = (await page.getByRole('main').getByRole('heading', { level: 1 }).textContent()) ?? '';
  const presence = page.getByRole('status', { name: 'Also on this ticket' });

  // Priya works in Alex's team (server/demo/roster.ts), on her own workstation.
  const priya = await signedInEngine({ serverUrl: orbitServer.url, email: 'priya@orbit.demo', password: DEMO_PASSWORD });
  try {
    const ticketId = await ticketIdBySubject(priya.desk, subject);
    await priya.desk.invoke('presence.set', { ticketId, state: 'viewing' });
    await expect(presence).toHaveText('Priya Raman is viewing');
    await priya.desk.invoke('presence.set', { ticketId, state: 'replying' });
    await expect(presence).toHaveText('Priya Raman is replying…');

    await page.getByRole('textbox', { name: 'Reply' }).fill('Let me take this one.');
    await expect.poll(async () => (await priya.desk.invoke('presence.set', { ticketId, state: 'replying' })).agents).toEqual([
      expect.objectContaining({ name: 'Alex Morgan', state: 'replying' }),
    ]);
  } finally {
    await priya.close();
  }
  await expect(presence).toHaveText('');
});
