const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact age for dense lists: "now", "12m", "5h", "3d", "7w", "4mo", "2y". */
export function formatAge(iso: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(iso));
  if (ms < MINUTE) return 'now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h`;
  if (ms < 14 * DAY) return `${Math.floor(ms / DAY)}d`;
  if (ms < 60 * DAY) return `${Math.floor(ms / (7 * DAY))}w`;
  if (ms < 365 * DAY) return `${Math.floor(ms / (30 * DAY))}mo`;
  return `${Math.floor(ms / (365 * DAY))}y`;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateThisYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

export const formatClock = (iso: string) => clock.format(Date.parse(iso));
/** A day, with the year only when it is not this one. */
export function formatDate(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  return (new Date(at).getFullYear() === new Date(now).getFullYear() ? dateThisYear : date).format(at);
}
export const formatDateTime = (iso: string) => dateTime.format(Date.parse(iso));
/** For tooltips: the exact moment behind a compact label. */
export const formatFull = (iso: string) => full.format(Date.parse(iso));
