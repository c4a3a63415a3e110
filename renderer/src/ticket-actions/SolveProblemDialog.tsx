import { useId, useState, type FormEvent } from 'react';
import type { TicketSummary } from '../../../shared/ipc/views.ts';
import type { Ticket } from '../../../shared/model/ticket.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { ticketNumberLabel } from '../format/labels.ts';
import { useSolveProblem } from './data.ts';
import { useModal } from '../common/use-modal.ts';

/** Solves a problem ticket with one public reply sent to each of its unsolved incidents, optionally solving them too. */
export function SolveProblemDialog({ problem, openIncidents, open, onClose }: { problem: Ticket; openIncidents: TicketSummary[]; open: boolean; onClose(): void }) {
  const ref = useModal(open);
  return (
    <dialog ref={ref} aria-labelledby="solve-problem-title" className="modal action-dialog" onClose={onClose}>
      {open && <SolveProblemForm problem={problem} openIncidents={openIncidents} onDone={onClose} />}
    </dialog>
  );
}

function SolveProblemForm({ problem, openIncidents, onDone }: { problem: Ticket; openIncidents: TicketSummary[]; onDone(): void }) {
  const bodyId = useId();
  const solve = useSolveProblem();
  const [body, setBody] = useState('');
  const [solveIncidents, setSolveIncidents] = useState(true);
  const count = openIncidents.length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (count > 0 && !body.trim()) return;
    solve.mutate({ problemId: problem.id, body: body.trim() ? body : null, solveIncidents }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="action-form">
      <h2 id="solve-problem-title">Solve problem {ticketNumberLabel(problem.number)}</h2>
      <p className="pane-note">
        {count === 0
          ? 'Every incident is already solved; the problem is solved without a reply.'
          : `One public reply goes to each of its ${count} unsolved incident${count === 1 ? '' : 's'}: ${openIncidents.map((t) => ticketNumberLabel(t.number)).join(', ')}.`}
      </p>
      <label htmlFor={bodyId}>Reply to the incidents’ customers</label>
      <textarea id={bodyId} value={body} onChange={(e) => setBody(e.target.value)} rows={6} maxLength={100_000} required={count > 0} />
      <label className="checkbox-line">
        <input type="checkbox" checked={solveIncidents} onChange={(e) => setSolveIncidents(e.target.checked)} /> Solve the incidents too
      </label>
      <ErrorText error={solve.error} />
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={solve.isPending || (count > 0 && !body.trim())}>
          {count > 0 ? `Reply to ${count} incident${count === 1 ? '' : 's'} and solve` : 'Solve problem'}
        </button>
      </div>
    </form>
  );
}
