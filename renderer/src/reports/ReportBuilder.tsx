import { useEffect, useId, useState } from 'react';
import { METRICS, ReportDefinition, ReportMetric, type ReportDimension, type SavedReport } from '../../../shared/reports/index.ts';
import { reportEditRefusal } from '../../../shared/rules/permissions.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useSession } from '../data/queries.ts';
import { CHART_LABELS, chartsFor, FIRST_DIMENSIONS, secondDimensions, withGroupBy, withMetric } from './builder-rules.ts';
import { Choice } from './Choice.tsx';
import { dimensionLabel } from './dimensions.ts';
import { FilterFields } from './FilterFields.tsx';
import { RangePicker } from './RangePicker.tsx';
import { ReportView } from './ReportView.tsx';
import { useReport, useSaveReport } from './report-data.ts';
import { useReports } from './reports-store.ts';

export const NEW_DEFINITION: ReportDefinition = { metric: 'created', groupBy: [], range: { lastDays: 30 }, filter: {}, chart: 'number' };

const dimensionOptions = (dimensions: readonly ReportDimension[]) => dimensions.map((d) => ({ value: d, label: dimensionLabel(d) }));

/** The first issue of a definition in words, or null when the engine may run it. */
function problemOf(definition: ReportDefinition): string | null {
  const parsed = ReportDefinition.safeParse(definition);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This report is not valid.');
}

/**
 * Builds a custom report: metric (with what it means), up to two dimensions (the second only once
 * the first is chosen, never two time buckets), chart, range and filters, with a live preview; saves
 * it with a name, personal or shared, pinned to the dashboard or not.
 */
export function ReportBuilder({ saved }: { saved: SavedReport | null }) {
  const ids = { metric: useId(), metricHelp: useId(), name: useId() };
  const [definition, setDefinition] = useState<ReportDefinition>(saved?.definition ?? NEW_DEFINITION);
  const [name, setName] = useState(saved?.name ?? '');
  const [shared, setShared] = useState(saved?.shared ?? false);
  const [pinned, setPinned] = useState(saved?.pinned ?? false);
  /** "Saved." for the report it was said of (the builder moves on to a new report's id once saved). */
  const [note, setNote] = useState<{ forId: string; text: string } | null>(null);
  const edit = useReports((s) => s.edit);
  const save = useSaveReport();
  const session = useSession();
  const agent = session.data?.state === 'signed_in' ? session.data.agent : null;
  const isAgent = agent?.role === 'agent';
  // A report the agent may not change (a shared one, for an agent) is saved as a new personal one.
  const mayChange = !!saved && !!agent && reportEditRefusal(agent.role, agent.id, saved) === null;
  const targetId = mayChange ? saved.id : null;

  // Another report picked for editing: start from it.
  const savedId = saved?.id ?? null;
  useEffect(() => {
    setDefinition(saved?.definition ?? NEW_DEFINITION);
    setName(saved?.name ?? '');
    setShared(saved?.shared ?? false);
    setPinned(saved?.pinned ?? false);
    // Only when the subject changes, not each time the saved list refreshes.
  }, [savedId]);

  const problem = problemOf(definition);
  const preview = useReport(problem ? null : definition);
  const [first = null, second = null] = definition.groupBy as (ReportDimension | undefined)[];
  const seconds = secondDimensions(first);
  const change = (next: ReportDefinition) => {
    setDefinition(next);
    setNote(null);
  };

  const onSave = (e: React.FormEvent) => {
    e.preventDefault();
    if (problem) return;
    save.mutate(
      { ...(targetId && { id: targetId }), name: name.trim(), shared: shared && !isAgent, pinned, definition },
      {
        onSuccess: ({ reportId }) => {
          setNote({ forId: reportId, text: pinned ? 'Saved and pinned to your dashboard.' : 'Saved.' });
          if (reportId !== savedId) edit(reportId);
        },
      },
    );
  };

  return (
    <div className="report-builder">
      <form className="builder-form" onSubmit={onSave} aria-label={savedId ? 'Edit report' : 'New report'}>
        <span className="builder-field">
          <label htmlFor={ids.metric}>Metric</label>
          <select id={ids.metric} aria-describedby={ids.metricHelp} value={definition.metric} onChange={(e) => change(withMetric(definition, e.target.value as ReportMetric))}>
            {ReportMetric.options.map((m) => (
              <option key={m} value={m}>
                {METRICS[m].label}
              </option>
            ))}
          </select>
          <span id={ids.metricHelp} className="builder-help">
            {METRICS[definition.metric].description}
          </span>
        </span>
        <Choice label="Group by" none="Nothing (one number)" value={first} options={dimensionOptions(FIRST_DIMENSIONS)} onChange={(v) => change(withGroupBy(definition, v as ReportDimension | null, second))} />
        <Choice label="Then by" none="Nothing" value={second} disabled={!first} options={dimensionOptions(seconds)} onChange={(v) => change(withGroupBy(definition, first, v as ReportDimension | null))} />
        <Choice label="Chart" value={definition.chart} options={chartsFor(definition.metric, definition.groupBy).map((c) => ({ value: c, label: CHART_LABELS[c] }))} onChange={(v) => v && change({ ...definition, chart: v as ReportDefinition['chart'] })} />
        <RangePicker range={definition.range} onChange={(range) => change({ ...definition, range })} />
        <FilterFields key={savedId ?? 'new'} filter={definition.filter} onChange={(filter) => change({ ...definition, filter })} />
        <fieldset className="builder-save">
          <legend>Save</legend>
          <span className="builder-field">
            <label htmlFor={ids.name}>Name</label>
            <input id={ids.name} type="text" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </span>
          <label className="check">
            <input type="checkbox" checked={shared && !isAgent} disabled={isAgent} onChange={(e) => setShared(e.target.checked)} /> Shared with everyone {isAgent && '(leads and admins only)'}
          </label>
          <label className="check">
            <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} /> Pin to my dashboard
          </label>
          <button type="submit" className="button-primary" disabled={!!problem || !name.trim() || save.isPending}>
            {targetId ? 'Save changes' : saved ? 'Save as a new report' : 'Save report'}
          </button>
          {note && note.forId === savedId && (
            <span role="status" className="muted">
              {note.text}
            </span>
          )}
          <ErrorText error={save.error} />
        </fieldset>
      </form>
      <div className="builder-preview">
        <h2 className="reports-subheading">Preview</h2>
        {problem ? (
          <p className="report-error" role="alert">
            {problem}
          </p>
        ) : (
          <ReportView key={`${definition.chart}|${definition.groupBy.join()}`} title={name.trim() || METRICS[definition.metric].label} definition={definition} result={preview.data} error={preview.error?.message} />
        )}
      </div>
    </div>
  );
}
