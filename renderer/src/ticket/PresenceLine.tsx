import type { TicketPresence } from '../../../shared/ipc/presence.ts';

const doing = { viewing: 'is viewing', replying: 'is replying…' } as const;

/** "Priya Raman is replying…": who else is on this ticket right now (a status region, so screen readers hear changes). */
export function PresenceLine({ agents }: { agents: TicketPresence['agents'] }) {
  return (
    <div className="ticket-presence" role="status" aria-label="Also on this ticket">
      {agents.map((a) => (
        <span key={a.agentId} className={`presence presence-${a.state}`}>
          {a.name} {doing[a.state]}
        </span>
      ))}
    </div>
  );
}
