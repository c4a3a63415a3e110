import { useId } from 'react';
import { Channel, Priority } from '../../../shared/model/index.ts';
import type { ReportFilter } from '../../../shared/reports/index.ts';
import { useAgents } from '../data/queries.ts';
import { channelLabel, priorityLabel } from '../format/labels.ts';
import { Choice } from './Choice.tsx';
import { useFilterTeams } from './TeamFilter.tsx';

/** Comma-separated words as a list ("billing, refund"); empty: no filter. */
function Words({ label, value, onChange }: { label: string; value: string[] | undefined; onChange(value: string[] | null): void }) {
  const id = useId();
  return (
    <span className="builder-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        placeholder="Any (comma-separated)"
        defaultValue={(value ?? []).join(', ')}
        onBlur={(e) => {
          const words = e.target.value
            .split(',')
            .map((w) => w.trim())
            .filter(Boolean);
          onChange(words.length ? words : null);
        }}
      />
    </span>
  );
}

/** The builder's filters: team, assignee, channel, priority (one each, or any), product and tag (any of a list). */
export function FilterFields({ filter, onChange }: { filter: ReportFilter; onChange(filter: ReportFilter): void }) {
  const teams = useFilterTeams();
  const agents = useAgents();
  const set = <K extends keyof ReportFilter>(key: K, value: ReportFilter[K] | null) => {
    const next = { ...filter };
    if (value === null) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <fieldset className="builder-filters">
      <legend>Filters</legend>
      <Choice none="Any" label="Team" value={filter.teamIds?.[0]} options={[...teams.map((t) => ({ value: t.id, label: t.name })), { value: 'none', label: 'No team' }]} onChange={(v) => set('teamIds', v ? [v] : null)} />
      <Choice none="Any" label="Assignee" value={filter.assigneeIds?.[0]} options={[...(agents.data ?? []).map((a) => ({ value: a.id, label: a.name })), { value: 'none', label: 'Unassigned' }]} onChange={(v) => set('assigneeIds', v ? [v] : null)} />
      <Choice none="Any" label="Channel" value={filter.channels?.[0]} options={Channel.options.map((c) => ({ value: c, label: channelLabel[c] }))} onChange={(v) => set('channels', v ? [v as Channel] : null)} />
      <Choice none="Any" label="Priority" value={filter.priorities?.[0]} options={Priority.options.map((p) => ({ value: p, label: priorityLabel[p] }))} onChange={(v) => set('priorities', v ? [v as Priority] : null)} />
      <Words label="Product" value={filter.products} onChange={(v) => set('products', v)} />
      <Words label="Tag" value={filter.tags} onChange={(v) => set('tags', v)} />
    </fieldset>
  );
}
