import type { SlaTimer } from '../../../shared/rules/sla.ts';

/** "35m", "2h 10m", "3d 4h" ("3d" when `coarse`, for dense lists): minutes as an agent reads a countdown (rounded down, at least 0m). */
export function formatSlaDuration(minutes: number, coarse = false): string {
  const m = Math.max(0, Math.floor(Math.abs(minutes)));
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 && !coarse ? `${d}d ${h % 24}h` : `${d}d`;
}

/** What a badge says: "2h 10m left", "Breached 35m ago", "Met", "Missed by 15m". */
export function slaBadgeText(timer: SlaTimer, coarse = false): string {
  const d = formatSlaDuration(timer.remainingWallMinutes, coarse);
  switch (timer.state) {
    case 'running':
    case 'at_risk':
      return `${d} left`;
    case 'breached':
      return `Breached ${d} ago`;
    case 'met':
      return 'Met';
    case 'missed':
      return `Missed by ${d}`;
  }
}

export const slaTimerName = { firstResponse: 'First response', resolution: 'Resolution' } as const;
export type SlaTimerKind = keyof typeof slaTimerName;

const stateWords = { running: 'on track', at_risk: 'at risk', breached: 'breached', met: 'met', missed: 'missed' } as const;

/** The full sentence for screen readers and the tooltip. */
export function slaBadgeDescription(kind: SlaTimerKind, timer: SlaTimer, formatTime: (iso: string) => string): string {
  const business = timer.remainingBusinessMinutes;
  const due = `due ${formatTime(timer.dueAt)}`;
  switch (timer.state) {
    case 'running':
    case 'at_risk':
      return `${slaTimerName[kind]} ${stateWords[timer.state]}: ${slaBadgeText(timer)}, ${due}${business === null ? '' : ` (${formatSlaDuration(business)} of business time)`}.`;
    case 'breached':
      return `${slaTimerName[kind]} breached: it was ${due}, ${formatSlaDuration(timer.remainingWallMinutes)} ago.`;
    case 'met':
      return `${slaTimerName[kind]} met: ${due}, done ${formatTime(timer.doneAt as string)}.`;
    case 'missed':
      return `${slaTimerName[kind]} missed: it was ${due}, done ${formatTime(timer.doneAt as string)}.`;
  }
}
