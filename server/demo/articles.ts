import type { Product } from './corpus.ts';
import type { Random } from './prng.ts';

/** Knowledge-base topics; each becomes one article per product, so 14 topics x 6 products = 84 to choose from. */
const TOPICS = [
  { title: 'Getting started with {product}', tags: ['getting-started'], intro: 'This guide walks you through setting up {product} for your team in about ten minutes.' },
  { title: 'Inviting staff to {product}', tags: ['staff', 'access'], intro: 'Give each team member their own login so you can see who changed what.' },
  { title: 'Roles and permissions in {product}', tags: ['access', 'security'], intro: 'Roles decide what a team member can see and change.' },
  { title: 'Troubleshooting sync problems in {product}', tags: ['troubleshooting', 'sync'], intro: 'Most sync problems come from an expired connection or a filter that hides data.' },
  { title: 'Exporting your data from {product}', tags: ['export', 'data'], intro: 'You can export everything at any time, on every plan.' },
  { title: 'Keyboard shortcuts for {product}', tags: ['productivity'], intro: 'Work faster with these shortcuts; press ? anywhere to see them.' },
  { title: '{product} release notes: what changed this quarter', tags: ['release-notes'], intro: 'A summary of the improvements and fixes that shipped recently.' },
  { title: 'Setting up notifications in {product}', tags: ['notifications'], intro: 'Decide who is told about what, and how: email, push or Slack.' },
  { title: 'Using {product} with two-factor authentication', tags: ['security', '2fa'], intro: 'Two-factor authentication protects your account even if a password leaks.' },
  { title: 'Billing questions about {product}', tags: ['billing'], intro: 'Answers to the questions our billing team hears most often.' },
  { title: 'Connecting {product} to other tools', tags: ['integrations'], intro: 'Connect the tools you already use so data flows without copy and paste.' },
  { title: 'Data retention and privacy in {product}', tags: ['privacy', 'gdpr'], intro: 'How long we keep your data, and how to delete it.' },
  { title: 'Fixing common errors in {product}', tags: ['troubleshooting', 'errors'], intro: 'What the most common error messages mean and how to get past them.' },
  { title: 'Best practices for large teams on {product}', tags: ['best-practices'], intro: 'Tips from customers running {product} with more than fifty staff.' },
];

const STEPS = [
  'Open **Settings** from the menu in the top right.',
  'Choose the **{product}** section in the sidebar.',
  'Click **Add** and fill in the required fields.',
  'Press **Save**. Changes apply to everyone on the workspace within a minute.',
  'Check the **Activity** tab to confirm the change was recorded.',
  'If you manage several locations, repeat this for each location.',
  'Reload the page if the change does not show up right away.',
];

const TIPS = [
  'Only admins can change this setting; ask your workspace admin if the option is greyed out.',
  'Changes are recorded in the audit log, so you can always see who changed what and when.',
  'On the Free plan this feature is limited to one location.',
  'The mobile app picks up the change the next time it syncs.',
];

export interface ArticleDraft {
  title: string;
  body: string;
  tags: string[];
  product: Product;
}

/** `count` distinct articles as markdown, each a topic applied to a product. */
export function draftArticles(random: Random, products: readonly Product[], count: number): ArticleDraft[] {
  const combos = TOPICS.flatMap((topic) => products.map((product) => ({ topic, product })));
  return random.sample(combos, Math.min(count, combos.length)).map(({ topic, product }) => {
    const fill = (text: string) => text.replaceAll('{product}', product);
    const steps = random.sample(STEPS, random.int(3, 5)).map((s, i) => `${i + 1}. ${fill(s)}`);
    const body = [
      fill(topic.intro),
      '## Before you start',
      `You need access to the ${product} settings. ${fill(random.pick(TIPS))}`,
      '## Steps',
      ...steps,
      '## Troubleshooting',
      `- Nothing changed? ${fill(random.pick(TIPS))}`,
      `- Still stuck? Reply to your ticket or write to support and mention this article.`,
    ].join('\n\n');
    return { title: fill(topic.title), body, tags: [...topic.tags, product.toLowerCase().replace(/\s+/g, '-')], product };
  });
}
