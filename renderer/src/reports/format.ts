import { METRICS, type MetricUnit, type ReportMetric, type ReportValue } from '../../../shared/reports/index.ts';

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A count as people read it: 1,234. */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** Minutes as "45 m", "3 h 12 m", "2 d 4 h" (a median, so whole minutes are precise enough). */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} m`;
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? `${h} h` : `${h} h ${rest} m`;
  }
  const hours = Math.round(m / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** A metric's value in its unit; null (no data) as "—". Percent and NPS come as 0–100 and −100–100, effort as 1–7. */
export function formatValue(unit: MetricUnit, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'tickets':
      return formatCount(value);
    case 'minutes':
      return formatMinutes(value);
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'nps': {
      const n = Math.round(value);
      return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
    }
    case 'score':
      return `${oneDecimal.format(value)} / 7`;
  }
}

/** "from 1,234 tickets" (or answers, for the survey metrics). */
export function formatSample(metric: ReportMetric, sample: number): string {
  const survey = METRICS[metric].anchor === 'ratedAt';
  const noun = survey ? (sample === 1 ? 'answer' : 'answers') : sample === 1 ? 'ticket' : 'tickets';
  return `from ${formatCount(sample)} ${noun}`;
}

/** Why a value is missing, in words. */
export function noDataReason(metric: ReportMetric): string {
  switch (METRICS[metric].anchor) {
    case 'ratedAt':
      return 'No survey answers in this period.';
    case 'solvedAt':
      return 'No tickets solved in this period.';
    default:
      return 'No tickets in this period.';
  }
}

export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  direction: TrendDirection;
  /** Whether the change is good news (by METRICS.higherIsBetter); null when flat. */
  good: boolean | null;
  /** "Up 12% from 1,100 in the previous period", for the tile and screen readers. */
  words: string;
}

/** The change from the previous period, or null when either period has no value. */
export function trendOf(metric: ReportMetric, current: ReportValue, previous: ReportValue | null): Trend | null {
  if (!previous || previous.value === null || current.value === null) return null;
  const info = METRICS[metric];
  const before = formatValue(info.unit, previous.value);
  const delta = current.value - previous.value;
  if (Math.abs(delta) < 1e-9) return { direction: 'flat', good: null, words: `No change from ${before} in the previous period` };
  const direction: TrendDirection = delta > 0 ? 'up' : 'down';
  const good = delta > 0 === info.higherIsBetter;
  const change =
    info.unit === 'percent' || info.unit === 'nps'
      ? `${oneDecimal.format(Math.abs(delta))} points`
      : previous.value !== 0
        ? `${whole.format(Math.abs((delta / previous.value) * 100))}%`
        : formatValue(info.unit, Math.abs(delta));
  return { direction, good, words: `${direction === 'up' ? 'Up' : 'Down'} ${change} from ${before} in the previous period` };
}

/** An axis tick: short, in one unit ("45 m", "13.3 h", "2.5 d", "80%", "+20", "5.5", "1,200"). */
export function formatAxisValue(unit: MetricUnit, value: number): string {
  if (unit === 'minutes') {
    if (value < 60) return `${Math.round(value)} m`;
    if (value < 24 * 60) return `${oneDecimal.format(value / 60)} h`;
    return `${oneDecimal.format(value / (24 * 60))} d`;
  }
  if (unit === 'score') return oneDecimal.format(value);
  return formatValue(unit, value);
}
