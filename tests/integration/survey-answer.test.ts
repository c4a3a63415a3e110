import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineWorker } from '../../electron/engine/worker-client.ts';
import type { DeskApi } from '../../shared/ipc/index.ts';
import type { Ticket } from '../../shared/model/index.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { agentByEmail, ticketsOf } from '../unit/server/api.ts';
import { deskOf, idleAndOnline, replicaFiles, untilChanged, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
let server: TestServer;
let alex: DeskApi;
let ticket: Ticket;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 5 } });
  cleanup.push(() => server.close());
  const engine = await startEngineWorker({ dbFile: newReplica(), pollIntervalMs: 0 });
  cleanup.push(() => engine.close());
  alex = deskOf(engine);
  await alex.invoke('session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
  await untilStatus(alex, idleAndOnline);
  const me = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
  // A solved ticket of Alex's that the demo left unanswered.
  ticket = (await ticketsOf(server.location, (t) => t.assigneeId === me.id && t.status === 'solved' && t.satisfaction === null))[0] as Ticket;
  expect(ticket).toBeDefined();
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('a customer answers the survey', () => {
  it("through the real survey page; the agent's replica shows it in the ticket, its thread and the 360° pane, without polling", async () => {
    const before = (await alex.invoke('customer.pane', { ticketId: ticket.id }))!.satisfaction.requester.allTime;

    const { url } = await alex.invoke('ticket.surveyLink', { ticketId: ticket.id });
    expect(url.startsWith(`${server.url}/survey/`)).toBe(true);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csat: '1', ces: '2', nps: '0', comment: 'Nobody <i>read</i> my first email' }).toString(),
    });
    expect(answer.status).toBe(200);

    // Only the realtime poke can bring it: the engine does not poll.
    const pane = await untilChanged(alex, async () => {
      const p = await alex.invoke('customer.pane', { ticketId: ticket.id });
      return p?.satisfaction.requester.latest[0]?.ticketId === ticket.id ? p : undefined;
    });
    expect(pane.satisfaction.requester.allTime).toMatchObject({ answers: before.answers + 1, csatAnswers: before.csatAnswers + 1, satisfied: before.satisfied });
    expect(pane.satisfaction.requester.latest[0]).toMatchObject({ ticketId: ticket.id, number: ticket.number, csat: 1, ces: 2, nps: 0, comment: 'Nobody <i>read</i> my first email' });
    if (pane.account) expect(pane.satisfaction.account?.latest.map((a) => a.ticketId)).toContain(ticket.id);

    const detail = await alex.invoke('ticket.get', { id: ticket.id });
    expect(detail?.ticket.satisfaction).toMatchObject({ csat: 1, ces: 2, nps: 0 });
    const event = detail?.messages.find((m) => m.event?.type === 'survey');
    expect(event).toMatchObject({ kind: 'event', authorType: 'contact', body: 'Customer rated 1/5 (effort 2/7, NPS 0): “Nobody <i>read</i> my first email”' });
  });

  it('refuses a link for a ticket that is not solved, in words', async () => {
    const me = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
    const [open] = await ticketsOf(server.location, (t) => t.status === 'open' && t.assigneeId === me.id);
    await expect(alex.invoke('ticket.surveyLink', { ticketId: open!.id })).rejects.toThrow(/Only a solved or closed ticket has a survey link/);
  });
});
