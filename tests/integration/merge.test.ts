import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../server/demo/credentials.ts';
import type { TicketLinks } from '../../shared/ipc/features/ticket-actions.ts';
import type { DeskApi } from '../../shared/ipc/index.ts';
import type { Agent, Ticket } from '../../shared/model/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { agentByEmail, readStore, ticketsOf } from '../unit/server/api.ts';
import { idleAndOnline, replicaFiles, signedInWorkstation, untilStatus } from './engine-helpers.ts';
import { checksumsOf, replicaRows, serverProjection } from './scope-helpers.ts';

/**
 * A lead merges a ticket of one team into a ticket of another: the thread moves to the survivor and
 * so into the survivor's scopes. Every replica converges: the survivor's team gains the messages, the
 * source's team keeps the closed source pointing to the survivor and drops the moved messages, and
 * rows and checksums match the server's.
 */
const newReplica = replicaFiles();
const cleanup: (() => Promise<void>)[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.1, seed: 7 } });
  cleanup.push(() => server.close());
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

interface Station {
  desk: DeskApi;
  dbFile: string;
  agent: Agent;
}

async function station(email: string): Promise<Station> {
  const dbFile = newReplica();
  const { desk } = await signedInWorkstation({ serverUrl: server.url, email, dbFile, opened: (e) => cleanup.push(() => e.close()) });
  return { desk, dbFile, agent: await agentByEmail(server.location, email) };
}

async function settled(...stations: Station[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const s of stations) {
      await s.desk.invoke('sync.now');
      await untilStatus(s.desk, idleAndOnline);
    }
  }
}

async function expectProjection(s: Station): Promise<void> {
  expect(replicaRows(s.dbFile)).toEqual(await serverProjection(server.location, s.agent));
  const { rows, recorded, server: expected } = await checksumsOf(s.dbFile, server.location);
  expect(rows).toEqual(expected);
  expect(recorded).toEqual(expected);
}

const threadIds = (ticketId: string) =>
  readStore(server.location, async (db) => (await db.selectFrom('messages').select('id').where('ticket_id', '=', ticketId).orderBy('id').execute()).map((m) => m.id));

describe('merging over real engines', () => {
  it('moves the thread into the survivor’s scopes; every replica converges, the source points to the survivor', async () => {
    const [alex, sofia, lena] = [await station(DEMO_AGENT_EMAIL), await station('sofia@orbit.demo'), await station(DEMO_LEAD_EMAIL)];
    const open = (t: Ticket) => t.status !== 'closed' && t.mergedIntoId === null;
    const teamA = alex.agent.teamIds[0];
    const teamB = sofia.agent.teamIds.find((t) => !alex.agent.teamIds.includes(t));
    expect(teamB && lena.agent.teamIds.includes(teamA ?? '') && lena.agent.teamIds.includes(teamB)).toBeTruthy();
    const unassigned = (t: Ticket) => t.assigneeId === null || (t.assigneeId !== alex.agent.id && t.assigneeId !== sofia.agent.id);
    const [target] = await ticketsOf(server.location, (t) => open(t) && t.teamId === teamA && unassigned(t));
    const sources = await ticketsOf(server.location, (t) => open(t) && t.teamId === teamB && unassigned(t));
    const source = sources.find(() => true);
    if (!target || !source) throw new Error('the demo workspace has no suitable tickets');
    const moved = await threadIds(source.id);
    expect(moved.length).toBeGreaterThan(0);
    expect((await sofia.desk.invoke('ticket.get', { id: source.id }))?.messages.map((m) => m.id).sort()).toEqual(moved);
    expect(await alex.desk.invoke('ticket.get', { id: source.id })).toBeNull();

    await lena.desk.invoke('ticket.merge', { sourceIds: [source.id], targetId: target.id });
    // Optimistically, at once, on the lead's own replica.
    expect((await lena.desk.invoke('ticket.get', { id: source.id }))?.ticket).toMatchObject({ status: 'closed', mergedIntoId: target.id });
    await settled(lena, alex, sofia);

    // The survivor's team now holds the moved thread and the merge event.
    const alexTarget = await alex.desk.invoke('ticket.get', { id: target.id });
    for (const id of moved) expect(alexTarget?.messages.map((m) => m.id)).toContain(id);
    expect(alexTarget?.messages.filter((m) => m.event?.type === 'merge').map((m) => m.body)).toEqual([`#${source.number} was merged into this ticket`]);

    // The source's team keeps the source, closed and pointing to the survivor, without the moved thread.
    const sofiaSource = await sofia.desk.invoke('ticket.get', { id: source.id });
    expect(sofiaSource?.ticket).toMatchObject({ status: 'closed', mergedIntoId: target.id });
    expect(sofiaSource?.messages.map((m) => m.body)).toEqual([`Merged #${source.number} into #${target.number}`]);
    // The lead, who sees both, jumps from the source to the survivor.
    const links = (await lena.desk.invoke('ticket.links', { ticketId: source.id })) as TicketLinks;
    expect(links.mergedInto).toMatchObject({ id: target.id, number: target.number });
    const lenaTarget = await lena.desk.invoke('ticket.get', { id: target.id });
    expect(lenaTarget?.messages.map((m) => m.id)).toEqual(expect.arrayContaining(moved));
    // Nobody's replica has a copy left behind or one too many.
    expect(new Set(lenaTarget?.messages.map((m) => m.id)).size).toBe(lenaTarget?.messages.length);

    for (const s of [alex, sofia, lena]) await expectProjection(s);
  });
});
