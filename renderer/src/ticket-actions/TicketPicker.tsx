import { useDeferredValue, useId, useState } from 'react';
import type { TicketSummary } from '../../../shared/ipc/views.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { statusLabel, ticketNumberLabel } from '../format/labels.ts';
import { useFindTickets } from './data.ts';

/** Type a number (#12) or words of a subject; pick one ticket of the results (radio buttons: arrows move, Space picks). */
export function TicketPicker({
  label,
  exclude,
  selectable = () => null,
  value,
  onPick,
}: {
  label: string;
  /** Tickets not offered (e.g. the ones being merged). */
  exclude: readonly string[];
  /** Why a ticket cannot be picked, or null. */
  selectable?: (t: TicketSummary) => string | null;
  value: string | null;
  onPick(ticket: TicketSummary): void;
}) {
  const fieldId = useId();
  const name = useId();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const found = useFindTickets(deferred);
  const results = (found.data ?? []).filter((t) => !exclude.includes(t.id));

  return (
    <div className="ticket-picker">
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="#number or subject" maxLength={200} autoComplete="off" />
      <ErrorText error={found.error} />
      {deferred.trim() && found.data && results.length === 0 && <p className="pane-note">No ticket matches.</p>}
      {results.length > 0 && (
        <fieldset className="picker-results">
          <legend className="visually-hidden">Matching tickets</legend>
          {results.map((t) => {
            const refusal = selectable(t);
            return (
              <label key={t.id} className="picker-result" title={refusal ?? undefined}>
                <input type="radio" name={name} checked={value === t.id} disabled={refusal !== null} onChange={() => onPick(t)} />
                <span className="ticket-number">{ticketNumberLabel(t.number)}</span> <span>{t.subject}</span>{' '}
                <span className="muted">
                  {statusLabel[t.status]} · {t.requesterName}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
