import type { SatisfactionStats } from '../../../shared/ipc/views.ts';

/** "80% satisfied (4 of 5) · average 4.2 / 5", or null without a CSAT answer. */
export function statsLine(stats: SatisfactionStats): string | null {
  if (stats.csatAnswers === 0 || stats.average === null) return null;
  const share = Math.round((stats.satisfied / stats.csatAnswers) * 100);
  return `${share}% satisfied (${stats.satisfied} of ${stats.csatAnswers}) · average ${stats.average.toFixed(1)} / 5`;
}

/** The scores of one answer in words: "CSAT 4/5 · effort 6/7 · NPS 9". */
export function scoresLine(answer: { csat: number | null; ces: number | null; nps: number | null }): string {
  return [answer.csat === null ? null : `CSAT ${answer.csat}/5`, answer.ces === null ? null : `effort ${answer.ces}/7`, answer.nps === null ? null : `NPS ${answer.nps}`]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

export const trendLabel = { up: '▲ improving', down: '▼ declining', steady: '▶ steady' } as const;
export const trendTitle = { up: 'More satisfied than in the 90 days before', down: 'Less satisfied than in the 90 days before', steady: 'About as satisfied as in the 90 days before' } as const;
