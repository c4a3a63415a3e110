import { z } from 'zod';
import { Agent, Id, TicketStatus } from '../model/index.ts';
import { messageAdd } from '../mutators/message-add.ts';
import { ChangedEvent, CustomerPane, QueuePage, QueueView, Session, SyncStatus, TicketDetail } from './views.ts';

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
  'ticket.reply': {
    input: messageAdd.args.omit({ id: true }),
    output: z.object({ messageId: Id }),
  },
  'ticket.setStatus': { input: z.object({ ticketId: Id, status: TicketStatus }), output: z.null() },
  'ticket.assign': { input: z.object({ ticketId: Id, assigneeId: Id.nullable() }), output: z.null() },
  'ticket.delete': { input: z.object({ ticketId: Id }), output: z.null() },
  'article.delete': { input: z.object({ articleId: Id }), output: z.null() },
  'directory.agents': { input: none, output: z.array(Agent) },
  'sync.status': { input: none, output: SyncStatus },
  'sync.now': { input: none, output: SyncStatus },
} as const;

/** Events the engine sends to every window. */
export const events = {
  /** Replica rows of these kinds changed: re-query what shows them. */
  changed: ChangedEvent,
  'sync.status': SyncStatus,
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
