import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { TicketStatus } from '../../../shared/model/ticket.ts';
import { useCommands } from '../commands/use-commands.ts';
import { useAgents, useSession } from '../data/queries.ts';
import { queryKeys } from '../data/query-keys.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { statusLabel } from '../format/labels.ts';
import { useUi } from '../state/ui-store.ts';
import { bulkSummary, runBulk, type BulkOutcome } from './selection.ts';
import { useSelectAll } from './use-select-all.ts';

/** Statuses a bulk action sets (new is only a starting state; closing follows solving). */
const BULK_STATUSES: TicketStatus[] = ['open', 'pending', 'on_hold', 'solved'];

/** Reasons, each once with how many tickets it refused. */
function reasonsOf(outcome: BulkOutcome): string[] {
  const counts = new Map<string, number>();
  for (const r of outcome.refused) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => (n > 1 ? `${n} tickets: ${reason}` : reason));
}

/**
 * Actions on the picked tickets: one mutation per ticket through the same procedures as the
 * ticket view, so each is offline-safe and refused (or not) on its own; the bar reports both.
 */
export function BulkBar() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const selectedIds = useUi((s) => s.selectedIds);
  const setSelection = useUi((s) => s.setSelection);
  const session = useSession();
  const agents = useAgents();
  const meId = session.data?.state === 'signed_in' ? session.data.agent.id : null;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ action: string; result: BulkOutcome } | null>(null);
  const [tags, setTags] = useState('');
  const tagInput = useRef<HTMLInputElement>(null);
  const assignId = useId();
  const statusId = useId();
  const tagsId = useId();
  const count = selectedIds.length;
  const selectAll = useSelectAll();

  const run = async (action: string, change: (ticketId: string) => Promise<unknown>) => {
    if (busy || count === 0) return;
    setBusy(true);
    try {
      const result = await runBulk(selectedIds, change);
      setOutcome({ action, result });
    } finally {
      setBusy(false);
      for (const queryKey of [queryKeys.queue, queryKeys.ticket, queryKeys.customer]) void queryClient.invalidateQueries({ queryKey });
    }
  };
  const assign = (assigneeId: string | null, name: string) => run(assigneeId ? `Assign to ${name}` : 'Unassign', (ticketId) => desk.invoke('ticket.assign', { ticketId, assigneeId }));
  const setStatus = (status: TicketStatus) => run(`Status: ${statusLabel[status]}`, (ticketId) => desk.invoke('ticket.setStatus', { ticketId, status }));
  const tagList = () =>
    tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  const changeTags = (procedure: 'ticket.addTags' | 'ticket.removeTags') => {
    const list = tagList();
    if (list.length === 0) {
      tagInput.current?.focus();
      return;
    }
    void run(`${procedure === 'ticket.addTags' ? 'Add' : 'Remove'} tags ${list.join(', ')}`, (ticketId) => desk.invoke(procedure, { ticketId, tags: list })).then(() => setTags(''));
  };
  const merge = () => useUi.getState().openMerge([...selectedIds]);

  const enabled = count > 0 && !busy;
  useCommands([
    ...(meId ? [{ id: 'bulk.assignMe', title: 'Selected tickets: assign to me', section: 'Queue', keywords: ['bulk', 'take'], enabled, run: () => void assign(meId, 'me') }] : []),
    { id: 'bulk.unassign', title: 'Selected tickets: unassign', section: 'Queue', keywords: ['bulk'], enabled, run: () => void assign(null, '') },
    ...(agents.data ?? [])
      .filter((a) => a.id !== meId)
      .map((a) => ({ id: `bulk.assign.${a.id}`, title: `Selected tickets: assign to ${a.name}`, section: 'Queue', keywords: ['bulk'], enabled, run: () => void assign(a.id, a.name) })),
    ...BULK_STATUSES.map((s) => ({ id: `bulk.status.${s}`, title: `Selected tickets: set status ${statusLabel[s]}`, section: 'Queue', keywords: ['bulk'], enabled, run: () => void setStatus(s) })),
    { id: 'bulk.tags', title: 'Selected tickets: add or remove tags…', section: 'Queue', keywords: ['bulk', 'tag'], enabled, run: () => tagInput.current?.focus() },
    { id: 'bulk.merge', title: 'Selected tickets: merge…', section: 'Queue', keywords: ['bulk'], enabled: count > 1 && !busy, run: merge },
  ]);

  if (count === 0 && !outcome) return null;
  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      {count > 0 && (
        <>
          <div className="bulk-row">
            <strong className="bulk-count">{count} selected</strong>
            <button type="button" className="button-quiet" disabled={!enabled || !meId} onClick={() => meId && void assign(meId, 'me')}>
              Assign to me
            </button>
            <button type="button" className="button-quiet" disabled={busy} onClick={() => void selectAll()}>
              Select all in view
            </button>
            <button type="button" className="button-quiet" disabled={count < 2 || busy} onClick={merge}>
              Merge
            </button>
            <button type="button" className="button-quiet" onClick={() => setSelection([])}>
              Clear
            </button>
          </div>
          <div className="bulk-row">
            <label htmlFor={assignId} className="visually-hidden">
              Assign selected to
            </label>
            <select
              id={assignId}
              value=""
              disabled={!enabled}
              onChange={(e) => {
                const id = e.target.value;
                if (id === 'none') void assign(null, '');
                else if (id) void assign(id, agents.data?.find((a) => a.id === id)?.name ?? 'agent');
              }}
            >
              <option value="">Assign to…</option>
              <option value="none">Unassigned</option>
              {(agents.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.id === meId ? `${a.name} (me)` : a.name}
                </option>
              ))}
            </select>
            <label htmlFor={statusId} className="visually-hidden">
              Set status of selected
            </label>
            <select id={statusId} value="" disabled={!enabled} onChange={(e) => e.target.value && void setStatus(e.target.value as TicketStatus)}>
              <option value="">Status…</option>
              {BULK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="bulk-row">
            <label htmlFor={tagsId} className="visually-hidden">
              Tags for selected (comma separated)
            </label>
            <input
              id={tagsId}
              ref={tagInput}
              className="bulk-tags"
              placeholder="tags, comma separated"
              value={tags}
              disabled={busy}
              onChange={(e) => setTags(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  changeTags('ticket.addTags');
                }
              }}
            />
            <button type="button" className="button-quiet" disabled={!enabled} onClick={() => changeTags('ticket.addTags')}>
              Add tags
            </button>
            <button type="button" className="button-quiet" disabled={!enabled} onClick={() => changeTags('ticket.removeTags')}>
              Remove tags
            </button>
          </div>
        </>
      )}
      <div role="status" className="bulk-outcome">
        {busy && 'Working…'}
        {!busy && outcome && (
          <>
            <span>
              {outcome.action}: {bulkSummary(outcome.result)}
            </span>
            {outcome.result.refused.length > 0 && (
              <ul className="bulk-reasons">
                {reasonsOf(outcome.result).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
            <button type="button" className="button-quiet" onClick={() => setOutcome(null)}>
              Dismiss
            </button>
          </>
        )}
      </div>
    </section>
  );
}
