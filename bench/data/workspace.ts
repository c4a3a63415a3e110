import type { Account, Agent, Article, Contact, Message, Team, Ticket } from '../../shared/model/index.ts';
import { generateDemo, startOfUtcDay } from '../../server/demo/generate.ts';
import { createRandom } from '../../server/demo/prng.ts';
import { rosterGroups, type RosterGroup } from './directory.ts';
import { MessageText } from './message-text.ts';
import type { WorkspacePlan } from './sizes.ts';

/** One demo workspace's customers, tickets and threads, re-pointed at the large workspace's roster. */
export interface WorkspaceChunk {
  accounts: Account[];
  contacts: Contact[];
  tickets: Ticket[];
  messages: Message[];
  articles: Article[];
}

export interface LargeWorkspace {
  teams: Team[];
  agents: Agent[];
  /** The rest, one demo chunk at a time, so millions of rows never sit in memory at once. */
  chunks(): Generator<WorkspaceChunk>;
}

const rename = (map: ReadonlyMap<string, string>, id: string | null): string | null => (id === null ? null : (map.get(id) ?? id));

/**
 * A seeded large workspace made of demo workspaces (server/demo/generate.ts): chunk k is the demo
 * at `plan.chunkScale` with seed (seed, k), its teams and agents replaced by roster group k mod
 * groups, its accounts told apart by number, its ticket numbers continued, and its replies and
 * notes lengthened with Zipf text. Same seed and `now`, same rows.
 */
export function largeWorkspace(plan: WorkspacePlan, seed: number, now = startOfUtcDay()): LargeWorkspace {
  const groups = rosterGroups(plan.groups, seed, now);
  return {
    teams: groups.flatMap((g) => g.teams),
    agents: groups.flatMap((g) => g.agents),
    *chunks() {
      const text = new MessageText();
      let numbered = 0;
      let articles = 0;
      for (let k = 0; k < plan.chunks; k++) {
        const chunkSeed = seed * 100_003 + k;
        const demo = generateDemo({ scale: plan.chunkScale, seed: chunkSeed, now });
        const chunk = rosterOf(demo, groups[k % groups.length] as RosterGroup, k);
        const random = createRandom(chunkSeed);
        for (const m of chunk.messages) if (m.kind !== 'event') m.body = `${m.body}\n\n${text.detail(random)}`;
        for (const t of chunk.tickets) t.number = ++numbered;
        chunk.articles = chunk.articles.slice(0, Math.max(0, plan.articles - articles));
        articles += chunk.articles.length;
        yield chunk;
      }
    },
  };
}

function rosterOf(demo: ReturnType<typeof generateDemo>, group: RosterGroup, k: number): WorkspaceChunk {
  const ids = new Map<string, string>([
    ...demo.teams.map((t, i): [string, string] => [t.id, (group.teams[i] as Team).id]),
    ...demo.agents.map((a, i): [string, string] => [a.id, (group.agents[i] as Agent).id]),
  ]);
  // Chunks reuse the demo's company names: a number keeps accounts (and their people's addresses) apart.
  const domains = new Map<string, string>();
  const accounts = demo.accounts.map((a) => {
    if (k === 0 || !a.domain) return a;
    const domain = a.domain.replace(/\.example$/, `-${k + 1}.example`);
    domains.set(a.domain, domain);
    return { ...a, name: `${a.name} ${k + 1}`, domain };
  });
  const contacts = demo.contacts.map((c) => {
    const [local, domain] = c.email.split('@') as [string, string];
    const moved = domains.get(domain);
    return moved ? { ...c, email: `${local}@${moved}` } : c;
  });
  return {
    accounts,
    contacts,
    tickets: demo.tickets.map((t) => ({ ...t, teamId: rename(ids, t.teamId), assigneeId: rename(ids, t.assigneeId) })),
    messages: demo.messages.map((m) => (m.authorType === 'agent' ? { ...m, authorId: rename(ids, m.authorId) } : m)),
    articles: demo.articles.map((a) => ({ ...a, authorId: rename(ids, a.authorId) })),
  };
}
