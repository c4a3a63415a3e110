import { useId } from 'react';
import type { ReportRange } from '../../../shared/reports/index.ts';

const PRESETS = [
  { days: 1, label: 'Today' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
] as const;

/** Today's calendar date in the agent's time zone (what a custom range starts from). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00`);
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A range in words: "Last 7 days", "Today", "2026-11-01 to 2026-11-15". */
export function rangeLabel(range: ReportRange): string {
  if ('lastDays' in range) return PRESETS.find((p) => p.days === range.lastDays)?.label ?? `Last ${range.lastDays} days`;
  return `${range.from} to ${range.to}`;
}

/** Today, the last 7, 30 or 90 days, or fixed dates. */
export function RangePicker({ range, onChange, label = 'Range' }: { range: ReportRange; onChange(range: ReportRange): void; label?: string }) {
  const id = useId();
  const value = 'lastDays' in range ? String(range.lastDays) : 'custom';
  return (
    <span className="range-picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'custom') {
            const to = today();
            onChange({ from: daysBefore(to, 'lastDays' in range ? range.lastDays - 1 : 6), to });
          } else onChange({ lastDays: Number(v) });
        }}
      >
        {PRESETS.map((p) => (
          <option key={p.days} value={p.days}>
            {p.label}
          </option>
        ))}
        {value !== 'custom' && !PRESETS.some((p) => String(p.days) === value) && <option value={value}>{rangeLabel(range)}</option>}
        <option value="custom">Custom dates…</option>
      </select>
      {'from' in range && (
        <>
          <label>
            From <input type="date" value={range.from} max={range.to} required onChange={(e) => e.target.value && onChange({ from: e.target.value, to: range.to < e.target.value ? e.target.value : range.to })} />
          </label>
          <label>
            To <input type="date" value={range.to} min={range.from} required onChange={(e) => e.target.value && onChange({ from: range.from > e.target.value ? e.target.value : range.from, to: e.target.value })} />
          </label>
        </>
      )}
    </span>
  );
}
