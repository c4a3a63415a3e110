import type { Account, Agent, Article, Channel, Contact, Macro, Message, Plan, Priority, SavedView, SlaPolicy, Team, Ticket, TicketStatus } from '../../shared/model/index.ts';
import { dueTimes } from '../../shared/rules/sla.ts';
import { draftArticles } from './articles.ts';
import { addHtmlEmails } from './html-emails.ts';
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, FIRST_NAMES, LAST_NAMES, PERSONAL_DOMAINS, PRODUCTS, REGIONS, slug, TITLES } from './corpus.ts';
import { demoId } from './ids.ts';
import { demoMacros } from './macros.ts';
import { createRandom, type Random } from './prng.ts';
import { ROSTER, TEAM_NAMES } from './roster.ts';
import { demoAnswer, ratedAtFor, REOPEN_FIXES, REOPEN_REPLIES, reopenings } from './satisfaction.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';
import { demoSlaPolicy } from './sla-policy.ts';
import { demoViews } from './views.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 120;
/** Of solved tickets the customer did not write back on, the share the first reply solved. */
const ONE_TOUCH_SHARE = 0.8;
const ONE_TOUCH_NOTE = 'Solving: the first reply answered it and the customer has not come back.';

/** Full-size counts; `scale` shrinks them (teams and agents stay whole: the roles need them). */
export const DEMO_SIZES = { accounts: 60, contacts: 400, tickets: 3000, articles: 80 } as const;

export interface DemoOptions {
  seed?: number;
  /** 1 = full size; e.g. 0.1 for fast tests. */
  scale?: number;
  /** Dates fall in the 120 days before this; defaults to the start of the current UTC day, so a seed gives the same data all day. */
  now?: Date;
}

export interface DemoWorkspace {
  teams: Team[];
  agents: Agent[];
  accounts: Account[];
  contacts: Contact[];
  tickets: Ticket[];
  messages: Message[];
  articles: Article[];
  slaPolicies: SlaPolicy[];
  macros: Macro[];
  views: SavedView[];
}

export const startOfUtcDay = (d = new Date()) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

const iso = (ms: number) => new Date(ms).toISOString();
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const PLAN_WEIGHTS: [Plan, number][] = [['free', 25], ['starter', 35], ['pro', 28], ['enterprise', 12]];
/** Monthly price range per plan, in dollars. */
const PLAN_MRR: Record<Plan, [number, number]> = { free: [0, 0], starter: [49, 299], pro: [500, 3000], enterprise: [5000, 40000] };
const CHANNEL_WEIGHTS: [Channel, number][] = [['email', 45], ['chat', 20], ['web', 15], ['phone', 10], ['social', 5], ['api', 5]];

/** Status mix by ticket age: recent tickets are mostly unsolved, old ones mostly closed. */
function statusFor(random: Random, ageDays: number): TicketStatus {
  const mix: [TicketStatus, number][] =
    ageDays < 1
      ? [['new', 45], ['open', 35], ['pending', 12], ['on_hold', 3], ['solved', 5]]
      : ageDays < 7
        ? [['new', 8], ['open', 30], ['pending', 20], ['on_hold', 7], ['solved', 25], ['closed', 10]]
        : ageDays < 21
          ? [['new', 2], ['open', 12], ['pending', 10], ['on_hold', 5], ['solved', 21], ['closed', 50]]
          : [['open', 3], ['pending', 2], ['on_hold', 2], ['solved', 6], ['closed', 87]];
  return random.weighted(mix);
}

const PENDING_ASKS = [
  'Could you send us a screenshot of what you see, and the approximate time it happened? That lets us find it in the logs.',
  'Could you tell us which browser and version you use? We would like to reproduce it exactly.',
  'Could you confirm the email address of the affected user so I can check their settings?',
];
const HOLD_NOTES = [
  'Waiting on engineering for a fix; ticket on hold until the next release.',
  'Waiting on the payment provider to confirm the transaction status.',
  'On hold until the customer’s IT team has whitelisted our mail servers.',
];

