import { useId, useState, type FormEvent } from 'react';
import { Priority, priorityLabel, statusLabel, TicketStatus, type Macro, type MacroAction } from '../../../shared/model/index.ts';
import { PLACEHOLDERS } from '../../../shared/rules/macro-template.ts';
import { useCommands } from '../commands/use-commands.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useSession } from '../data/queries.ts';
import { describeActions } from './apply-macro.ts';
import { useDeleteMacro, useMacros, useSaveMacro } from './macro-data.ts';
import { closeMacroManager, openMacroManager, useMacroManager } from './macro-manager-store.ts';

const STATUSES = TicketStatus.options.filter((s) => s !== 'new' && s !== 'closed');
const splitTags = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);

interface Form {
  id?: string;
  title: string;
  body: string;
  kind: 'reply' | 'note';
  shared: boolean;
  status: string;
  priority: string;
  addTags: string;
  removeTags: string;
  assignMe: boolean;
  /** Actions the form does not edit (team, assign to someone else) are kept as they were. */
  kept: MacroAction[];
}

const blank: Form = { title: '', body: '', kind: 'reply', shared: false, status: '', priority: '', addTags: '', removeTags: '', assignMe: false, kept: [] };

function toForm(m: Macro): Form {
  const form: Form = { ...blank, id: m.id, title: m.title, body: m.body, kind: m.kind, shared: m.ownerId === null, kept: [] };
  for (const a of m.actions) {
    if (a.type === 'setStatus') form.status = a.status;
    else if (a.type === 'setPriority') form.priority = a.priority;
    else if (a.type === 'addTags') form.addTags = a.tags.join(', ');
    else if (a.type === 'removeTags') form.removeTags = a.tags.join(', ');
    else if (a.type === 'assign' && a.assigneeId === 'me') form.assignMe = true;
    else form.kept.push(a);
  }
  return form;
}

function toActions(f: Form): MacroAction[] {
  const actions: MacroAction[] = [];
  if (f.status) actions.push({ type: 'setStatus', status: TicketStatus.parse(f.status) });
  if (f.priority) actions.push({ type: 'setPriority', priority: Priority.parse(f.priority) });
  if (splitTags(f.addTags).length) actions.push({ type: 'addTags', tags: splitTags(f.addTags) });
  if (splitTags(f.removeTags).length) actions.push({ type: 'removeTags', tags: splitTags(f.removeTags) });
  if (f.assignMe) actions.push({ type: 'assign', assigneeId: 'me' });
  return [...actions, ...f.kept];
}

/** List, create, edit and delete macros. Mounted once in the workspace; opened from the palette or the macro picker. */
export function MacroManager() {
  const open = useMacroManager((s) => s.open);
  useCommands([{ id: 'macro.manage', title: 'Manage macros', section: 'Composer', keywords: ['canned', 'template', 'create macro'], run: openMacroManager }]);
  return open ? <ManagerDialog /> : null;
}

