import { accountUpdate } from './account-update.ts';
import { articleDelete } from './article-delete.ts';
import { articleSave } from './article-save.ts';
import { contactUpdate } from './contact-update.ts';
import { macroDelete } from './macro-delete.ts';
import { macroSave } from './macro-save.ts';
import { messageAdd } from './message-add.ts';
import { slaPolicySave } from './sla-policy-save.ts';
import { ticketAddTags } from './ticket-add-tags.ts';
import { ticketAssign } from './ticket-assign.ts';
import { ticketFollow } from './ticket-follow.ts';
import { ticketLinkProblem } from './ticket-link-problem.ts';
import { ticketMerge } from './ticket-merge.ts';
import { ticketCreate } from './ticket-create.ts';
import { ticketDelete } from './ticket-delete.ts';
import { ticketRemoveTags } from './ticket-remove-tags.ts';
import { ticketSetCustomFields } from './ticket-set-custom-fields.ts';
import { ticketSetPriority } from './ticket-set-priority.ts';
import { ticketSetStatus } from './ticket-set-status.ts';
import { ticketSetTeam } from './ticket-set-team.ts';
import { reportDelete } from './report-delete.ts';
import { reportSave } from './report-save.ts';
import { viewDelete } from './view-delete.ts';
import { viewSave } from './view-save.ts';
import type { Mutator } from './types.ts';

export * from './types.ts';
export {
  accountUpdate,
  articleDelete,
  articleSave,
  contactUpdate,
  macroDelete,
  macroSave,
  messageAdd,
  slaPolicySave,
  ticketAddTags,
  ticketAssign,
  ticketFollow,
  ticketLinkProblem,
  ticketMerge,
  ticketCreate,
  ticketDelete,
  ticketRemoveTags,
  ticketSetCustomFields,
  ticketSetPriority,
  ticketSetStatus,
  ticketSetTeam,
  viewDelete,
  viewSave,
  reportSave,
  reportDelete,
};

/** Every mutator by its versioned name. The server refuses names not listed here. */
export const mutators: ReadonlyMap<string, Mutator> = new Map(
  [
    ticketSetStatus,
    ticketAssign,
    messageAdd,
    ticketSetPriority,
    ticketSetTeam,
    ticketAddTags,
    ticketRemoveTags,
    ticketSetCustomFields,
    ticketCreate,
    contactUpdate,
    accountUpdate,
    articleSave,
    ticketDelete,
    articleDelete,
    macroSave,
    macroDelete,
    slaPolicySave,
    viewSave,
    viewDelete,
    reportSave,
    reportDelete,
    ticketFollow,
    ticketMerge,
    ticketLinkProblem,
  ].map((m) => [m.name, m as unknown as Mutator]),
);
