import { useId } from 'react';
import type { Agent } from '../../../shared/model/agent.ts';
import { Priority, TicketStatus, type Ticket } from '../../../shared/model/ticket.ts';
import { statusChangeRefusal } from '../../../shared/rules/status.ts';
import { useCommands } from '../commands/use-commands.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useAssign, useSetPriority, useSetStatus, useSetTeam } from '../data/mutations.ts';
import { useAgents, useTeams } from '../data/queries.ts';
import { priorityLabel, statusLabel } from '../format/labels.ts';
import { TagChips } from './TagChips.tsx';

interface Props {
  ticket: Ticket;
  /** The current assignee, listed even if the directory has not loaded yet. */
  assignee: Agent | null;
  meId: string;
}

/**
 * The ticket's fields. Every change carries the value shown here as its `base`, so that if
 * someone else changed it meanwhile the server tells both agents (a conflict notice).
 */
export function TicketControls({ ticket, assignee, meId }: Props) {
  const statusId = useId();
  const priorityId = useId();
  const assigneeId = useId();
  const teamId = useId();
  const setStatus = useSetStatus();
  const setPriority = useSetPriority();
  const assign = useAssign();
  const setTeam = useSetTeam();
  const agents = useAgents();
  const teams = useTeams();
  const choices = agents.data ?? (assignee ? [assignee] : []);
  const closed = ticket.status === 'closed';
  // The field takes the keyboard; arrows or a letter then pick the value, as in any select.
  const focus = (id: string) => () => document.getElementById(id)?.focus();
  useCommands([
    { id: 'ticket.status', title: 'Change the status', section: 'Ticket', keys: 's', keywords: ['solve', 'pending', 'open', 'hold'], enabled: !closed, run: focus(statusId) },
    { id: 'ticket.priority', title: 'Change the priority', section: 'Ticket', keys: 'p', keywords: ['urgent', 'high', 'low'], enabled: !closed, run: focus(priorityId) },
    { id: 'ticket.assign', title: 'Assign the ticket', section: 'Ticket', keys: 'a', keywords: ['assignee', 'owner', 'agent'], enabled: !closed, run: focus(assigneeId) },
    {
      id: 'ticket.assignMe',
      title: 'Assign the ticket to me',
      section: 'Ticket',
      keywords: ['take', 'mine'],
      enabled: !closed && ticket.assigneeId !== meId,
      run: () => assign.mutate({ ticketId: ticket.id, assigneeId: meId, base: ticket.assigneeId }),
    },
  ]);

  return (
    <div className="ticket-controls">
      <div className="control">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={ticket.status}
          disabled={setStatus.isPending}
          onChange={(e) => setStatus.mutate({ ticketId: ticket.id, status: TicketStatus.parse(e.target.value), base: ticket.status })}
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
        <label htmlFor={priorityId}>Priority</label>
        <select
          id={priorityId}
          value={ticket.priority}
          disabled={closed || setPriority.isPending}
          onChange={(e) => setPriority.mutate({ ticketId: ticket.id, priority: Priority.parse(e.target.value), base: ticket.priority })}
        >
          {Priority.options.map((p) => (
            <option key={p} value={p}>
              {priorityLabel[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={assigneeId}>Assignee</label>
        <select
          id={assigneeId}
          value={ticket.assigneeId ?? ''}
          disabled={closed || assign.isPending}
          onChange={(e) => assign.mutate({ ticketId: ticket.id, assigneeId: e.target.value || null, base: ticket.assigneeId })}
        >
          <option value="">Unassigned</option>
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id === meId ? `${a.name} (me)` : a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={teamId}>Team</label>
        <select
          id={teamId}
          value={ticket.teamId ?? ''}
          disabled={closed || setTeam.isPending}
          onChange={(e) => e.target.value && setTeam.mutate({ ticketId: ticket.id, teamId: e.target.value, base: ticket.teamId })}
        >
          {ticket.teamId === null && <option value="">No team</option>}
          {(teams.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {!closed && ticket.assigneeId !== meId && (
        <button
          type="button"
          className="button-quiet"
          disabled={assign.isPending}
          onClick={() => assign.mutate({ ticketId: ticket.id, assigneeId: meId, base: ticket.assigneeId })}
        >
          Take it
        </button>
      )}
      <TagChips ticketId={ticket.id} tags={ticket.tags} disabled={closed} />
      <ErrorText error={setStatus.error ?? setPriority.error ?? assign.error ?? setTeam.error} className="controls-error" />
    </div>
  );
}
