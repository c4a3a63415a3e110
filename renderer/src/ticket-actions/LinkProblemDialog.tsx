import { useState, type FormEvent } from 'react';
import type { TicketSummary } from '../../../shared/ipc/views.ts';
import type { Ticket } from '../../../shared/model/ticket.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { ticketNumberLabel } from '../format/labels.ts';
import { useLinkProblem } from './data.ts';
import { TicketPicker } from './TicketPicker.tsx';
import { useModal } from '../common/use-modal.ts';

/** Links the ticket as an incident of a problem ticket found by number or subject, or unlinks it. */
export function LinkProblemDialog({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose(): void }) {
  const ref = useModal(open);
  return (
    <dialog ref={ref} aria-labelledby="link-problem-title" className="modal action-dialog" onClose={onClose}>
      {open && <LinkProblemForm ticket={ticket} onDone={onClose} />}
    </dialog>
  );
}

function LinkProblemForm({ ticket, onDone }: { ticket: Ticket; onDone(): void }) {
  const link = useLinkProblem();
  const [problem, setProblem] = useState<TicketSummary | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) link.mutate({ ticketId: ticket.id, problemId: problem.id }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="action-form">
      <h2 id="link-problem-title">Link {ticketNumberLabel(ticket.number)} to a problem</h2>
      <p className="pane-note">An incident is solved with its problem: solving the problem offers one reply to all its incidents.</p>
      <TicketPicker
        label="Problem ticket"
        exclude={[ticket.id]}
        selectable={(t) => (t.status === 'closed' ? 'Closed tickets cannot take incidents' : null)}
        value={problem?.id ?? null}
        onPick={setProblem}
      />
      <ErrorText error={link.error} />
      <div className="dialog-actions">
        {ticket.problemId && (
          <button type="button" className="button-quiet" disabled={link.isPending} onClick={() => link.mutate({ ticketId: ticket.id, problemId: null }, { onSuccess: onDone })}>
            Unlink from its problem
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={!problem || link.isPending}>
          {problem ? `Link to ${ticketNumberLabel(problem.number)}` : 'Link'}
        </button>
      </div>
    </form>
  );
}
