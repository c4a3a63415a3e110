import { describe, expect, it } from 'vitest';
import { Ticket, type Message } from '../../../shared/model/index.ts';
import { generateDemo } from '../../../server/demo/generate.ts';

const now = new Date('2026-11-22T00:00:00Z');
const full = generateDemo({ seed: 7, now });
const done = full.tickets.filter((t) => t.status === 'solved' || t.status === 'closed');
const answered = done.filter((t) => t.satisfaction !== null);
const threads = new Map<string, Message[]>();
for (const m of full.messages) threads.set(m.ticketId, [...(threads.get(m.ticketId) ?? []), m]);
const avg = (list: Ticket[]) => list.reduce((sum, t) => sum + (t.satisfaction?.csat ?? 0), 0) / list.length;

describe('demo survey answers and reopenings', () => {
  it('answers about 30 % of solved and closed tickets, and no other', () => {
    expect(answered.length / done.length).toBeGreaterThan(0.25);
    expect(answered.length / done.length).toBeLessThan(0.35);
    expect(full.tickets.filter((t) => t.satisfaction !== null && !done.includes(t))).toEqual([]);
    for (const t of answered) {
      expect(Ticket.parse(t).satisfaction).toEqual(t.satisfaction);
      expect(t.satisfaction!.ratedAt >= t.solvedAt!).toBe(true);
      expect(Date.parse(t.satisfaction!.ratedAt)).toBeLessThan(now.getTime());
      expect(t.updatedAt >= t.satisfaction!.ratedAt).toBe(true);
    }
  });

  it('mixes full answers, CSAT-only answers and comments, over every score', () => {
    expect(new Set(answered.map((t) => t.satisfaction!.csat))).toEqual(new Set([1, 2, 3, 4, 5]));
    const onlyCsat = answered.filter((t) => t.satisfaction!.ces === null && t.satisfaction!.nps === null);
    expect(onlyCsat.length).toBeGreaterThan(answered.length * 0.2);
    expect(answered.length - onlyCsat.length).toBeGreaterThan(answered.length * 0.5);
    const commented = answered.filter((t) => t.satisfaction!.comment !== null);
    expect(commented.length).toBeGreaterThan(answered.length * 0.25);
    // Satisfied customers say good things, unsatisfied ones do not.
    expect(commented.filter((t) => t.satisfaction!.csat! <= 2).map((t) => t.satisfaction!.comment)).not.toContain('Quick and friendly, thank you!');
  });

  it('solves a share of tickets with the first reply (first contact resolution), their threads saying so', () => {
    const replies = (t: Ticket) => (threads.get(t.id) ?? []).filter((m) => m.kind === 'reply' && m.authorType === 'agent').length;
    const oneTouch = done.filter((t) => t.replyCount === 1 && t.reopenCount === 0);
    expect(oneTouch.length / done.length).toBeGreaterThan(0.15);
    expect(oneTouch.length / done.length).toBeLessThan(0.45);
    for (const t of done) expect(t.replyCount).toBe(replies(t));
    // No customer wrote back after the first reply on a ticket it solved.
    for (const t of oneTouch) expect((threads.get(t.id) ?? []).filter((m) => m.authorType === 'contact')).toHaveLength(1);
  });

  it('scores follow what happened: reopenings and missed first responses lower them', () => {
    const reopened = answered.filter((t) => t.reopenCount > 0);
    const clean = answered.filter((t) => t.reopenCount === 0 && t.firstResponseAt! <= t.firstResponseDueAt!);
    const late = answered.filter((t) => t.reopenCount === 0 && t.firstResponseAt! > t.firstResponseDueAt!);
    expect(reopened.length).toBeGreaterThan(3);
    expect(late.length).toBeGreaterThan(3);
    expect(avg(clean)).toBeGreaterThan(avg(late) + 0.5);
    expect(avg(clean)).toBeGreaterThan(avg(reopened) + 0.8);
  });

  it('reopens a share of solved tickets, each reopening told in the thread', () => {
    const reopened = done.filter((t) => t.reopenCount > 0);
    expect(reopened.length / done.length).toBeGreaterThan(0.05);
    expect(reopened.length / done.length).toBeLessThan(0.12);
    expect(full.tickets.filter((t) => t.reopenCount > 0 && !done.includes(t))).toEqual([]);
    for (const t of full.tickets) {
      const thread = threads.get(t.id) ?? [];
      const events = thread.filter((m) => m.kind === 'event').map((m) => m.body);
      expect(events.filter((b) => b.startsWith('Status changed from Solved to Open')).length).toBe(t.reopenCount);
      if (t.reopenCount > 0) expect(events.filter((b) => b === 'Status changed to Solved.').length).toBe(t.reopenCount + 1);
      expect(thread.filter((m) => m.kind === 'reply' && m.authorType === 'agent').length).toBe(t.replyCount);
    }
  });
});
