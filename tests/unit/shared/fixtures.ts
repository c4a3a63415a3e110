import type { Agent, Contact, Ticket } from '../../../shared/model/index.ts';
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
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export const serverCtx: MutationContext = { actorId: agentAlex.id, role: 'agent', now: T1, side: 'server' };