export function generateDemo(opts: DemoOptions = {}): DemoWorkspace {
  const random = createRandom(opts.seed ?? 1);
  // Survey answers and reopenings draw from their own stream, so every other row stays as the seed always made it.
  const side = createRandom((opts.seed ?? 1) + 0x5eed5eed);
  const scale = opts.scale ?? 1;
  const now = (opts.now ?? startOfUtcDay()).getTime();
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const historyStart = now - HISTORY_DAYS * DAY;
  const setupAt = now - 400 * DAY;

  const teams: Team[] = TEAM_NAMES.map((name, i) => {
    const at = setupAt + i * HOUR;
    return { id: demoId(random, at), name, createdAt: iso(at), updatedAt: iso(at) };
  });

  const agents: Agent[] = ROSTER.map((r, i) => {
    const at = setupAt + DAY + i * HOUR;
    const teamIds = r.teams.map((t) => (teams[t] as Team).id);
    return { id: demoId(random, at), name: r.name, email: r.email, role: r.role, teamIds, createdAt: iso(at), updatedAt: iso(at) };
  });

  const companyNames = random.sample(COMPANY_PREFIXES.flatMap((p) => COMPANY_SUFFIXES.map((s) => `${p} ${s}`)), count(DEMO_SIZES.accounts));
  const accounts: Account[] = companyNames
    .map((name) => {
      const at = now - random.int(130, 3 * 365) * DAY;
      const plan = random.weighted(PLAN_WEIGHTS);
      const [lo, hi] = PLAN_MRR[plan];
      return {
        id: demoId(random, at),
        name,
        domain: `${slug(name)}.example`,
        plan,
        mrrCents: random.int(lo, hi) * 100,
        notes: random.chance(0.25) ? random.pick(['Renewal in Q3; champion is the ops manager.', 'Prefers phone for urgent issues.', 'Pilot running in two more locations.', 'Sensitive about billing changes; loop in finance.']) : null,
        createdAt: iso(at),
        updatedAt: iso(at + random.int(0, 100) * DAY),
      };
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  const planWeight: Record<Plan, number> = { free: 1, starter: 1.5, pro: 2, enterprise: 4 };
  const usedEmails = new Set<string>();
  const contacts: Contact[] = Array.from({ length: count(DEMO_SIZES.contacts) }, (_, i) => {
    // Every account gets a contact first; the rest lean towards bigger plans, a few have no company.
    const account: Account | null =
      i < accounts.length ? (accounts[i] as Account) : random.chance(0.08) ? null : random.weighted(accounts.map((a) => [a, planWeight[a.plan]] as const));
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const domain = account?.domain ?? random.pick(PERSONAL_DOMAINS);
    let email = `${slug(first)}.${slug(last)}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
    usedEmails.add(email);
    const at = Math.max(account ? Date.parse(account.createdAt) : historyStart - 200 * DAY, now - 3 * 365 * DAY) + random.int(0, 20) * DAY;
    return {
      id: demoId(random, at),
      accountId: account?.id ?? null,
      name: `${first} ${last}`,
      email,
      phone: random.chance(0.6) ? `+1 555 ${random.int(100, 999)} ${random.int(1000, 9999)}` : null,
      title: account && random.chance(0.8) ? random.pick(TITLES) : null,
      createdAt: iso(at),
      updatedAt: iso(at),
    };
  });
  const accountById = new Map(accounts.map((a) => [a.id, a]));

  const teamMembers = teams.map((team) => agents.filter((a) => a.role !== 'admin' && a.teamIds.includes(team.id)));
  const lead = agents.find((a) => a.role === 'lead') as Agent;
  const slaPolicy = demoSlaPolicy(new Date(now), iso(setupAt));

  const tickets: Ticket[] = [];
  const messages: Message[] = [];
  const createdTimes = Array.from({ length: count(DEMO_SIZES.tickets) }, () => {
    // Fewer tickets at weekends, most during business hours.
    let day: number;
    do day = random.int(0, HISTORY_DAYS - 1);
    while ([0, 6].includes(new Date(now - (day + 1) * DAY).getUTCDay()) && random.chance(0.6));
    return now - (day + 1) * DAY + random.int(7 * 60, 20 * 60) * MINUTE + random.int(0, 59) * 1000;
  }).sort((a, b) => a - b);

  for (const [index, createdMs] of createdTimes.entries()) {
    const scenario: Scenario = random.pick(SCENARIOS);
    const requester = random.pick(contacts);
    const account = requester.accountId ? accountById.get(requester.accountId) : undefined;
    let status = statusFor(random, (now - createdMs) / DAY);
    const untriaged = status === 'new' && random.chance(0.1);
    const team = untriaged ? null : (teams[scenario.team] as Team);
    const members = teamMembers[scenario.team] as Agent[];
    const assignee =
      team && !(status === 'new' && random.chance(0.5))
        ? random.weighted(members.map((a) => [a, a.role === 'lead' ? 0.5 : a.email === ROSTER[0]?.email ? 3 : 1] as const))
        : null;
    const priority = random.weighted<Priority>(
      account?.plan === 'enterprise' ? [['low', 5], ['normal', 45], ['high', 35], ['urgent', 15]] : [['low', 20], ['normal', 55], ['high', 18], ['urgent', 7]],
    );
    // Due times by the workspace's policy (business hours), as the server would have set them.
    const due = dueTimes(slaPolicy, { createdAt: iso(createdMs), priority });
    const frWindow = Math.max(10 * MINUTE, Date.parse(due.firstResponseDueAt as string) - createdMs);

    const vars: Record<string, string> = {
      customer: requester.name.split(' ')[0] as string,
      agent: assignee?.name.split(' ')[0] ?? 'the team',
      company: account?.name ?? 'your company',
      product: scenario.product,
      n: String(random.int(2, 40)),
      day: WEEKDAYS[new Date(createdMs - random.int(1, 4) * DAY).getUTCDay()] as string,
    };
    const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? `{${key}}`);
    const signed = (text: string) => `${fill(text)}\n\nBest,\n${vars.agent}`;

    // The thread as offsets from creation, squeezed to fit before now for recent tickets.
    // `side`: drawn from the side stream (reopenings), its id too.
    const steps: { offset: number; kind: Message['kind']; author: 'contact' | 'agent' | 'lead' | 'system'; body: string; side?: true }[] = [];
    let t = 0;
    const add = (delay: number, kind: Message['kind'], author: (typeof steps)[number]['author'], body: string, fromSide = false) => {
      t += delay;
      steps.push({ offset: t, kind, author, body, ...(fromSide && { side: true as const }) });
    };
    add(0, 'reply', 'contact', fill(random.pick(scenario.openings)));
    if (assignee) add(random.int(2, 90) * MINUTE, 'event', 'system', `Assigned to ${assignee.name} (${team?.name}).`);
    let firstResponseAt: number | null = null;
    let solvedAt: number | null = null;
    let firstResponseMet = true;
    let reopenCount = 0;
    if (status !== 'new' && assignee) {
      const slaMet = random.chance(0.85);
      // The first reply lands before the due time (met) or after it (missed); t already holds the assignment delay.
      const left = frWindow - t;
      const delay = slaMet ? random.int(MINUTE, Math.max(2 * MINUTE, left - MINUTE)) : Math.max(MINUTE, left + random.int(5, 180) * MINUTE);
      add(delay, 'reply', 'agent', signed(random.pick(scenario.firstReplies)));
      firstResponseAt = t;
      firstResponseMet = slaMet;
      if (scenario.notes.length && random.chance(0.3)) add(random.int(10, 200) * MINUTE, 'note', random.chance(0.2) ? 'lead' : 'agent', fill(random.pick(scenario.notes)));
      const followedUp = random.chance(0.65);
      if (followedUp) add(random.int(60, 2 * 24 * 60) * MINUTE, 'reply', 'contact', fill(random.pick(scenario.followUps)));
      if (status === 'pending') add(random.int(20, 300) * MINUTE, 'reply', 'agent', signed(random.pick(PENDING_ASKS)));
      if (status === 'on_hold') add(random.int(20, 300) * MINUTE, 'note', 'agent', random.pick(HOLD_NOTES));
      if (status === 'solved' || status === 'closed') {
        // Most tickets the customer did not come back on were solved by the first reply (first contact
        // resolution); the decision comes from the side stream, the main one draws as it always did.
        const delay = random.int(30, 24 * 60) * MINUTE;
        const resolution = signed(random.pick(scenario.resolutions));
        const oneTouch = !followedUp && side.chance(ONE_TOUCH_SHARE);
        add(delay, oneTouch ? 'note' : 'reply', 'agent', oneTouch ? ONE_TOUCH_NOTE : resolution);
        add(random.int(0, 2) * MINUTE, 'event', 'system', 'Status changed to Solved.');
        reopenCount = reopenings(side);
        for (let r = 0; r < reopenCount; r++) {
          add(side.int(2, 48) * HOUR, 'reply', 'contact', side.pick(REOPEN_REPLIES), true);
          add(side.int(0, 2) * MINUTE, 'event', 'system', 'Status changed from Solved to Open: the customer replied.', true);
          add(side.int(30, 24 * 60) * MINUTE, 'reply', 'agent', signed(side.pick(REOPEN_FIXES)), true);
          add(side.int(0, 2) * MINUTE, 'event', 'system', 'Status changed to Solved.', true);
        }
        solvedAt = t;
        if (status === 'closed') add(4 * DAY, 'event', 'system', 'Closed automatically 4 days after it was solved.');
      }
    } else if (status !== 'new') {
      status = 'new';
    }
    const room = now - MINUTE - createdMs;
    const squeeze = t > room ? room / t : 1;
    const at = (offset: number) => createdMs + Math.floor(offset * squeeze);

    const ticketId = demoId(random, createdMs);
    for (const step of steps) {
      const author = step.author === 'contact' ? requester.id : step.author === 'agent' ? (assignee?.id ?? null) : step.author === 'lead' ? lead.id : null;
      const ms = at(step.offset);
      messages.push({
        id: demoId(step.side ? side : random, ms),
        ticketId,
        kind: step.kind,
        authorType: step.author === 'contact' ? 'contact' : step.author === 'system' ? 'system' : 'agent',
        authorId: author,
        body: step.body,
        event: null,
        bodyHtml: null,
        attachments: [],
        mentionIds: [],
        createdAt: iso(ms),
      });
    }
    const tags = [...scenario.tags, ...(account?.plan === 'enterprise' ? ['vip'] : [])];
    const replyCount = steps.filter((s) => s.kind === 'reply' && s.author === 'agent').length;
    const solvedMs = solvedAt === null ? null : at(solvedAt);
    const satisfaction =
      solvedMs === null
        ? null
        : demoAnswer(side, { firstResponseMet, resolutionMet: solvedMs <= Date.parse(due.resolutionDueAt ?? iso(solvedMs)), reopenCount, replyCount }, ratedAtFor(side, solvedMs, now));
    const lastActivity = iso(at(t));
    tickets.push({
      id: ticketId,
      number: index + 1,
      subject: fill(random.pick(scenario.subjects)),
      status,
      priority,
      channel: random.weighted(CHANNEL_WEIGHTS),
      requesterId: requester.id,
      accountId: account?.id ?? null,
      teamId: team?.id ?? null,
      assigneeId: assignee?.id ?? null,
      tags,
      product: scenario.product,
      customFields: { region: random.pick(REGIONS), ...(scenario.product === 'Mobile App' && { app_version: `5.${vars.n}.0` }) },
      ...due,
      firstResponseAt: firstResponseAt === null ? null : iso(at(firstResponseAt)),
      solvedAt: solvedAt === null ? null : iso(at(solvedAt)),
      problemId: null,
      followerIds: [],
      mergedIntoId: null,
      replyCount,
      reopenCount,
      satisfaction,
      createdAt: iso(createdMs),
      // The answer, when it came after the last message, is the ticket's last change.
      updatedAt: satisfaction && satisfaction.ratedAt > lastActivity ? satisfaction.ratedAt : lastActivity,
    });
  }

  const articles: Article[] = draftArticles(random, PRODUCTS, count(DEMO_SIZES.articles)).map((draft) => {
    const created = historyStart - random.int(0, 300) * DAY;
    const updated = Math.min(now - HOUR, created + random.int(0, 200) * DAY);
    return {
      id: demoId(random, created),
      ...draft,
      status: random.chance(0.85) ? 'published' : 'draft',
      revision: random.int(1, 6),
      authorId: random.pick(agents).id,
      createdAt: iso(created),
      updatedAt: iso(updated),
    };
  });

  addHtmlEmails({ agents, contacts, tickets, messages });
  return { teams, agents, accounts, contacts, tickets, messages, articles, slaPolicies: [slaPolicy], macros: demoMacros(random, setupAt), views: demoViews(agents, now) };
}
