import type { Account, Agent, Article, Contact, EntityKind, Message, Team, Ticket } from '../../../shared/model/index.ts';
import type { MutationContext } from '../../../shared/mutators/index.ts';

export const T0 = '2026-11-01T09:00:00.000Z';
export const T1 = '2026-11-01T10:00:00.000Z';

export const TEAM_A = '0195f0a0-0000-7000-8000-00000000000a';
export const TEAM_B = '0195f0a0-0000-7000-8000-00000000000b';

export const agentAlex: Agent = {
  id: '0195f0a0-0000-7000-8000-000000000001',
  name: 'Alex Agent',
  email: 'alex@example.com',
  role: 'agent',
  teamIds: [TEAM_A],
  createdAt: T0,
  updatedAt: T0,
};

export const agentBea: Agent = { ...agentAlex, id: '0195f0a0-0000-7000-8000-000000000002', name: 'Bea', email: 'bea@example.com', teamIds: [TEAM_B] };

/** A second agent of Alex's team: the other side of a conflict. */
export const agentDee: Agent = { ...agentAlex, id: '0195f0a0-0000-7000-8000-000000000004', name: 'Dee', email: 'dee@example.com', teamIds: [TEAM_A] };
export const leadLena: Agent = { ...agentAlex, id: '0195f0a0-0000-7000-8000-000000000003', name: 'Lena Lead', email: 'lena@example.com', role: 'lead', teamIds: [TEAM_A, TEAM_B] };

export const teamA: Team = { id: TEAM_A, name: 'Frontline', createdAt: T0, updatedAt: T0 };
export const teamB: Team = { id: TEAM_B, name: 'Billing', createdAt: T0, updatedAt: T0 };

export const account: Account = {
  id: '0195f0a0-0000-7000-8000-0000000000a1',
  name: 'Acme',
  domain: 'acme.example',
  plan: 'pro',
  mrrCents: 49_900,
  notes: null,
  createdAt: T0,
  updatedAt: T0,
};

export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: '0195f0a0-0000-7000-8000-0000000000d1',
    title: 'Resetting a password',
    body: 'Open Settings, then Security.',
    tags: ['access'],
    product: null,
    status: 'draft',
    revision: 3,
    authorId: agentAlex.id,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export const contact: Contact = {
  id: '0195f0a0-0000-7000-8000-0000000000c1',
  accountId: null,
  name: 'Carla Customer',
  email: 'carla@customer.example',
  phone: null,
  title: null,
  createdAt: T0,
  updatedAt: T0,
};

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: '0195f0a0-0000-7000-8000-0000000000f1',
    number: 42,
    subject: 'Export fails with a timeout',
    status: 'new',
    priority: 'normal',
    channel: 'email',
    requesterId: contact.id,
    accountId: null,
    teamId: TEAM_A,
    assigneeId: null,
    tags: [],
    product: null,
    customFields: {},
    firstResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseAt: null,
    solvedAt: null,
    problemId: null,
    followerIds: [],
    mergedIntoId: null,
    replyCount: 0,
    reopenCount: 0,
    satisfaction: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export const serverCtx: MutationContext = { actorId: agentAlex.id, role: 'agent', now: T1, side: 'server' };
export const clientCtx: MutationContext = { ...serverCtx, side: 'client' };
/** Contexts of the other agents, on the server. */
export const as = (agent: Agent, side: MutationContext['side'] = 'server'): MutationContext => ({ actorId: agent.id, role: agent.role, now: T1, side });

/** The rows around a ticket that mutator tests need: the agents, both teams, the requester and an account. */
export const workspaceRows: { kind: EntityKind; row: { id: string } }[] = [
  ...[agentAlex, agentBea, agentDee, leadLena].map((row) => ({ kind: 'agent' as const, row })),
  ...[teamA, teamB].map((row) => ({ kind: 'team' as const, row })),
  { kind: 'contact', row: contact },
  { kind: 'account', row: account },
];

/** A message from the customer on ticket(): what a pull brings in beside the agent's own work. */
export function customerMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: '0195f0a0-0000-7000-8000-0000000000a2',
    ticketId: ticket().id,
    kind: 'reply',
    authorType: 'contact',
    authorId: contact.id,
    body: 'Any news?',
    event: null,
    bodyHtml: null,
    attachments: [],
    mentionIds: [],
    createdAt: T0,
    ...overrides,
  };
}
