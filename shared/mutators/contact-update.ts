import { z } from 'zod';
import { Contact, Id } from '../model/index.ts';
import { mustGet } from './load.ts';
import { patchChanges, patchOf } from './patch.ts';
import { defineMutator } from './types.ts';

export const ContactPatch = patchOf(Contact.pick({ accountId: true, name: true, email: true, phone: true, title: true }));

/** Any agent may correct a customer's details. */
export const contactUpdate = defineMutator({
  name: 'contact.update@1',
  args: z.object({ contactId: Id, patch: ContactPatch }),
  async run(tx, { contactId, patch }) {
    const contact = await mustGet(tx, 'contact', contactId);
    if (!patchChanges(contact, patch)) return;
    if (patch.accountId) await mustGet(tx, 'account', patch.accountId);
    await tx.put('contact', { ...contact, ...patch, updatedAt: tx.ctx.now });
  },
  describe: ({ patch }) => ({ action: `Contact details: ${Object.keys(patch).join(', ')}` }),
});
