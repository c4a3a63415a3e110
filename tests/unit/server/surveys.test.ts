import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../../../shared/model/index.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { surveyAnswerPath, surveyLinkPath, surveyPagePath } from '../../../shared/sync/survey.ts';
import { DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { getVersioned } from '../../../server/store/row-versions.ts';
import { checkSurveyToken, makeSurveyToken, surveyKey } from '../../../server/survey/links.ts';
import { recountChecksums } from '../../support/recount-checksums.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, connectRealtime, post, readStore, send, signIn, ticketsOf } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

let server: TestServer;
let alex: Session;
let aisha: Session;
let solved: Ticket[];
let openTicket: Ticket;
let hiddenFromAisha: Ticket;

const key = () => readStore(server.location, (db) => surveyKey(db));
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');

async function linkFor(ticket: Ticket, token = alex.token): Promise<string> {
  const res = await post(server.url, surveyLinkPath(ticket.id), {}, token);
  expect(res.status).toBe(200);
  return tokenOf(res.body.url);
}

const ticketNow = async (id: string) => (await ticketsOf(server.location, (t) => t.id === id))[0] as Ticket;

const form = (token: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(server.url + surveyPagePath(token), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05 } });
  alex = await signIn(server.url, DEMO_AGENT_EMAIL);
  aisha = await signIn(server.url, 'aisha@orbit.demo');
  const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
  const aishaAgent = await agentByEmail(server.location, 'aisha@orbit.demo');
  const ofTeam = await ticketsOf(server.location, (t) => t.teamId === team && t.assigneeId !== aishaAgent.id && !aishaAgent.teamIds.includes(t.teamId ?? ''));
  // Solved tickets the demo left unanswered.
  solved = ofTeam.filter((t) => (t.status === 'solved' || t.status === 'closed') && t.satisfaction === null);
  openTicket = ofTeam.find((t) => t.status === 'open') as Ticket;
  hiddenFromAisha = solved[0] as Ticket;
  expect(solved.length).toBeGreaterThan(6);
});
afterAll(async () => {
  await server.close();
});

