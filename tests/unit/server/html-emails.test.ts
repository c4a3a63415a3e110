import { describe, expect, it } from 'vitest';
import { Message } from '../../../shared/model/index.ts';
import { DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { generateDemo } from '../../../server/demo/generate.ts';
import { HOSTILE_EMAIL_GLOBAL, HOSTILE_EMAIL_TEXT } from '../../../server/demo/html-emails.ts';

describe('demo HTML emails', () => {
  const demo = generateDemo({ seed: 5, scale: 0.1, now: new Date('2026-11-20T00:00:00Z') });
  const html = demo.messages.filter((m) => m.bodyHtml !== null);
  const alex = demo.agents.find((a) => a.email === DEMO_AGENT_EMAIL);

  it('puts four on customer emails of the demo agent’s latest open tickets, keeping the plain text fallback', () => {
    expect(html).toHaveLength(4);
    const tickets = new Map(demo.tickets.map((t) => [t.id, t]));
    for (const m of html) {
      expect(Message.parse(m)).toEqual(m);
      expect(m).toMatchObject({ authorType: 'contact', kind: 'reply' });
      expect(tickets.get(m.ticketId)).toMatchObject({ assigneeId: alex?.id, channel: 'email' });
      expect(m.body.length).toBeGreaterThan(0);
    }
    const newest = demo.tickets.filter((t) => t.assigneeId === alex?.id && t.channel === 'email' && t.status !== 'closed').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    expect(tickets.get(html.find((m) => m.bodyHtml?.includes(HOSTILE_EMAIL_TEXT))?.ticketId ?? '')?.id).toBe(newest?.id);
  });

  it('has exactly one hostile email, with script, handlers, javascript: links, meta refresh and a tracking pixel', () => {
    const hostile = html.filter((m) => m.bodyHtml?.includes(HOSTILE_EMAIL_GLOBAL));
    expect(hostile).toHaveLength(1);
    for (const trick of ['<script>', 'onerror=', 'href="javascript:', 'http-equiv="refresh"', 'https://tracker.example/']) expect(hostile[0]?.bodyHtml).toContain(trick);
  });

  it('is the same for the same seed', () => {
    expect(generateDemo({ seed: 5, scale: 0.1, now: new Date('2026-11-20T00:00:00Z') }).messages.filter((m) => m.bodyHtml)).toEqual(html);
  });
});
