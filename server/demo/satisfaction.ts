import type { Satisfaction } from '../../shared/model/index.ts';
import type { Random } from './prng.ts';

/**
 * Survey answers and reopenings of the demo, drawn from their own random stream (the generator's
 * main stream, and so every other demo row, stays as it was) and kept plausible: answers follow
 * what happened on the ticket.
 */

/** Share of solved/closed tickets whose customer answered the survey. */
export const ANSWERED_SHARE = 0.3;
/** Share of solved/closed tickets reopened once (a few twice) before they were solved for good. */
export const REOPENED_SHARE = 0.08;

const HOUR = 3_600_000;

export const REOPEN_REPLIES = [
  'Sorry, it happened again this morning, exactly the same as before. Could you take another look?',
  'The fix worked for a day, but the problem is back. Nothing changed on our side.',
  'I spoke too soon: two colleagues still see the same issue.',
];
export const REOPEN_FIXES = [
  'Thanks for letting us know. We found a second cause and fixed it too; it should stay fixed now.',
  'You were right, the first fix did not cover every case. It is now fixed for all your users.',
];

const COMMENTS: Record<'good' | 'mixed' | 'bad', readonly string[]> = {
  good: [
    'Quick and friendly, thank you!',
    'Solved on the first reply. Great service.',
    'Very clear explanation, I learned something.',
    'Merci, super rapide !',
    'Exactly what I needed.',
  ],
  mixed: ['It got solved, but it took a few back-and-forths.', 'Fine in the end, the first answer missed the point.', 'OK, though I had to explain twice.'],
  bad: [
    'It took days to get a real answer.',
    'The issue came back and I had to chase it again.',
    'I was asked for the same details three times.',
    'Not solved, I found a workaround myself.',
  ],
};

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

export interface TicketStory {
  /** The first response came within its SLA. */
  firstResponseMet: boolean;
  /** Solved before its resolution due time. */
  resolutionMet: boolean;
  reopenCount: number;
  /** Public agent replies. */
  replyCount: number;
}

/**
 * How many times the ticket is reopened (0 for most); called for solved/closed tickets only.
 */
export const reopenings = (side: Random): number => (side.chance(REOPENED_SHARE) ? (side.chance(0.15) ? 2 : 1) : 0);

/**
 * The customer's answer, or null (most do not answer). CSAT starts high and drops with a missed
 * first response, a late resolution, each reopening and a long exchange; CES and NPS follow CSAT;
 * about a third answer CSAT only, and about four in ten leave a comment matching their score.
 */
export function demoAnswer(side: Random, story: TicketStory, ratedAt: string): Satisfaction | null {
  if (!side.chance(ANSWERED_SHARE)) return null;
  const noise = side.weighted([[-1, 2], [0, 5], [1, 2]] as const);
  const drop = (story.firstResponseMet ? 0 : 1.3) + (story.resolutionMet ? 0 : 0.6) + 1.4 * story.reopenCount + 0.25 * Math.max(0, story.replyCount - 2);
  const csat = clamp(4.6 - drop + noise * 0.8, 1, 5);
  const onlyCsat = side.chance(0.35);
  const ces = onlyCsat ? null : clamp(csat * 1.4 - 0.2 + side.int(-1, 1) - story.reopenCount, 1, 7);
  const nps = onlyCsat ? null : clamp(csat * 2.2 - 1 + side.int(-1, 1), 0, 10);
  const band = csat >= 4 ? 'good' : csat === 3 ? 'mixed' : 'bad';
  const comment = side.chance(0.4) ? side.pick(COMMENTS[band]) : null;
  return { csat, ces, nps, comment, ratedAt };
}

/** When the customer answered: within three days of the solve, and before `now`. */
export const ratedAtFor = (side: Random, solvedMs: number, nowMs: number) => new Date(Math.min(nowMs - 60_000, solvedMs + side.int(1, 72) * HOUR)).toISOString();
