import { z } from 'zod';
import { Agent, Id, Team } from '../model/index.ts';
import { accountUpdate } from '../mutators/account-update.ts';
import { ArticleSaveFields } from '../mutators/article-save.ts';
import { contactUpdate } from '../mutators/contact-update.ts';
import { messageAdd } from '../mutators/message-add.ts';
import { ticketAddTags } from '../mutators/ticket-add-tags.ts';
import { ticketAssign } from '../mutators/ticket-assign.ts';
import { FirstMessage, ticketCreate } from '../mutators/ticket-create.ts';
import { ticketRemoveTags } from '../mutators/ticket-remove-tags.ts';
import { ticketSetCustomFields } from '../mutators/ticket-set-custom-fields.ts';
import { ticketSetPriority } from '../mutators/ticket-set-priority.ts';
import { ticketSetStatus } from '../mutators/ticket-set-status.ts';
import { ticketSetTeam } from '../mutators/ticket-set-team.ts';
import { viewEvents, viewProcedures } from './features/queues.ts';
import { ticketActionEvents, ticketActionProcedures } from './features/ticket-actions.ts';
import { composerEvents, composerProcedures } from './features/composer.ts';
import { attachmentEvents, attachmentProcedures } from './features/attachments.ts';
import { slaEvents, slaProcedures } from './features/sla.ts';
import { searchEvents, searchProcedures } from './features/search.ts';
import { notificationEvents, notificationProcedures } from './features/notifications.ts';
import { reportEvents, reportProcedures } from './features/reports.ts';
import { satisfactionEvents, satisfactionProcedures } from './features/satisfaction.ts';
import { PresenceInput, TicketPresence } from './presence.ts';
import { ChangedEvent, CustomerPane, CustomerTicketList, CustomerTicketsPage, QueuePage, QueueView, Session, SyncIssue, SyncIssuesChanged, SyncStatus, TicketDetail } from './views.ts';

const none = z.undefined();

/**
 * Every procedure the renderer may call, with its input and output schemas.
 * The router (Electron main, browser host) validates inputs with these before the
 * engine sees them; the engine's handlers are typed from them.
 */
