import type { Plan } from '../../../shared/model/account.ts';
import type { Channel } from '../../../shared/model/ticket.ts';

export { priorityLabel, statusLabel } from '../../../shared/model/labels.ts';

export const channelLabel: Record<Channel, string> = {
  email: 'Email',
  chat: 'Chat',
  phone: 'Phone',
  social: 'Social',
  web: 'Web form',
  api: 'API',
};

export const planLabel: Record<Plan, string> = { free: 'Free', starter: 'Starter', pro: 'Pro', enterprise: 'Enterprise' };

/** The server numbers tickets; until it has seen one, it has no number yet. */
export function ticketNumberLabel(number: number | null): string {
  return number === null ? 'Pending #' : `#${number}`;
}