describe('survey links', () => {
  it('are signed per ticket, expire, and refuse any change', async () => {
    const k = await key();
    const now = Date.parse('2026-11-01T00:00:00Z');
    const { token, expiresAt } = makeSurveyToken(k, hiddenFromAisha.id, now);
    expect(expiresAt).toBe('2026-12-01T00:00:00.000Z');
    expect(checkSurveyToken(k, token, now + 1000)).toEqual({ ok: true, ticketId: hiddenFromAisha.id });
    expect(checkSurveyToken(k, token, Date.parse(expiresAt))).toEqual({ ok: false, reason: 'expired' });
    // Another ticket's id, a later expiry, another key, a cut token: all refused.
    const [hex, expiry, sig] = token.split('.') as [string, string, string];
    const other = (solved[1] as Ticket).id.replaceAll('-', '');
    expect(checkSurveyToken(k, `${other}.${expiry}.${sig}`, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSurveyToken(k, `${hex}.${(parseInt(expiry, 36) + 86_400).toString(36)}.${sig}`, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSurveyToken(Buffer.alloc(32, 7), token, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSurveyToken(k, token.slice(0, -1), now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSurveyToken(k, '<script>', now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('are given to agents who see a solved ticket, and to nobody else', async () => {
    const res = await post(server.url, surveyLinkPath(hiddenFromAisha.id), {}, alex.token);
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${server.url}/survey/[0-9a-f]{32}\\.[0-9a-z]+\\.[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect((await post(server.url, surveyLinkPath(hiddenFromAisha.id), {}, aisha.token)).status).toBe(404);
    expect((await post(server.url, surveyLinkPath(hiddenFromAisha.id), {})).status).toBe(401);
    const open = await post(server.url, surveyLinkPath(openTicket.id), {}, alex.token);
    expect(open.status).toBe(409);
    expect(open.body.message).toMatch(/solved or closed/);
    expect((await post(server.url, surveyLinkPath('not-an-id'), {}, alex.token)).status).toBe(400);
  });
});

describe('survey answers', () => {
  it('serve a self-contained page under a strict CSP, in the language asked for', async () => {
    const token = await linkFor(solved[1] as Ticket);
    const res = await fetch(server.url + surveyPagePath(token), { headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/form-action 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Envoyer ma réponse');
    expect(html).not.toMatch(/<script|src=|href="http/);
    for (let n = 1; n <= 5; n++) expect(html).toContain(`name="csat" value="${n}"`);
    expect(await (await fetch(server.url + surveyPagePath(token) + '?lang=en')).text()).toContain('Send my answer');
  });

  it('record a form answer as a server change: change log, version, checksums, a poke to the team, an event in the thread', async () => {
    const ticket = solved[2] as Ticket;
    const token = await linkFor(ticket);
    const { cursor } = (await post(server.url, routes.bootstrap, { clientId: alex.clientId }, alex.token)).body;
    const socket = await connectRealtime(server.url, alex.token);
    try {
      const res = await form(token, { csat: '2', ces: '3', nps: '', comment: 'Slow <b>answer</b>\r\n<script>alert(1)</script>' });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Thank you!');
      const poke = await socket.next();
      expect(poke.seq).toBe(cursor.seq + 2);
    } finally {
      socket.close();
    }
    const after = await ticketNow(ticket.id);
    expect(after.satisfaction).toMatchObject({ csat: 2, ces: 3, nps: null, comment: 'Slow <b>answer</b>\n<script>alert(1)</script>' });
    const pulled = (await post(server.url, routes.pull, { clientId: alex.clientId, cursor }, alex.token)).body;
    const ticketChange = pulled.changes.find((c: { kind: string; id: string }) => c.kind === 'ticket' && c.id === ticket.id);
    expect(ticketChange.data.satisfaction.csat).toBe(2);
    const event = pulled.changes.find((c: { kind: string }) => c.kind === 'message').data as Message;
    expect(event).toMatchObject({ ticketId: ticket.id, kind: 'event', authorType: 'contact', authorId: ticket.requesterId, event: { type: 'survey', csat: 2, ces: 3, nps: null, replaced: false } });
    expect(event.body).toBe('Customer rated 2/5 (effort 3/7): “Slow <b>answer</b> <script>alert(1)</script>”');
    const stored = await readStore(server.location, (db) => getVersioned(db, 'ticket', ticket.id));
    expect(stored?.version).toBe(ticketChange.seq);
    const { kept, recounted } = await recountChecksums(server.location);
    expect(kept).toEqual(recounted);
  });

  it('replace an earlier answer with a later one (JSON), and show it pre-filled on the page', async () => {
    const ticket = solved[3] as Ticket;
    const token = await linkFor(ticket);
    const first = await post(server.url, surveyAnswerPath(token), { csat: 3, comment: 'ok' });
    expect(first).toEqual({ status: 200, body: { status: 'recorded', replaced: false } });
    const second = await post(server.url, surveyAnswerPath(token), { csat: 5, nps: 10 });
    expect(second).toEqual({ status: 200, body: { status: 'recorded', replaced: true } });
    expect((await ticketNow(ticket.id)).satisfaction).toMatchObject({ csat: 5, ces: null, nps: 10, comment: null });
    const html = await (await fetch(server.url + surveyPagePath(token))).text();
    expect(html).toContain('name="csat" value="5" checked');
    const events = await readStore(server.location, (db) => db.selectFrom('messages').select('body').where('ticket_id', '=', ticket.id).where('kind', '=', 'event').orderBy('created_at').execute());
    expect(events.map((e) => e.body).filter((b) => b.startsWith('Customer'))).toEqual(['Customer rated 3/5: “ok”', 'Customer changed their rating to 5/5 (NPS 10)']);
  });

  it('refuse bad bodies with words and keep nothing', async () => {
    const ticket = solved[4] as Ticket;
    const token = await linkFor(ticket);
    for (const body of [{}, { csat: 0 }, { csat: 6 }, { csat: 3.5 }, { csat: 4, ces: 8 }, { csat: 4, nps: -1 }, { csat: 4, comment: 'x'.repeat(5001) }, { csat: '4' }]) {
      const res = await post(server.url, surveyAnswerPath(token), body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    }
    expect((await send(server.url, surveyAnswerPath(token), 'not json')).status).toBe(400);
    const huge = await send(server.url, surveyAnswerPath(token), JSON.stringify({ csat: 4, comment: 'x'.repeat(40_000) }));
    expect(huge.status).toBe(413);
    const badForm = await form(token, { csat: '9' });
    expect(badForm.status).toBe(400);
    expect(await badForm.text()).toContain('Please check your answer');
    expect((await ticketNow(ticket.id)).satisfaction).toBeNull();
  });

  it('answer bad, expired and reopened links with a clear page or error', async () => {
    const bad = await fetch(server.url + surveyPagePath('0123.abc.def'));
    expect(bad.status).toBe(404);
    expect(bad.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await bad.text()).toContain('This survey link does not work');
    const expired = makeSurveyToken(await key(), (solved[5] as Ticket).id, Date.now() - 31 * 86_400_000).token;
    const page = await fetch(server.url + surveyPagePath(expired));
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This survey has closed');
    expect((await post(server.url, surveyAnswerPath(expired), { csat: 5 })).status).toBe(410);
    // A link made while solved stops taking answers once the ticket is open again.
    const reopened = makeSurveyToken(await key(), openTicket.id).token;
    expect((await fetch(server.url + surveyPagePath(reopened))).status).toBe(409);
    const json = await post(server.url, surveyAnswerPath(reopened), { csat: 5 });
    expect(json.status).toBe(409);
    expect(json.body.message).toMatch(/open again/);
    expect((await ticketNow(openTicket.id)).satisfaction).toBeNull();
  });
});

describe('survey rate limit', () => {
  it('stops a client hammering one link, with a page saying so', async () => {
    const limited = await startTestServer({ location: server.location });
    try {
      const token = await linkFor(solved[6] as Ticket);
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await post(limited.url, surveyAnswerPath(token), { csat: 4 })).status);
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(statuses[20]).toBe(429);
      const pages: Response[] = [];
      for (let i = 0; i < 21; i++) pages.push(await fetch(limited.url + surveyPagePath(token)));
      expect(pages.at(-1)?.status).toBe(429);
      expect(await pages.at(-1)?.text()).toContain('Too many attempts');
    } finally {
      await limited.close();
    }
  });
});
