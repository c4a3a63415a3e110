import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import type { Contact } from '../../../shared/model/contact.ts';
import { Priority } from '../../../shared/model/ticket.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useCommands } from '../commands/use-commands.ts';
import { priorityLabel } from '../format/labels.ts';
import { useUi } from '../state/ui-store.ts';
import { useCreateTicket, useFindContacts } from './data.ts';
import { useModal } from '../common/use-modal.ts';
import './ticket-actions.css';

type Kind = 'phone' | 'outbound';

/**
 * A new ticket made by the agent, offline too: "Log a phone call" (channel phone; the call notes as an
 * internal note, or a summary sent to the customer as a reply) or "Proactive outbound" (channel email,
 * the first message a public reply to the contact). The button sits in the top bar; `c` opens it.
 */
export function NewTicketDialog() {
  const [open, setOpen] = useState(false);
  const ref = useModal(open);
  useCommands([{ id: 'ticket.new', title: 'New ticket (log a call, outbound message)…', section: 'Ticket', keys: 'c', keywords: ['create', 'phone', 'call', 'outbound'], run: () => setOpen(true) }]);
  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setOpen(true)} title="c">
        New ticket
      </button>
      <dialog ref={ref} aria-labelledby="new-ticket-title" className="modal action-dialog" onClose={() => setOpen(false)}>
        {open && <NewTicketForm onDone={() => setOpen(false)} />}
      </dialog>
    </>
  );
}

function NewTicketForm({ onDone }: { onDone(): void }) {
  const ids = { search: useId(), subject: useId(), body: useId(), priority: useId() };
  const create = useCreateTicket();
  const openTicket = useUi((s) => s.openTicket);
  const [kind, setKind] = useState<Kind>('phone');
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const contacts = useFindContacts(deferred);
  const [requester, setRequester] = useState<Contact | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [asReply, setAsReply] = useState(false);
  const [priority, setPriority] = useState<Priority>('normal');
  const messageKind = kind === 'outbound' || asReply ? 'reply' : 'note';
  const ready = requester !== null && subject.trim().length > 0 && (kind === 'phone' || body.trim().length > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    create.mutate(
      {
        subject,
        requesterId: requester.id,
        channel: kind === 'phone' ? 'phone' : 'email',
        priority,
        ...(body.trim() && { firstMessage: { kind: messageKind, body } }),
      },
      {
        onSuccess: ({ ticketId }) => {
          onDone();
          openTicket(ticketId);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="action-form">
      <h2 id="new-ticket-title">New ticket</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Kind of ticket</legend>
        <label>
          <input type="radio" name="new-ticket-kind" checked={kind === 'phone'} onChange={() => setKind('phone')} /> Log a phone call
        </label>
        <label>
          <input type="radio" name="new-ticket-kind" checked={kind === 'outbound'} onChange={() => setKind('outbound')} /> Proactive outbound
        </label>
      </fieldset>

      <label htmlFor={ids.search}>{kind === 'phone' ? 'Caller' : 'To'}</label>
      {requester ? (
        <p className="picked-contact">
          {requester.name} <span className="muted">&lt;{requester.email}&gt;</span>{' '}
          <button type="button" className="button-link" onClick={() => setRequester(null)}>
            Change
          </button>
        </p>
      ) : (
        <>
          <input id={ids.search} type="text" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or email" maxLength={200} autoComplete="off" />
          {(contacts.data ?? []).length > 0 && (
            <ul aria-label="Matching contacts" className="picker-results">
              {contacts.data?.map((c) => (
                <li key={c.id}>
                  <button type="button" className="picker-result" onClick={() => setRequester(c)}>
                    {c.name} <span className="muted">&lt;{c.email}&gt;</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {deferred.trim() && contacts.data?.length === 0 && <p className="pane-note">No contact matches.</p>}
        </>
      )}

      <label htmlFor={ids.subject}>Subject</label>
      <input id={ids.subject} value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={500} required />

      <label htmlFor={ids.body}>{kind === 'phone' ? 'Call notes' : 'Message to the customer'}</label>
      <textarea id={ids.body} value={body} onChange={(e) => setBody(e.target.value)} rows={6} maxLength={100_000} required={kind === 'outbound'} />
      {kind === 'phone' && (
        <label className="checkbox-line">
          <input type="checkbox" checked={asReply} onChange={(e) => setAsReply(e.target.checked)} /> Send these notes to the caller as a summary (public reply)
        </label>
      )}

      <label htmlFor={ids.priority}>Priority</label>
      <select id={ids.priority} value={priority} onChange={(e) => setPriority(Priority.parse(e.target.value))}>
        {Priority.options.map((p) => (
          <option key={p} value={p}>
            {priorityLabel[p]}
          </option>
        ))}
      </select>

      <ErrorText error={create.error} />
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={!ready || create.isPending}>
          {kind === 'phone' ? 'Log call' : 'Send and create'}
        </button>
      </div>
    </form>
  );
}
