import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ViewSort } from '../../../shared/ipc/features/queues.ts';
import { Channel, Priority, TicketStatus } from '../../../shared/model/ticket.ts';
import { DEFAULT_VIEW_COLUMNS, ViewColumn, type SavedView, type ViewFilter } from '../../../shared/model/view.ts';
import { useCommands } from '../commands/use-commands.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useDeleteView, useSaveView } from '../data/mutations.ts';
import { useAgents, useSession, useTeams } from '../data/queries.ts';
import { channelLabel, priorityLabel, statusLabel } from '../format/labels.ts';
import { useUi } from '../state/ui-store.ts';
import { useCurrentView } from './use-current-view.ts';
import { columnLabel, sortChoices, sortKey } from './view-labels.ts';
import '../styles/queue-views.css';

interface Option {
  value: string;
  label: string;
}

function CheckGroup({ legend, options, value, onChange }: { legend: string; options: Option[]; value: readonly string[]; onChange(next: string[]): void }) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

const words = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
/** An empty choice is no filter at all (the engine refuses a list with nothing picked). */
const list = <T extends string>(values: readonly T[]): T[] | undefined => (values.length ? [...values] : undefined);
const days = (text: string) => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
};

interface Draft {
  name: string;
  shared: boolean;
  statuses: string[];
  priorities: string[];
  teamIds: string[];
  assigneeIds: string[];
  tags: string;
  channels: string[];
  products: string;
  sla: '' | 'breached' | 'at_risk' | 'ok';
  createdDays: string;
  updatedDays: string;
  sort: ViewSort;
  columns: string[];
}

function draftOf(view: SavedView | null): Draft {
  const f = view?.filter ?? {};
  const dayOf = (field: 'createdAt' | 'updatedAt') => String(f.dates?.find((d) => d.field === field)?.withinDays ?? '');
  return {
    name: view?.name ?? '',
    shared: view?.shared ?? false,
    statuses: f.statuses ?? (view ? [] : ['new', 'open', 'pending', 'on_hold']),
    priorities: f.priorities ?? [],
    teamIds: f.teamIds ?? [],
    assigneeIds: f.assigneeIds ?? [],
    tags: (f.tags ?? []).join(', '),
    channels: f.channels ?? [],
    products: (f.products ?? []).join(', '),
    sla: f.sla ?? '',
    createdDays: dayOf('createdAt'),
    updatedDays: dayOf('updatedAt'),
    sort: view?.sort ?? { field: 'updatedAt', direction: 'desc' },
    columns: view?.columns ?? [...DEFAULT_VIEW_COLUMNS],
  };
}

function filterOf(d: Draft, keep: ViewFilter): ViewFilter {
  const dates = [
    ...(days(d.createdDays) ? [{ field: 'createdAt' as const, withinDays: days(d.createdDays)! }] : []),
    ...(days(d.updatedDays) ? [{ field: 'updatedAt' as const, withinDays: days(d.updatedDays)! }] : []),
  ];
  return {
    statuses: list(d.statuses.map((s) => TicketStatus.parse(s))),
    priorities: list(d.priorities.map((p) => Priority.parse(p))),
    teamIds: list(d.teamIds),
    assigneeIds: list(d.assigneeIds),
    tags: list(words(d.tags).map((t) => t.toLowerCase())),
    channels: list(d.channels.map((c) => Channel.parse(c))),
    products: list(words(d.products)),
    // Accounts have no picker here yet; a view that filters on them keeps its accounts.
    accountIds: keep.accountIds,
    sla: d.sla || undefined,
    dates: dates.length ? dates : undefined,
  };
}

/** Keeps Tab inside the dialog: from its last control to its first, and back with Shift+Tab. */
function trapTab(e: KeyboardEvent<HTMLElement>) {
  const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>('input:not([disabled]), select:not([disabled]), button:not([disabled])')];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Creates or edits a saved view: name, filters, sort, columns, personal or shared. Opened from the queue header or the palette. */
export function ViewEditor() {
  const which = useUi((s) => s.viewEditor);
  if (which === null) return null;
  return <ViewEditorDialog key={which} which={which} />;
}

