import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { migrations } from '../../../electron/engine/migrations/index.ts';
import { migrate } from '../../../electron/engine/replica/migrate.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import type { Macro } from '../../../shared/model/index.ts';
import { agentAlex, agentDee, T0, ticket } from '../shared/fixtures.ts';
import { baseRows, putRows, signedInReplica, tempFiles, unreachableServerUrl } from './support.ts';

const newFile = tempFiles();
const TICKET_ID = ticket().id;
const MESSAGE_ID = '0195f0a0-0000-7000-8000-0000000000e7';
const macro = (over: Partial<Macro>): Macro => ({ id: '0195f0a0-0000-7000-8000-0000000000b1', title: 'Zeta', body: 'x', kind: 'reply', actions: [], ownerId: null, createdAt: T0, updatedAt: T0, ...over });

const open: Engine[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function engineOn(file: string): Promise<{ engine: Engine; call: (name: string, input?: unknown) => Promise<unknown> }> {
  const engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
  open.push(engine);
  return { engine, call: async (name, input) => unwrapDeskResult(await engine.invoke(name, input)) };
}

describe('replica migration 006', () => {
  it('adds the engine-local drafts table to a version-5 file (one draft per ticket)', () => {
    const db = new Database(newFile());
    migrate(db, migrations.slice(0, 5));
    migrate(db, migrations.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    db.prepare(`INSERT INTO _drafts VALUES ('t1', 'reply', '<p>x</p>', NULL, ?)`).run(T0);
    expect(() => db.prepare(`INSERT INTO _drafts VALUES ('t1', 'note', '', NULL, ?)`).run(T0)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO _drafts VALUES ('t2', 'email', '', NULL, ?)`).run(T0)).toThrow(/CHECK/);
    db.close();
  });
});

describe('drafts', () => {
  it('are kept per ticket across an engine restart, replaced on save and gone after clear', async () => {
    const file = newFile();
    await signedInReplica(file, await unreachableServerUrl());
    const first = await engineOn(file);
    expect(await first.call('draft.get', { ticketId: TICKET_ID })).toBeNull();
    await first.call('draft.save', { ticketId: TICKET_ID, mode: 'reply', html: '<p>Hi Carla,</p>', baseMessageId: null });
    await first.call('draft.save', { ticketId: TICKET_ID, mode: 'note', html: '<p>Hi <strong>Carla</strong>, more</p>', baseMessageId: MESSAGE_ID });
    await first.engine.close();
    open.splice(0);

    const second = await engineOn(file);
    expect(await second.call('draft.get', { ticketId: TICKET_ID })).toEqual({
      ticketId: TICKET_ID,
      mode: 'note',
      html: '<p>Hi <strong>Carla</strong>, more</p>',
      baseMessageId: MESSAGE_ID,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Never part of sync: nothing waits in the outbox.
    expect(await second.call('sync.status')).toMatchObject({ pending: 0 });
    await second.call('draft.clear', { ticketId: TICKET_ID });
    expect(await second.call('draft.get', { ticketId: TICKET_ID })).toBeNull();
  });

  it('are refused when signed out, and wiped with the replica', async () => {
    const signedOut = await engineOn(newFile());
    expect((await signedOut.engine.invoke('draft.get', { ticketId: TICKET_ID })).ok).toBe(false);

    const replica = await Replica.open(newFile());
    replica.db.prepare(`INSERT INTO _drafts VALUES (?, 'reply', '<p>x</p>', NULL, ?)`).run(TICKET_ID, T0);
    await replica.wipe();
    expect(replica.db.prepare('SELECT count(*) FROM _drafts').pluck().get()).toBe(0);
    await replica.close();
  });
});

describe('macros', () => {
  it('lists shared macros and the agent’s own by title, never another agent’s personal ones', async () => {
    const file = newFile();
    await signedInReplica(file, await unreachableServerUrl());
    const replica = await Replica.open(file);
    await putRows(replica, [
      ...baseRows,
      { kind: 'agent', row: agentDee },
      { kind: 'macro', row: macro({}) },
      { kind: 'macro', row: macro({ id: '0195f0a0-0000-7000-8000-0000000000b2', title: 'alpha (mine)', ownerId: agentAlex.id }) },
      { kind: 'macro', row: macro({ id: '0195f0a0-0000-7000-8000-0000000000b3', title: 'Dee’s', ownerId: agentDee.id }) },
    ]);
    await replica.close();
    const { call } = await engineOn(file);
    expect(((await call('macro.list')) as Macro[]).map((m) => m.title)).toEqual(['alpha (mine)', 'Zeta']);

    const { macroId } = (await call('macro.save', { title: 'Mine too', body: 'Hi {{contact.first_name}}', kind: 'note', actions: [], shared: false })) as { macroId: string };
    expect(((await call('macro.list')) as Macro[]).find((m) => m.id === macroId)).toMatchObject({ title: 'Mine too', ownerId: agentAlex.id });
    expect(await call('sync.status')).toMatchObject({ pending: 1 });
    await call('macro.delete', { macroId });
    expect(((await call('macro.list')) as Macro[]).map((m) => m.title)).toEqual(['alpha (mine)', 'Zeta']);
  });

  it('refuses an agent a shared macro before it reaches the outbox', async () => {
    const file = newFile();
    await signedInReplica(file, await unreachableServerUrl());
    const { engine } = await engineOn(file);
    const result = await engine.invoke('macro.save', { title: 'Everyone’s', body: 'x', kind: 'reply', actions: [], shared: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringMatching(/Only a lead or an admin/) } });
  });
});
