import type { z } from 'zod';
import { Account } from './account.ts';
import { Agent, Team } from './agent.ts';
import { Article } from './article.ts';
import type { EntityKind } from './common.ts';
import { Contact } from './contact.ts';
import { Macro } from './macro.ts';
import { SlaPolicy } from './sla-policy.ts';
import { SavedView } from './view.ts';
import { Message } from './message.ts';
import { Ticket } from './ticket.ts';
import { SavedReport } from '../reports/saved-report.ts';

/** The schema of each entity kind: one place that maps a kind to its row shape. */
export const entitySchemas = {
  team: Team,
  agent: Agent,
  account: Account,
  contact: Contact,
  ticket: Ticket,
  message: Message,
  article: Article,
  slaPolicy: SlaPolicy,
  macro: Macro,
  view: SavedView,
  report: SavedReport,
} as const satisfies Record<EntityKind, z.ZodType>;

export type EntityOf<K extends EntityKind> = z.infer<(typeof entitySchemas)[K]>;
