import { z } from 'zod';
import { Id, IsoTime } from './common.ts';
import { Priority, TicketStatus } from './ticket.ts';

/** What applying a macro does to the ticket besides filling the composer. */
export const MacroAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setStatus'), status: TicketStatus }),
  z.object({ type: z.literal('setPriority'), priority: Priority }),
  z.object({ type: z.literal('addTags'), tags: z.array(z.string().min(1).max(100)).min(1).max(20) }),
  z.object({ type: z.literal('removeTags'), tags: z.array(z.string().min(1).max(100)).min(1).max(20) }),
  z.object({ type: z.literal('assign'), assigneeId: z.union([Id, z.literal('me')]).nullable() }),
  z.object({ type: z.literal('setTeam'), teamId: Id.nullable() }),
]);
export type MacroAction = z.infer<typeof MacroAction>;

/**
 * A canned response: a body template with {{placeholders}} (shared/rules/macro-template.ts) and
 * actions. Personal macros show only to their owner (ownerId); shared ones (ownerId null) to everyone.
 */
export const Macro = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  body: z.string().max(20_000),
  /** Whether the body goes in as a public reply or an internal note. */
  kind: z.enum(['reply', 'note']),
  actions: z.array(MacroAction).max(20),
  ownerId: Id.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Macro = z.infer<typeof Macro>;
