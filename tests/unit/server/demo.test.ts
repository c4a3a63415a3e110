import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { entitySchemas, EntityKind, TicketStatus } from '../../../shared/model/index.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { DEMO_SIZES, generateDemo, startOfUtcDay, type DemoWorkspace } from '../../../server/demo/generate.ts';
import { demoRows, seedDemo, SeedRefused } from '../../../server/demo/seed.ts';
import { openStore } from '../../../server/store/open.ts';
import type { Database } from '../../../server/store/schema.ts';
import { readWorkspace } from '../../../server/store/workspace.ts';
import { freshStore } from '../../support/store.ts';

const now = new Date('2026-11-22T00:00:00Z');
const DAY = 86_400_000;
const full = generateDemo({ seed: 7, now });

const listOf = (w: DemoWorkspace, kind: EntityKind): { id: string }[] => demoRows[kind](w);

describe('demo workspace generation', () => {
  it('is deterministic: the same seed gives identical rows, another seed other rows', () => {
    expect(generateDemo({ seed: 7, now })).toEqual(full);
    expect(generateDemo({ seed: 8, now }).tickets[0]).not.toEqual(full.tickets[0]);
  });

  it('defaults "now" to the start of the current UTC day', () => {
    expect(generateDemo({ seed: 3, scale: 0.02 })).toEqual(generateDemo({ seed: 3, scale: 0.02, now: startOfUtcDay() }));
  });

  it('has the documented sizes, and scale shrinks them', () => {
    expect(full.teams).toHaveLength(3);
    expect(full.agents).toHaveLength(10);
    expect(full.accounts).toHaveLength(DEMO_SIZES.accounts);
    expect(full.contacts).toHaveLength(DEMO_SIZES.contacts);
    expect(full.tickets).toHaveLength(DEMO_SIZES.tickets);
    expect(full.articles).toHaveLength(DEMO_SIZES.articles);
    expect(full.messages.length).toBeGreaterThan(full.tickets.length * 2);
    const small = generateDemo({ seed: 7, now, scale: 0.1 });
    expect([small.accounts.length, small.contacts.length, small.tickets.length, small.articles.length]).toEqual([6, 40, 300, 8]);
    expect(small.agents).toHaveLength(10);
  });

  it('has exactly one lead and one admin, and the demo agent on the first team with open tickets', () => {
    expect(full.agents.filter((a) => a.role === 'lead').map((a) => a.email)).toEqual([DEMO_LEAD_EMAIL]);
    expect(full.agents.filter((a) => a.role === 'admin').map((a) => a.email)).toEqual([DEMO_ADMIN_EMAIL]);
    const alex = full.agents.find((a) => a.email === DEMO_AGENT_EMAIL);
    expect(alex).toMatchObject({ role: 'agent', teamIds: [full.teams[0]?.id] });
    expect(full.tickets.filter((t) => t.assigneeId === alex?.id && t.status === 'open').length).toBeGreaterThan(5);
  });

  it('makes valid, unique, UUIDv7-shaped rows that refer to each other', () => {
    const ids = new Set<string>();
    const invalid: unknown[] = [];
    for (const kind of EntityKind.options) {
      for (const row of listOf(full, kind)) {
        const parsed = entitySchemas[kind].safeParse(row);
        if (!parsed.success || !/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(row.id)) invalid.push(row);
        ids.add(row.id);
      }
    }
    expect(invalid).toEqual([]);
    const total = EntityKind.options.reduce((n, kind) => n + listOf(full, kind).length, 0);
    expect(ids.size).toBe(total);
    const tickets = new Set(full.tickets.map((t) => t.id));
    const contacts = new Set(full.contacts.map((c) => c.id));
    expect(full.messages.every((m) => tickets.has(m.ticketId))).toBe(true);
    expect(full.tickets.every((t) => contacts.has(t.requesterId))).toBe(true);
    expect(full.tickets.map((t) => t.number)).toEqual(full.tickets.map((_, i) => i + 1));
  });

  it('spreads tickets and messages over the 120 days before now, with a realistic mix', () => {
    const times = [...full.tickets.map((t) => t.createdAt), ...full.messages.map((m) => m.createdAt)].map(Date.parse);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 120 * DAY);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    const statuses = new Set(full.tickets.map((t) => t.status));
    expect([...statuses].sort()).toEqual([...TicketStatus.options].sort());
    for (const t of full.tickets) {
      expect(t.solvedAt !== null).toBe(t.status === 'solved' || t.status === 'closed');
      if (t.status !== 'new') expect(t.firstResponseAt).not.toBeNull();
      expect(t.firstResponseDueAt! > t.createdAt).toBe(true);
    }
    expect(new Set(full.tickets.map((t) => t.channel)).size).toBe(6);
    expect(new Set(full.accounts.map((a) => a.plan)).size).toBe(4);
    expect(full.accounts.filter((a) => a.plan === 'free').every((a) => a.mrrCents === 0)).toBe(true);
    expect(new Set(full.messages.map((m) => m.kind))).toEqual(new Set(['reply', 'note', 'event']));
    expect(full.messages.some((m) => m.authorType === 'contact') && full.messages.some((m) => m.authorType === 'system')).toBe(true);
    expect(full.articles.every((a) => a.body.includes('## '))).toBe(true);
  });
});

describe('seeding the demo workspace', () => {
  let db: Kysely<Database>;
  beforeEach(async () => {
    db = await openStore(await freshStore({ migrated: false }));
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('loads every row and names the workspace, then refuses to seed again', async () => {
    const before = await readWorkspace(db);
    const demo = await seedDemo(db, { seed: 2, scale: 0.05, now });
    const count = async (table: 'tickets' | 'messages' | 'credentials') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('tickets')).toBe(demo.tickets.length);
    expect(await count('messages')).toBe(demo.messages.length);
    expect(await count('credentials')).toBe(10);
    const after = await readWorkspace(db);
    expect(after).toMatchObject({ name: 'Orbit Demo', last_ticket_number: demo.tickets.length });
    // A new epoch: replicas of the empty workspace must bootstrap again.
    expect(after.epoch).not.toBe(before.epoch);
    await expect(seedDemo(db, { seed: 3, scale: 0.05, now })).rejects.toThrow(SeedRefused);
    expect(await count('tickets')).toBe(demo.tickets.length);
  });
});
