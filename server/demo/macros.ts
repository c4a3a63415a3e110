import type { Macro } from '../../shared/model/index.ts';
import { demoId } from './ids.ts';
import type { Random } from './prng.ts';

const HOUR = 3_600_000;

type DemoMacro = Pick<Macro, 'title' | 'body' | 'kind' | 'actions'>;

/** The shared canned responses of the demo workspace (issue 5): replies and notes with placeholders and actions. */
export const DEMO_MACROS: readonly DemoMacro[] = [
  {
    title: 'Ask for more details',
    kind: 'reply',
    body: 'Hi {{contact.first_name}},\n\nThanks for getting in touch about "{{ticket.subject}}". Could you send us a screenshot of what you see and the time it happened? That lets us find it in our logs.\n\nBest,\n{{agent.first_name}}',
    actions: [
      { type: 'setStatus', status: 'pending' },
      { type: 'addTags', tags: ['needs-info'] },
    ],
  },
  {
    title: 'Acknowledge and take ownership',
    kind: 'reply',
    body: 'Hi {{contact.first_name}},\n\nI am {{agent.first_name}} and I am looking after your request {{ticket.number}} from now on. I will update you as soon as I know more.\n\nBest,\n{{agent.name}}',
    actions: [
      { type: 'assign', assigneeId: 'me' },
      { type: 'setStatus', status: 'open' },
    ],
  },
  {
    title: 'Solved: confirm the fix',
    kind: 'reply',
    body: 'Hi {{contact.first_name}},\n\nGood news: this is fixed on our side. If anything still looks wrong, just reply to this email and the ticket reopens.\n\nBest,\n{{agent.first_name}}',
    actions: [
      { type: 'setStatus', status: 'solved' },
      { type: 'addTags', tags: ['fixed'] },
    ],
  },
  {
    title: 'Escalate to engineering',
    kind: 'note',
    body: 'Escalating {{ticket.number}} ("{{ticket.subject}}") for {{account.name}}: reproduced, needs an engineer. Customer contact: {{contact.email}}.',
    actions: [
      { type: 'setPriority', priority: 'high' },
      { type: 'addTags', tags: ['escalated'] },
    ],
  },
  {
    title: 'Waiting on a third party',
    kind: 'note',
    body: 'On hold: waiting on a third party. {{agent.first_name}} follows up.',
    actions: [
      { type: 'setStatus', status: 'on_hold' },
      { type: 'removeTags', tags: ['needs-info'] },
    ],
  },
];

export function demoMacros(random: Random, setupAt: number): Macro[] {
  return DEMO_MACROS.map((m, i) => {
    const at = new Date(setupAt + 2 * 24 * HOUR + i * HOUR).toISOString();
    return { id: demoId(random, setupAt + 2 * 24 * HOUR + i * HOUR), ...m, ownerId: null, createdAt: at, updatedAt: at };
  });
}
