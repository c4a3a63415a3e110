import { useQueries } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TicketSummary } from '../../../shared/ipc/views.ts';
import { MAX_MERGE_SOURCES } from '../../../shared/mutators/ticket-merge.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from '../data/query-keys.ts';
import { statusLabel, ticketNumberLabel } from '../format/labels.ts';
import { useUi } from '../state/ui-store.ts';
import { useMerge } from './data.ts';
import { TicketPicker } from './TicketPicker.tsx';
import { useModal } from '../common/use-modal.ts';
import './ticket-actions.css';

interface Candidate {
  id: string;
  number: number | null;
  subject: string;
  status: TicketSummary['status'];
  mergedIntoId?: string | null;
}

const refusal = (t: Pick<Candidate, 'status' | 'mergedIntoId'>) => (t.mergedIntoId ? 'Already merged' : t.status === 'closed' ? 'Closed tickets cannot take part in a merge' : null);

/**
 * Merges tickets: opened with the tickets to merge (one from the ticket, several from the queue's
 * bulk selection). The agent picks the survivor among them or finds another ticket; every other
 * ticket is merged into it. Mounted once in the workspace.
 */
export function MergeDialog() {
  const ids = useUi((s) => s.mergeTicketIds);
  const close = useUi((s) => s.closeMerge);
  const ref = useModal(ids !== null);
  return (
    <dialog ref={ref} aria-labelledby="merge-title" className="modal action-dialog" onClose={close}>
      {ids && <MergeForm key={ids.join(',')} ids={ids} onDone={close} />}
    </dialog>
  );
}

function MergeForm({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const desk = useDesk();
  const openTicket = useUi((s) => s.openTicket);
  const merge = useMerge();
  const details = useQueries({ queries: ids.map((id) => ({ queryKey: queryKeys.ticketDetail(id), queryFn: () => desk.invoke('ticket.get', { id }) })) });
  const chosen: Candidate[] = details.flatMap((d) => (d.data ? [d.data.ticket] : []));
  const [other, setOther] = useState<Candidate | null>(null);
  const [survivorId, setSurvivorId] = useState<string | null>(ids.length > 1 ? (ids[0] ?? null) : null);
  const candidates = other ? [...chosen, other] : chosen;
  const survivor = candidates.find((c) => c.id === survivorId) ?? null;
  const sources = chosen.filter((c) => c.id !== survivorId);
  const blocked = sources.find((s) => refusal(s) !== null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!survivor || sources.length === 0 || blocked) return;
    merge.mutate(
      { sourceIds: sources.map((s) => s.id), targetId: survivor.id },
      {
        onSuccess: () => {
          onDone();
          openTicket(survivor.id);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="action-form">
      <h2 id="merge-title">Merge tickets</h2>
      <p className="pane-note">The other tickets are closed and point to the one that stays; their messages, tags and followers move to it.</p>
      {ids.length > MAX_MERGE_SOURCES + 1 && <p role="alert" className="error-text">At most {MAX_MERGE_SOURCES} tickets can be merged at once.</p>}
      {ids.length === 1 && chosen[0] && (
        <p>
          Merging <span className="ticket-number">{ticketNumberLabel(chosen[0].number)}</span> {chosen[0].subject}
        </p>
      )}
      <fieldset className="merge-survivor" hidden={ids.length === 1}>
        <legend>Keep this ticket</legend>
        {candidates.map((c) => (
          <label key={c.id} className="picker-result">
            <input type="radio" name="merge-survivor" checked={survivorId === c.id} disabled={refusal(c) !== null} onChange={() => setSurvivorId(c.id)} />
            <span className="ticket-number">{ticketNumberLabel(c.number)}</span> <span>{c.subject}</span> <span className="muted">{statusLabel[c.status]}</span>
          </label>
        ))}
      </fieldset>
      <TicketPicker
        label={ids.length === 1 ? 'Into ticket' : 'Or merge into another ticket'}
        exclude={ids}
        selectable={(t) => refusal(t)}
        value={other?.id ?? null}
        onPick={(t) => {
          setOther(t);
          setSurvivorId(t.id);
        }}
      />
      {blocked && <p className="error-text">{`${ticketNumberLabel(blocked.number)}: ${refusal(blocked) ?? ''}`}</p>}
      <ErrorText error={merge.error} />
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={!survivor || sources.length === 0 || blocked !== undefined || merge.isPending}>
          {survivor && sources.length > 0 ? `Merge ${sources.map((s) => ticketNumberLabel(s.number)).join(', ')} into ${ticketNumberLabel(survivor.number)}` : 'Merge'}
        </button>
      </div>
    </form>
  );
}
