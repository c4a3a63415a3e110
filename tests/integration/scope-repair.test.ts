import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pushOutbox } from '../../electron/engine/sync/push.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../server/demo/credentials.ts';
import { compactLog } from '../../server/sync/compaction.ts';
import { newId } from '../../shared/ids.ts';
import type { Agent, Ticket } from '../../shared/model/index.ts';
import { messageAdd } from '../../shared/mutators/index.ts';
import { routes } from '../../shared/sync/routes.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { serverWrite } from '../support/server-write.ts';
import { agentByEmail, note, post, readStore, signIn, ticketsOf } from '../unit/server/api.ts';
import { replicaFiles } from './engine-helpers.ts';
import { checksumsOf, replicaRows, serverProjection, syncedReplica, type ReplicaSession } from './scope-helpers.ts';

const newReplica = replicaFiles();
const sessions: ReplicaSession[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 23 } });
});
afterAll(async () => {
  for (const s of sessions) await s.replica.close();
  await server.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function replicaOf(email: string): Promise<ReplicaSession> {
  const session = await syncedReplica(server.url, newReplica(), email, server.location);
  sessions.push(session);
  return session;
}

async function expectConverged(s: ReplicaSession, agent: Agent = s.agent): Promise<void> {
  expect(replicaRows(s.replica.db.name)).toEqual(await serverProjection(server.location, agent));
  const { rows, recorded, server: expected } = await checksumsOf(s.replica.db.name, server.location);
  expect(rows).toEqual(expected);
  expect(recorded).toEqual(expected);
}

const teamScope = (teamId: string) => `team:${teamId}`;
const open = (t: Ticket) => !['solved', 'closed'].includes(t.status);

describe('scope repair', () => {
  it('a membership change downloads only the gained scope and purges the lost one, keeping what a pending mutation needs', async () => {
    const priya = await replicaOf('priya@orbit.demo');
    const [frontline] = priya.agent.teamIds as [string];
    const billing = (await agentByEmail(server.location, 'sofia@orbit.demo')).teamIds[0] as string;
    const [needed] = await ticketsOf(server.location, (t) => t.teamId === frontline && open(t) && t.assigneeId !== priya.agent.id);
    if (!needed) throw new Error('the demo lacks an open Frontline ticket');
    const noteId = newId();
    await priya.replica.writer.transaction(() =>
      priya.replica.outbox.record(messageAdd, { id: noteId, ticketId: needed.id, kind: 'note', body: 'Written before the move.' }, {
        actorId: priya.agent.id,
        role: 'agent',
        now: new Date().toISOString(),
      }),
    );

    // An administrator moves Priya from Frontline to Billing while her note is still unsent.
    await serverWrite(server.location, async (tx) => {
      await tx.put('agent', { ...priya.agent, teamIds: [billing], updatedAt: new Date().toISOString() });
    });
    const moved = { ...priya.agent, teamIds: [billing] };
    priya.api.forget();
    await priya.pull();

    expect(priya.api.bootstraps).toBe(0);
    expect(priya.api.snapshotScopes()).toEqual([[teamScope(billing)]]);
    const held = replicaRows(priya.replica.db.name);
    const expected = await serverProjection(server.location, moved);
    const thread = (await readStore(server.location, (db) => db.selectFrom('messages').select('id').where('ticket_id', '=', needed.id).execute())).map((m) => m.id);
    // Billing's rows came in; Frontline's left, except the ticket the note needs, its thread and the note itself.
    expect(held.tickets).toEqual([...expected.tickets, needed.id].sort());
    expect(held.messages).toEqual([...expected.messages, ...thread, noteId].sort());
    expect(priya.replica.store.get('message', noteId)).toMatchObject({ body: 'Written before the move.' });

    // Sent now, the note is refused (Priya no longer sees that ticket) and kept with the reason; the ticket then goes.
    await pushOutbox(priya.replica, priya.api, priya.clientId);
    expect(priya.replica.outbox.counts()).toEqual({ pending: 0, rejected: 1 });
    await priya.pull();
    await expectConverged(priya, moved);
    expect(priya.replica.db.prepare('SELECT count(*) FROM _retained').pluck().get()).toBe(0);
  });

  it('a deliberately corrupted replica is caught by its checksum and repaired by downloading that scope again, only it', async () => {
    const alex = await replicaOf(DEMO_AGENT_EMAIL);
    const [frontline] = alex.agent.teamIds as [string];
    // Tickets not assigned to Alex: Frontline is the only scope of his they are in.
    const [stale, robbed] = await ticketsOf(server.location, (t) => t.teamId === frontline && t.assigneeId !== alex.agent.id);
    if (!stale || !robbed) throw new Error('the demo lacks Frontline tickets of other agents');
    const { db } = alex.replica;
    const [lost] = alex.replica.store.thread(robbed.id);
    if (!lost) throw new Error('the ticket has no thread');

    // Behind the engine's back: a message vanishes, a ticket falls back to an older version, and a stray message appears.
    db.prepare('DELETE FROM messages WHERE id = ?').run(lost.id);
    db.prepare(`UPDATE tickets SET data = json_set(data, '$.subject', 'Tampered') WHERE id = ?`).run(stale.id);
    db.prepare(`UPDATE _versions SET version = version + 1000 WHERE kind = 'ticket' AND id = ?`).run(stale.id);
    const stray = { ...lost, id: newId(), body: 'Never on the server.' };
    db.prepare('INSERT INTO messages (id, ticket_id, author_id, created_at, data) VALUES (?, ?, ?, ?, ?)').run(stray.id, stray.ticketId, stray.authorId, stray.createdAt, JSON.stringify(stray));

    // The next session checks the replica against its record of what the server sent.
    await alex.reopen();
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    alex.api.forget();
    await alex.pull();

    expect(warnings.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(new RegExp(`3 replica rows .* downloading ${teamScope(frontline)} again`))]);
    expect(alex.api.bootstraps).toBe(0);
    expect(alex.api.snapshotScopes()).toEqual([[teamScope(frontline)]]);
    expect(alex.replica.store.get('message', lost.id)).toEqual(lost);
    expect(alex.replica.store.get('ticket', stale.id)?.subject).toBe(stale.subject);
    expect(alex.replica.store.get('message', stray.id)).toBeUndefined();
    await expectConverged(alex);
  });

  it('adopts a replica synced before row versions were kept: one download of its scopes confirms every row, none is lost', async () => {
    const alex = await replicaOf(DEMO_AGENT_EMAIL);
    const before = replicaRows(alex.replica.db.name);
    // What a replica of the previous version holds: rows, a cursor, no record of versions or scopes.
    alex.replica.db.exec(`DELETE FROM _versions; DELETE FROM _scope_sums; DELETE FROM _meta WHERE key = 'scopes'`);
    await alex.reopen();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    alex.api.forget();
    await alex.pull();
    expect(alex.api.bootstraps).toBe(0);
    expect(new Set(alex.api.snapshotScopes().flat())).toEqual(new Set(['org', ...alex.agent.teamIds.map(teamScope), `user:${alex.agent.id}`]));
    expect(replicaRows(alex.replica.db.name)).toEqual(before);
    await expectConverged(alex);
  });

  it('a change the replica never applied (its cursor skipped it) is caught by the next pull’s checksum and repaired', async () => {
    const alex = await replicaOf(DEMO_AGENT_EMAIL);
    const [frontline] = alex.agent.teamIds as [string];
    const [ticket] = await ticketsOf(server.location, (t) => t.teamId === frontline && open(t) && t.assigneeId !== alex.agent.id);
    if (!ticket) throw new Error('the demo lacks an open Frontline ticket of another agent');
    const lena = await signIn(server.url, DEMO_LEAD_EMAIL);
    const written = await post(server.url, routes.push, { clientId: lena.clientId, mutations: [note(1, ticket.id, 'Lost on the way.')] }, lena.token);
    expect(written.body.results[0].status).toBe('applied');
    // As if the page with that change had been lost: the cursor jumps to the head without its data.
    const head = await readStore(server.location, (db) => db.selectFrom('workspace').select(['epoch', 'last_seq']).executeTakeFirstOrThrow());
    await alex.replica.writer.transaction(() => alex.replica.meta.setJson('cursor', { epoch: head.epoch, seq: head.last_seq }));

    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    alex.api.forget();
    await alex.pull();
    expect(warnings.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(new RegExp(`checksum mismatch in ${teamScope(frontline)}`))]);
    expect(alex.api.snapshotScopes()).toEqual([[teamScope(frontline)]]);
    expect(alex.replica.store.thread(ticket.id).map((m) => m.body)).toContain('Lost on the way.');
    await expectConverged(alex);
  });

  it('a cursor behind the compaction horizon re-downloads only the scopes that lost changes', async () => {
    const alex = await replicaOf(DEMO_AGENT_EMAIL);
    const aisha = await replicaOf('aisha@orbit.demo');
    const [technical] = aisha.agent.teamIds as [string];
    const [busy] = await ticketsOf(server.location, (t) => t.teamId === technical && open(t) && t.assigneeId !== aisha.agent.id);
    if (!busy) throw new Error('the demo lacks an open Technical ticket of another agent');
    const tom = await signIn(server.url, 'tom@orbit.demo');
    const written = await post(server.url, routes.push, { clientId: tom.clientId, mutations: [note(1, busy.id, 'Checked the logs.')] }, tom.token);
    expect(written.body.results[0].status).toBe('applied');
    const { scopes } = await readStore(server.location, (db) => compactLog(db, { keepDays: 0, now: new Date(Date.now() + 1000) }));
    expect(scopes).toEqual(expect.arrayContaining([teamScope(technical)]));

    // Alex's scopes lost nothing to the compaction: he pulls on from his cursor.
    alex.api.forget();
    await alex.pull();
    expect(alex.api.snapshots).toEqual([]);
    await expectConverged(alex);

    // Aisha's team lost the note's change: that scope alone comes again, the rest of her replica stays.
    aisha.api.forget();
    await aisha.pull();
    expect(aisha.api.bootstraps).toBe(0);
    expect(aisha.api.snapshotScopes()).toEqual([[teamScope(technical)]]);
    expect(aisha.replica.store.thread(busy.id).map((m) => m.body)).toContain('Checked the logs.');
    await expectConverged(aisha);
  });
});
