import type { Ticket } from '../../../shared/model/ticket.ts';
import { currentTimer, slaTimers, type SlaTimer, type SlaTimerState } from '../../../shared/rules/sla.ts';
import { useNow } from '../common/use-now.ts';
import { formatFull } from '../format/time.ts';
import { slaBadgeDescription, slaBadgeText, slaTimerName, type SlaTimerKind } from './format.ts';
import { useSlaPolicy } from './sla-data.ts';
import './sla.css';

/** A shape besides the colour, so no state is told by colour alone. */
const icon: Record<SlaTimerState, string> = { running: '◷', at_risk: '⚠\uFE0E', breached: '✖', met: '✓', missed: '✓' };

type TimedTicket = Pick<Ticket, 'firstResponseDueAt' | 'resolutionDueAt' | 'firstResponseAt' | 'solvedAt'>;

/**
 * One SLA timer: "2h 10m left", "Breached 35m ago", "Met", "Missed by 15m", with an icon and a
 * colour per state, and the whole sentence (which timer, due when, business time left) for screen
 * readers and the tooltip. `compact` (queue rows) leaves out the timer's name and rounds to whole days past a day.
 */
export function SlaBadge({ kind, timer, compact = false }: { kind: SlaTimerKind; timer: SlaTimer; compact?: boolean }) {
  const description = slaBadgeDescription(kind, timer, formatFull);
  return (
    <span className={`sla-badge sla-${timer.state}`} title={description} data-sla-state={timer.state}>
      <span aria-hidden="true" className="sla-icon">
        {icon[timer.state]}
      </span>
      <span aria-hidden="true">
        {!compact && <span className="sla-name">{slaTimerName[kind]} · </span>}
        {slaBadgeText(timer, compact)}
      </span>
      <span className="visually-hidden">{description}</span>
    </span>
  );
}

/** Both timers of an open ticket (its header), ticking every 30 s. */
export function TicketSlaTimers({ ticket }: { ticket: TimedTicket }) {
  const now = useNow(30_000);
  const policy = useSlaPolicy().data ?? undefined;
  const { firstResponse, resolution } = slaTimers(policy, ticket, now);
  if (!firstResponse && !resolution) return null;
  return (
    <div className="sla-timers" aria-label="SLA timers" role="group">
      {firstResponse && <SlaBadge kind="firstResponse" timer={firstResponse} />}
      {resolution && <SlaBadge kind="resolution" timer={resolution} />}
    </div>
  );
}

/** The timer still running on a queue row (first response until given, then resolution); nothing once done. */
/** The timer a queue row shows: the one still running, if any. */
export function useRunningTimer(row: TimedTicket, now: number): { kind: SlaTimerKind; timer: SlaTimer } | null {
  const policy = useSlaPolicy().data ?? undefined;
  const timers = slaTimers(policy, row, now);
  const timer = currentTimer(timers);
  if (!timer || timer.doneAt !== null) return null;
  return { kind: timer === timers.firstResponse ? 'firstResponse' : 'resolution', timer };
}

export function RowSlaBadge({ running }: { running: { kind: SlaTimerKind; timer: SlaTimer } | null }) {
  return running && <SlaBadge kind={running.kind} timer={running.timer} compact />;
}
