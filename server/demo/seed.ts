import type { Kysely, Transaction } from 'kysely';
import type { EntityKind, EntityOf } from '../../shared/model/index.ts';
import { EntityKind as EntityKinds } from '../../shared/model/index.ts';
import { hashPassword } from '../auth/password.ts';
import { setCredential } from '../store/credentials.ts';
import { insertEntities } from '../store/entities.ts';
import { entityTables, type Database } from '../store/schema.ts';
import { lockForWriting, resetWorkspace } from '../store/workspace.ts';
import { recomputeChecksums } from '../sync/checksums.ts';
import { scopeOf } from '../sync/scopes.ts';
import { DEMO_PASSWORD, DEMO_WORKSPACE_NAME } from './credentials.ts';
import { generateDemo, type DemoOptions, type DemoWorkspace } from './generate.ts';

/** Why a seed was refused: the workspace already holds data. */
export class SeedRefused extends Error {
  override readonly name = 'SeedRefused';
}

/** The rows of each kind in a demo workspace. */
export const demoRows: { [K in EntityKind]: (w: DemoWorkspace) => EntityOf<K>[] } = {
  team: (w) => w.teams,
  agent: (w) => w.agents,
  account: (w) => w.accounts,
  contact: (w) => w.contacts,
  ticket: (w) => w.tickets,
  message: (w) => w.messages,
  article: (w) => w.articles,
  slaPolicy: (w) => w.slaPolicies,
  macro: (w) => w.macros,
  view: (w) => w.views,
  report: () => [],
};

async function assertEmpty(db: Kysely<Database> | Transaction<Database>): Promise<void> {
  for (const kind of EntityKinds.options) {
    const row = await db
      .selectFrom(entityTables[kind])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) {
      throw new SeedRefused(`The workspace already has data (${row.n} ${kind} rows); seed only an empty database, e.g. a new --db file.`);
    }
  }
}

/**
 * Generates the demo workspace and loads it in one transaction, then starts a new epoch so
 * any replica of the empty workspace re-bootstraps. Refuses a workspace that has data.
 */
export async function seedDemo(
  db: Kysely<Database>,
  opts: DemoOptions & { onProgress?: (message: string) => void } = {},
): Promise<DemoWorkspace> {
  const progress = opts.onProgress ?? (() => {});
  // Checked again inside the transaction; this early look only spares the work of generating.
  await assertEmpty(db);
  progress('Generating the demo workspace…');
  const demo = generateDemo(opts);
  // Everyone shares the public demo password, so one (slow, on purpose) scrypt hash serves all.
  const password = await hashPassword(DEMO_PASSWORD);
  const ticketScope = new Map(demo.tickets.map((t) => [t.id, scopeOf('ticket', t)]));

  await db.transaction().execute(async (trx) => {
    // A writer like any other: checksums computed from the rows must not miss a concurrent push.
    await lockForWriting(trx);
    await assertEmpty(trx);
    for (const kind of EntityKinds.options) {
      const items = (demoRows[kind](demo) as EntityOf<EntityKind>[]).map((entity) => ({
        entity,
        scope: scopeOf(kind, entity as { teamId?: string | null }, kind === 'message' ? ticketScope.get((entity as EntityOf<'message'>).ticketId) : undefined),
      }));
      progress(`Inserting ${items.length.toLocaleString('en')} ${kind} rows…`);
      await insertEntities(trx, kind, items);
    }
    for (const agent of demo.agents) await setCredential(trx, agent.id, password);
    // The rows came in outside the change log, so their scopes' checksums are computed here.
    await recomputeChecksums(trx);
    await resetWorkspace(trx, { name: DEMO_WORKSPACE_NAME, lastTicketNumber: demo.tickets.length });
  });
  progress('Demo workspace ready.');
  return demo;
}
