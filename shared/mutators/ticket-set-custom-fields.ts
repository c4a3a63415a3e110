import { z } from 'zod';
import { CustomFieldValue, Id } from '../model/index.ts';
import { noteChange } from './activity.ts';
import { noteConflict } from './conflict-notice.ts';
import { mustGetEditableTicket } from './load.ts';
import { defineMutator } from './types.ts';

/** Custom field values by name; null stands for "not set". */
export const CustomFieldChanges = z
  .record(z.string(), CustomFieldValue)
  .refine((f) => Object.keys(f).every((k) => k.trim().length > 0 && k.length <= 100), 'A custom field needs a name of at most 100 characters.');

export const ticketSetCustomFields = defineMutator({
  name: 'ticket.setCustomFields@1',
  args: z.object({
    ticketId: Id,
    /** Merged into the ticket's fields key by key; null removes a field. Keys not named stay as they are. */
    fields: CustomFieldChanges.refine((f) => Object.keys(f).length > 0, 'Name at least one field.').refine((f) => Object.keys(f).length <= 50, 'At most 50 fields at once.'),
    /** The values the agent saw, by key (null: the field was not set), so the server can tell them about concurrent changes. */
    base: CustomFieldChanges.optional(),
  }),
  async run(tx, { ticketId, fields, base }) {
    const ticket = await mustGetEditableTicket(tx, ticketId);
    const customFields = { ...ticket.customFields };
    let changed = false;
    for (const [key, value] of Object.entries(fields)) {
      if ((customFields[key] ?? null) === value) continue;
      changed = true;
      await noteConflict(tx, ticket, { field: 'customFields', key, base: base && (Object.hasOwn(base, key) ? base[key] : undefined), value });
      await noteChange(tx, ticket, { field: 'customFields', key, from: customFields[key] ?? null, to: value });
      if (value === null) delete customFields[key];
      else customFields[key] = value;
    }
    if (changed) await tx.put('ticket', { ...ticket, customFields, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, fields }) => ({ action: `Fields: ${Object.keys(fields).join(', ')}`, ticketId }),
});