function ViewEditorDialog({ which }: { which: string }) {
  const titleId = useId();
  const nameId = useId();
  const { views } = useCurrentView();
  const openViewEditor = useUi((s) => s.openViewEditor);
  const showSavedView = useUi((s) => s.showSavedView);
  const setView = useUi((s) => s.setView);
  const session = useSession();
  const agents = useAgents();
  const teams = useTeams();
  const save = useSaveView();
  const remove = useDeleteView();
  const existing = which === 'new' ? null : (views.find((v) => v.id === which)?.saved ?? null);
  const [d, setD] = useState<Draft>(() => draftOf(existing));
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const role = session.data?.state === 'signed_in' ? session.data.agent.role : 'agent';
  const meId = session.data?.state === 'signed_in' ? session.data.agent.id : null;
  const nameRef = useRef<HTMLInputElement>(null);
  const close = () => openViewEditor(null);

  // Focus goes to the name, and back where it was when the editor closes.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    nameRef.current?.focus();
    return () => before?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        ...(existing && { id: existing.id }),
        name: d.name.trim(),
        shared: d.shared,
        filter: filterOf(d, existing?.filter ?? {}),
        sort: d.sort,
        columns: d.columns.map((c) => ViewColumn.parse(c)),
      },
      {
        onSuccess: ({ viewId }) => {
          close();
          showSavedView(viewId);
        },
      },
    );
  };
  const onDelete = () => {
    if (!existing) return;
    remove.mutate(
      { viewId: existing.id },
      {
        onSuccess: () => {
          close();
          setView('mine');
        },
      },
    );
  };

  useCommands([{ id: 'viewEditor.close', title: 'Close the view editor', section: 'Queue', run: close }]);

  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="view-editor"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          } else if (e.key === 'Tab') trapTab(e);
        }}
      >
        <form onSubmit={submit}>
          <h2 id={titleId}>{existing ? `Edit view “${existing.name}”` : 'New view'}</h2>
          <div className="field">
            <label htmlFor={nameId}>Name</label>
            <input id={nameId} ref={nameRef} required maxLength={100} value={d.name} onChange={(e) => set('name')(e.target.value)} />
          </div>
          <label className="check">
            <input type="checkbox" checked={d.shared} disabled={role === 'agent'} onChange={(e) => set('shared')(e.target.checked)} />
            Shared with everyone {role === 'agent' && '(leads and admins only)'}
          </label>
          <div className="filter-grid">
            <CheckGroup legend="Status" options={TicketStatus.options.map((s) => ({ value: s, label: statusLabel[s] }))} value={d.statuses} onChange={set('statuses')} />
            <CheckGroup legend="Priority" options={Priority.options.map((p) => ({ value: p, label: priorityLabel[p] }))} value={d.priorities} onChange={set('priorities')} />
            <CheckGroup
              legend="Team"
              options={[{ value: 'mine', label: 'My teams' }, { value: 'none', label: 'No team' }, ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))]}
              value={d.teamIds}
              onChange={set('teamIds')}
            />
            <CheckGroup
              legend="Assignee"
              options={[
                { value: 'me', label: 'Me' },
                { value: 'none', label: 'Unassigned' },
                ...(agents.data ?? []).filter((a) => a.id !== meId).map((a) => ({ value: a.id, label: a.name })),
              ]}
              value={d.assigneeIds}
              onChange={set('assigneeIds')}
            />
            <CheckGroup legend="Channel" options={Channel.options.map((c) => ({ value: c, label: channelLabel[c] }))} value={d.channels} onChange={set('channels')} />
            <fieldset className="check-group">
              <legend>More</legend>
              <label className="field">
                Tags (any of, comma separated)
                <input value={d.tags} onChange={(e) => set('tags')(e.target.value)} />
              </label>
              <label className="field">
                Products (comma separated)
                <input value={d.products} onChange={(e) => set('products')(e.target.value)} />
              </label>
              <label className="field">
                SLA
                <select value={d.sla} onChange={(e) => set('sla')(e.target.value as Draft['sla'])}>
                  <option value="">Any</option>
                  <option value="breached">Breached</option>
                  <option value="at_risk">At risk</option>
                  <option value="ok">On track or none</option>
                </select>
              </label>
              <label className="field">
                Created within (days)
                <input type="number" min={1} max={3650} value={d.createdDays} onChange={(e) => set('createdDays')(e.target.value)} />
              </label>
              <label className="field">
                Updated within (days)
                <input type="number" min={1} max={3650} value={d.updatedDays} onChange={(e) => set('updatedDays')(e.target.value)} />
              </label>
            </fieldset>
          </div>
          <label className="field">
            Sort
            <select value={sortKey(d.sort)} onChange={(e) => set('sort')(sortChoices.find((c) => sortKey(c.sort) === e.target.value)?.sort ?? d.sort)}>
              {sortChoices.map((c) => (
                <option key={sortKey(c.sort)} value={sortKey(c.sort)}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <CheckGroup legend="Columns (the subject is always shown)" options={ViewColumn.options.map((c) => ({ value: c, label: columnLabel[c] }))} value={d.columns} onChange={set('columns')} />
          <ErrorText error={save.error ?? remove.error} />
          <div className="dialog-actions">
            {existing && (
              <button type="button" className="button-danger" disabled={remove.isPending} onClick={onDelete}>
                Delete view
              </button>
            )}
            <button type="button" className="button-quiet" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={save.isPending || d.name.trim() === ''}>
              Save view
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
