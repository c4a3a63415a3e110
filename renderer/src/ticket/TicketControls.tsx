import { useId } from 'react';
import type { Ticket } from '../../../shared/model/ticket.ts';
import { TicketStatus } from '../../../shared/model/ticket.ts';
import type { Agent } from '../../../shared/model/agent.ts';
import { statusChangeRefusal } from '../../../shared/rules/status.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useAssign, useSetStatus } from '../data/mutations.ts';
import { useAgents } from '../data/queries.ts';
import { statusLabel } from '../format/labels.ts';

interface Props {
  ticket: Ticket;
  /** The current assignee, listed even if the directory has not loaded yet. */
  assignee: Agent | null;
  meId: string;
}

export function TicketControls({ ticket, assignee, meId }: Props) {
  const statusId = useId();
  const assigneeId = useId();
  const setStatus = useSetStatus();
  const assign = useAssign();
  const agents = useAgents();
  const choices = agents.data ?? (assignee ? [assignee] : []);

  return (
    <div className="ticket-controls">
      <div className="control">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={ticket.status}
          disabled={setStatus.isPending}
          onChange={(e) => setStatus.mutate({ ticketId: ticket.id, status: TicketStatus.parse(e.target.value) })}
        >
          {TicketStatus.options.map((s) => {
            const refusal = statusChangeRefusal(ticket.status, s);
            return (
              <option key={s} value={s} disabled={refusal !== null} title={refusal ?? undefined}>
                {statusLabel[s]}
              </option>
            );
          })}
        </select>
      </div>
      <div className="control">
        <label htmlFor={assigneeId}>Assignee</label>
        <select
          id={assigneeId}
          value={ticket.assigneeId ?? ''}
          disabled={assign.isPending}
          onChange={(e) => assign.mutate({ ticketId: ticket.id, assigneeId: e.target.value || null })}
        >
          <option value="">Unassigned</option>
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id === meId ? `${a.name} (me)` : a.name}
            </option>
          ))}
        </select>
      </div>
      {ticket.assigneeId !== meId && (
        <button type="button" className="button-quiet" disabled={assign.isPending} onClick={() => assign.mutate({ ticketId: ticket.id, assigneeId: meId })}>
          Take it
        </button>
      )}
      <ErrorText error={setStatus.error ?? assign.error} className="controls-error" />
    </div>
  );
}