export const procedures = {
  'session.get': { input: none, output: Session },
  'session.login': {
    input: z.object({ serverUrl: z.url({ protocol: /^https?$/ }), email: z.email(), password: z.string().min(1).max(1000) }),
    output: Session,
  },
  'session.logout': { input: none, output: Session },
  'queue.page': {
    input: z.object({ view: QueueView, after: z.string().max(500).nullable(), limit: z.number().int().min(1).max(500) }),
    output: QueuePage,
  },
  'queue.counts': { input: none, output: z.record(QueueView, z.number().int().nonnegative()) },
  'ticket.get': { input: z.object({ id: Id }), output: TicketDetail.nullable() },
  'customer.pane': { input: z.object({ ticketId: Id }), output: CustomerPane.nullable() },
  /** One of the pane's ticket lists beyond what the pane holds: every ticket of the open ticket's account or requester, a page at a time. */
  'customer.tickets': {
    input: z.object({ ticketId: Id, list: CustomerTicketList, after: z.string().max(500).nullable(), limit: z.number().int().min(1).max(200) }),
    output: CustomerTicketsPage,
  },
  'ticket.reply': {
    input: messageAdd.args.omit({ id: true }),
    output: z.object({ messageId: Id }),
  },
  // Field changes carry `base`, the value the agent saw, so the server can report a conflict.
  'ticket.setStatus': { input: ticketSetStatus.args, output: z.null() },
  'ticket.assign': { input: ticketAssign.args, output: z.null() },
  'ticket.setPriority': { input: ticketSetPriority.args, output: z.null() },
  'ticket.setTeam': { input: ticketSetTeam.args, output: z.null() },
  'ticket.addTags': { input: ticketAddTags.args, output: z.null() },
  'ticket.removeTags': { input: ticketRemoveTags.args, output: z.null() },
  'ticket.setCustomFields': { input: ticketSetCustomFields.args, output: z.null() },
  /** The engine makes the ids; the number comes from the server (null until then). */
  'ticket.create': {
    input: ticketCreate.args.omit({ id: true, firstMessage: true }).extend({ firstMessage: FirstMessage.omit({ id: true }).optional() }),
    output: z.object({ ticketId: Id, messageId: Id.nullable() }),
  },
  /** Sets the value a conflict notice (a message with a conflict event) says was overwritten, on the current value. */
  'ticket.reapply': { input: z.object({ messageId: Id }), output: z.null() },
  'contact.update': { input: contactUpdate.args, output: z.null() },
  'account.update': { input: accountUpdate.args, output: z.null() },
  /** Without `id`: a new article (baseRevision 0). The engine makes the fork id a lost compare-and-swap needs. */
  'article.save': {
    input: ArticleSaveFields.omit({ id: true, forkId: true }).extend({ id: Id.optional() }),
    output: z.object({ articleId: Id }),
  },
  'ticket.delete': { input: z.object({ ticketId: Id }), output: z.null() },
  'article.delete': { input: z.object({ articleId: Id }), output: z.null() },
  'directory.agents': { input: none, output: z.array(Agent) },
  'directory.teams': { input: none, output: z.array(Team) },
  'sync.status': { input: none, output: SyncStatus },
  'sync.now': { input: none, output: SyncStatus },
  /** Changes the server refused for good, oldest first, until the agent retries or discards them. */
  'syncIssues.list': { input: none, output: z.array(SyncIssue) },
  /** Sends the same change again, as a new mutation at the end of the outbox; the refused one is resolved. */
  'syncIssues.retry': { input: z.object({ id: SyncIssue.shape.id }), output: z.null() },
  /** Drops a refused change for good (the UI asks first). */
  'syncIssues.discard': { input: z.object({ id: SyncIssue.shape.id }), output: z.null() },
  /** Announces (or with null ends) the agent's presence on a ticket; call again within PRESENCE_REFRESH_MS to keep it. Answers who else is there. */
  'presence.set': { input: PresenceInput, output: TicketPresence },
  ...viewProcedures,
  ...ticketActionProcedures,
  ...composerProcedures,
  ...attachmentProcedures,
  ...slaProcedures,
  ...searchProcedures,
  ...notificationProcedures,
  ...reportProcedures,
  ...satisfactionProcedures,
} as const;

/** Events the engine sends to every window. */
export const events = {
  /** Replica rows of these kinds changed: re-query what shows them. */
  changed: ChangedEvent,
  'sync.status': SyncStatus,
  /** The list of sync issues changed (a refusal came in, or one was retried or discarded). */
  'syncIssues.changed': SyncIssuesChanged,
  /** Who else is on this ticket changed. */
  presence: TicketPresence,
  ...viewEvents,
  ...ticketActionEvents,
  ...composerEvents,
  ...attachmentEvents,
  ...slaEvents,
  ...searchEvents,
  ...notificationEvents,
  ...reportEvents,
  ...satisfactionEvents,
} as const;

export type ProcedureName = keyof typeof procedures;
export type ProcedureInput<N extends ProcedureName> = z.input<(typeof procedures)[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = z.output<(typeof procedures)[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What the renderer sees as `window.desk`, in Electron and in a browser alike. */
export interface DeskApi {
  invoke<N extends ProcedureName>(name: N, ...input: ProcedureInput<N> extends undefined ? [] : [ProcedureInput<N>]): Promise<ProcedureOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const DeskErrorCode = z.enum(['invalid_input', 'unknown_procedure', 'not_signed_in', 'rejected', 'unavailable', 'internal']);
export type DeskErrorCode = z.infer<typeof DeskErrorCode>;

/** The one error shape that crosses IPC; `message` is written for the agent. */
export const DeskErrorBody = z.object({ code: DeskErrorCode, message: z.string() });
export type DeskErrorBody = z.infer<typeof DeskErrorBody>;

export class DeskError extends Error {
  override readonly name = 'DeskError';
  readonly code: DeskErrorCode;
  constructor(code: DeskErrorCode, message: string) {
    super(message);
    this.code = code;
  }
  toBody(): DeskErrorBody {
    return { code: this.code, message: this.message };
  }
}

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(procedures, name);
}