function ManagerDialog() {
  const macros = useMacros();
  const session = useSession();
  const me = session.data?.state === 'signed_in' ? session.data.agent : null;
  const isLead = me?.role === 'lead' || me?.role === 'admin';
  const save = useSaveMacro();
  const remove = useDeleteMacro();
  const [form, setForm] = useState<Form | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const ids = { title: useId(), body: useId(), kind: useId(), status: useId(), priority: useId(), add: useId(), remove: useId() };
  const canEdit = (m: Macro) => (m.ownerId === null ? isLead : m.ownerId === me?.id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    save.mutate(
      { ...(form.id && { id: form.id }), title: form.title, body: form.body, kind: form.kind, shared: form.shared, actions: toActions(form) },
      { onSuccess: () => setForm(null) },
    );
  };
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => f && { ...f, [key]: value });

  return (
    <div
      className="composer-dialog macro-manager"
      role="dialog"
      aria-modal="true"
      aria-label="Macros"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          if (form) setForm(null);
          else closeMacroManager();
        }
      }}
    >
      <header className="macro-manager-head">
        <h2>Macros</h2>
        <button type="button" onClick={() => setForm({ ...blank, shared: false })} disabled={form !== null}>
          New macro
        </button>
        <button type="button" onClick={closeMacroManager}>
          Close
        </button>
      </header>
      <ErrorText error={macros.error ?? remove.error} />
      {form ? (
        <form className="macro-form" onSubmit={submit} aria-label={form.id ? 'Edit macro' : 'New macro'}>
          <label htmlFor={ids.title}>Title</label>
          <input id={ids.title} value={form.title} required maxLength={200} autoFocus onChange={(e) => set('title', e.target.value)} />
          <label htmlFor={ids.kind}>Goes in as</label>
          <select id={ids.kind} value={form.kind} onChange={(e) => set('kind', e.target.value === 'note' ? 'note' : 'reply')}>
            <option value="reply">Public reply</option>
            <option value="note">Internal note</option>
          </select>
          <label htmlFor={ids.body}>Text</label>
          <textarea id={ids.body} rows={6} value={form.body} maxLength={20_000} onChange={(e) => set('body', e.target.value)} />
          <p className="composer-hint">Placeholders: {PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}</p>
          <label htmlFor={ids.status}>Set status</label>
          <select id={ids.status} value={form.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">(leave)</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.priority}>Set priority</label>
          <select id={ids.priority} value={form.priority} onChange={(e) => set('priority', e.target.value)}>
            <option value="">(leave)</option>
            {Priority.options.map((p) => (
              <option key={p} value={p}>
                {priorityLabel[p]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.add}>Add tags</label>
          <input id={ids.add} value={form.addTags} onChange={(e) => set('addTags', e.target.value)} placeholder="comma separated" />
          <label htmlFor={ids.remove}>Remove tags</label>
          <input id={ids.remove} value={form.removeTags} onChange={(e) => set('removeTags', e.target.value)} placeholder="comma separated" />
          <label className="checkbox">
            <input type="checkbox" checked={form.assignMe} onChange={(e) => set('assignMe', e.target.checked)} /> Assign to whoever applies it
          </label>
          <label className="checkbox" title={isLead ? undefined : 'Only a lead or an admin can share macros'}>
            <input type="checkbox" checked={form.shared} disabled={!isLead} onChange={(e) => set('shared', e.target.checked)} /> Shared with everyone
          </label>
          <ErrorText error={save.error} />
          <div className="composer-dialog-actions">
            <button type="submit" className="button-primary" disabled={save.isPending}>
              Save macro
            </button>
            <button type="button" onClick={() => setForm(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <ul className="macro-list" aria-label="All macros">
          {(macros.data ?? []).map((m) => (
            <li key={m.id} className="macro-row">
              <span className="macro-title">{m.title}</span>
              <span className="macro-meta">
                {m.kind === 'note' ? 'Internal note' : 'Public reply'} · {m.ownerId === null ? 'shared' : 'personal'}
                {m.actions.length > 0 && ` · ${describeActions(m)}`}
              </span>
              {canEdit(m) && (
                <span className="macro-row-actions">
                  <button type="button" aria-label={`Edit ${m.title}`} onClick={() => setForm(toForm(m))}>
                    Edit
                  </button>
                  {confirmDelete === m.id ? (
                    <button type="button" aria-label={`Really delete ${m.title}`} onClick={() => remove.mutate(m.id, { onSettled: () => setConfirmDelete(null) })}>
                      Really delete?
                    </button>
                  ) : (
                    <button type="button" aria-label={`Delete ${m.title}`} onClick={() => setConfirmDelete(m.id)}>
                      Delete
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
          {macros.data?.length === 0 && <li className="pane-note">No macros yet.</li>}
        </ul>
      )}
    </div>
  );
}
