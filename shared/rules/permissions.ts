import type { Account, Article, Role } from '../model/index.ts';

/**
 * What each role may change beyond tickets and contacts (which every agent works on):
 * - Accounts hold commercial data (plan, revenue, name, domain): only a lead or an admin edits
 *   them; an agent may edit an account's notes, which is how support shares what it learns.
 * - Articles: any agent may write and edit drafts; only a lead or an admin publishes one or edits
 *   one that is published, since customers read it.
 * Each function returns why a change is refused, or null when it is allowed.
 */
const isLead = (role: Role) => role === 'lead' || role === 'admin';

/** Fields of an account an agent may edit. */
export const AGENT_EDITABLE_ACCOUNT_FIELDS: readonly (keyof Account)[] = ['notes'];

export function accountEditRefusal(role: Role, fields: readonly string[]): string | null {
  if (isLead(role)) return null;
  const locked = fields.filter((f) => !(AGENT_EDITABLE_ACCOUNT_FIELDS as readonly string[]).includes(f));
  return locked.length ? `Only a lead or an admin can change an account's ${locked.join(', ')}; agents may edit its notes.` : null;
}

export function articlePublishRefusal(role: Role): string | null {
  return isLead(role) ? null : 'Only a lead or an admin can publish an article; save it as a draft instead.';
}

export function articleEditRefusal(role: Role, current: Pick<Article, 'status'>): string | null {
  return isLead(role) || current.status !== 'published'
    ? null
    : 'Only a lead or an admin can edit a published article; ask one to make the change, or copy your text into a new draft.';
}

/**
 * Macros: a shared macro (ownerId null) is everyone's canned response, so only a lead or an admin
 * creates, edits or deletes one; a personal macro is its owner's alone.
 */
export function macroEditRefusal(role: Role, actorId: string, macro: { ownerId: string | null }): string | null {
  if (macro.ownerId === null) return isLead(role) ? null : 'Only a lead or an admin can change shared macros; make a personal macro instead.';
  return macro.ownerId === actorId ? null : 'A personal macro can only be changed by the agent it belongs to.';
}

/** The SLA policy binds every team's deadlines: only an admin changes it. */
export function slaPolicyEditRefusal(role: Role): string | null {
  return role === 'admin' ? null : 'Only an admin can change the SLA policy.';
}

/**
 * Saved views and reports: a personal one is its owner's alone (to change or delete, whatever their
 * role); a shared one shows to everyone, so only a lead or an admin creates, changes or deletes one.
 */
function sharedOrPersonalRefusal(noun: 'view' | 'report') {
  return (role: Role, actorId: string, item: { ownerId: string; shared: boolean }): string | null => {
    if (item.shared) return isLead(role) ? null : `Only a lead or an admin can create, change or delete a shared ${noun}; save it as a personal ${noun} instead.`;
    return item.ownerId === actorId ? null : `A personal ${noun} can only be changed or deleted by the agent who made it.`;
  };
}

export const viewEditRefusal = sharedOrPersonalRefusal('view');
export const reportEditRefusal = sharedOrPersonalRefusal('report');
