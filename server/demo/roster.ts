import type { Role } from '../../shared/model/index.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from './credentials.ts';

/** The demo support team: three teams, ten agents (exactly one lead, one admin). Team 0 is the first team. */
export const TEAM_NAMES = ['Frontline', 'Billing & Accounts', 'Technical Escalations'] as const;

export interface RosterAgent {
  name: string;
  email: string;
  role: Role;
  /** Indexes into TEAM_NAMES. */
  teams: number[];
}

export const ROSTER: readonly RosterAgent[] = [
  { name: 'Alex Morgan', email: DEMO_AGENT_EMAIL, role: 'agent', teams: [0] },
  { name: 'Lena Hoffmann', email: DEMO_LEAD_EMAIL, role: 'lead', teams: [0, 1] },
  { name: 'Sam Okafor', email: DEMO_ADMIN_EMAIL, role: 'admin', teams: [] },
  { name: 'Priya Raman', email: 'priya@orbit.demo', role: 'agent', teams: [0] },
  { name: 'Marcus Chen', email: 'marcus@orbit.demo', role: 'agent', teams: [0] },
  { name: 'Sofia Rossi', email: 'sofia@orbit.demo', role: 'agent', teams: [1] },
  { name: 'Daniel Kim', email: 'daniel@orbit.demo', role: 'agent', teams: [1] },
  { name: 'Aisha Bello', email: 'aisha@orbit.demo', role: 'agent', teams: [2] },
  { name: 'Tom Becker', email: 'tom@orbit.demo', role: 'agent', teams: [2] },
  { name: 'Jonas Berg', email: 'jonas@orbit.demo', role: 'agent', teams: [2, 0] },
];
