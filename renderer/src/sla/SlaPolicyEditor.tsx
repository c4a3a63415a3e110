import { useEffect, useId, useRef, useState } from 'react';
import type { Role } from '../../../shared/model/index.ts';
import { Priority, priorityLabel, type SlaPolicy } from '../../../shared/model/index.ts';
import { useCommands } from '../commands/use-commands.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { formatSlaDuration } from './format.ts';
import { fromForm, toForm, WEEKDAY_NAMES, type PolicyForm } from './policy-form.ts';
import { useSaveSlaPolicy, useSlaPolicy } from './sla-data.ts';
import './sla.css';

const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Registers 'sla.editPolicy' (admins only) and shows the editor while it is open. Mounted once by the workspace. */
export function SlaPolicyEditorHost({ role }: { role: Role }) {
  const [open, setOpen] = useState(false);
  useCommands([{ id: 'sla.editPolicy', title: 'Edit the SLA policy', section: 'Admin', keywords: ['sla', 'business hours', 'targets', 'holidays'], enabled: role === 'admin', run: () => setOpen(true) }]);
  return open && role === 'admin' ? <SlaPolicyEditor onClose={() => setOpen(false)} /> : null;
}

export function SlaPolicyEditor({ onClose }: { onClose(): void }) {
  const policy = useSlaPolicy();
  // Focus goes back where it was (the queue, the ticket) when the editor closes.
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="sla-editor-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="sla-editor" role="dialog" aria-modal="true" aria-labelledby="sla-editor-title" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
        <h2 id="sla-editor-title">SLA policy</h2>
        {policy.data === undefined ? (
          policy.error ? <ErrorText error={policy.error} /> : <p>Loading…</p>
        ) : policy.data === null ? (
          <p>
            The policy has not reached this workstation yet; try again after the next sync.{' '}
            <button type="button" onClick={onClose}>
              Close
            </button>
          </p>
        ) : (
          <PolicyFormView policy={policy.data} onClose={onClose} />
        )}
      </div>
    </div>
  );
}

function PolicyFormView({ policy, onClose }: { policy: SlaPolicy; onClose(): void }) {
  const [form, setForm] = useState<PolicyForm>(() => toForm(policy));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveSlaPolicy();
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<PolicyForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = fromForm(form);
    if (!parsed.ok) return setProblem(parsed.error);
    setProblem(null);
    save.mutate(parsed.value, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate>
      <label>
        Name
        <input ref={first} value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        Time zone
        <input value={form.timeZone} list={`${id}-zones`} onChange={(e) => set({ timeZone: e.target.value })} />
      </label>
      <datalist id={`${id}-zones`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <fieldset>
        <legend>Business hours (e.g. 09:00-12:00, 13:00-17:00; empty: day off)</legend>
        {WEEKDAY_NAMES.map((day, i) => (
          <label key={day}>
            {day}
            <input value={form.week[i] ?? ''} onChange={(e) => set({ week: form.week.map((w, j) => (j === i ? e.target.value : w)) })} />
          </label>
        ))}
      </fieldset>
      <label>
        Holidays (YYYY-MM-DD, one per line)
        <textarea rows={4} value={form.holidays} onChange={(e) => set({ holidays: e.target.value })} />
      </label>
      <fieldset>
        <legend>Targets in business minutes (empty: no target)</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">First response</th>
              <th scope="col">Resolution</th>
            </tr>
          </thead>
          <tbody>
            {Priority.options.toReversed().map((pr) => (
              <tr key={pr}>
                <th scope="row">{priorityLabel[pr]}</th>
                {(['firstResponse', 'resolution'] as const).map((which) => {
                  const value = form.targets[pr][which];
                  const n = Number(value);
                  return (
                    <td key={which}>
                      <input
                        inputMode="numeric"
                        aria-label={`${priorityLabel[pr]} ${which === 'firstResponse' ? 'first response' : 'resolution'} target, minutes`}
                        value={value}
                        onChange={(e) => set({ targets: { ...form.targets, [pr]: { ...form.targets[pr], [which]: e.target.value } } })}
                      />{' '}
                      <span className="hint">{value && Number.isInteger(n) && n > 0 ? formatSlaDuration(n) : ''}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <label>
        At risk in the last (minutes)
        <input inputMode="numeric" value={form.atRiskMinutes} onChange={(e) => set({ atRiskMinutes: e.target.value })} />
      </label>
      <p className="hint">New due times apply to tickets created or re-prioritised from now on.</p>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      {save.error && <ErrorText error={save.error} />}
      <div className="sla-editor-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" disabled={save.isPending}>
          Save policy
        </button>
      </div>
    </form>
  );
}
