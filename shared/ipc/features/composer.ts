import { z } from 'zod';
import { Id, IsoTime, Macro, MAX_BODY_CHARS } from '../../model/index.ts';
import { MacroSaveArgs } from '../../mutators/macro-save.ts';

/**
 * What the agent was writing on a ticket, kept on this workstation across restarts (never synced).
 * `baseMessageId`: the newest public message of the thread when the draft was started (or last
 * reviewed); a public message from someone else after it means the agent should look before sending.
 */
export const Draft = z.object({
  ticketId: Id,
  mode: z.enum(['reply', 'note']),
  html: z.string().max(MAX_BODY_CHARS * 4),
  baseMessageId: Id.nullable(),
  updatedAt: IsoTime,
});
export type Draft = z.infer<typeof Draft>;

/** Procedures and events of the agent workspace: macros, drafts, mentions. Spread into shared/ipc/contract.ts. */
export const composerProcedures = {
  /** The draft of this ticket, or null. */
  'draft.get': { input: z.object({ ticketId: Id }), output: Draft.nullable() },
  /** Keeps the draft (the UI calls it debounced while the agent types). */
  'draft.save': { input: Draft.omit({ updatedAt: true }), output: z.null() },
  /** Forgets the draft (after sending, or when the agent empties it). */
  'draft.clear': { input: z.object({ ticketId: Id }), output: z.null() },
  /** The macros this agent may apply: shared ones and their own, by title. */
  'macro.list': { input: z.undefined(), output: z.array(Macro) },
  /** Without `id`: a new macro. */
  'macro.save': { input: MacroSaveArgs.omit({ id: true }).extend({ id: Id.optional() }), output: z.object({ macroId: Id }) },
  'macro.delete': { input: z.object({ macroId: Id }), output: z.null() },
} as const;

export const composerEvents = {} as const;
