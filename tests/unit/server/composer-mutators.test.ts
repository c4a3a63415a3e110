import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../../server/demo/credentials.ts';
import { DEMO_MACROS } from '../../../server/demo/macros.ts';
import { fromRow } from '../../../server/store/rows.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, mutation, post, readStore, signIn, ticketsOf } from './api.ts';

/** The composer's mutations, run authoritatively by the server: macros by role and owner, messages with HTML and mentions. */
type SignedIn = Awaited<ReturnType<typeof signIn>>;

let server: TestServer;
let alex: SignedIn;
let lena: SignedIn;
let openTicket: Ticket;

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05 } });
  [alex, lena] = await Promise.all([signIn(server.url, DEMO_AGENT_EMAIL), signIn(server.url, DEMO_LEAD_EMAIL)]);
  const team = (await agentByEmail(server.location, DEMO_AGENT_EMAIL)).teamIds[0];
  const found = (await ticketsOf(server.location, (t) => t.teamId === team && t.status === 'open'))[0];
  if (!found) throw new Error('no open ticket in the demo team');
  openTicket = found;
}, 60_000);
afterAll(async () => {
  await server.close();
}, 30_000);

function client(who: SignedIn) {
  const clientId = newId();
  let next = 1;
  return async (...mutations: { name: string; args: unknown }[]) =>
    (await post(server.url, routes.push, { clientId, mutations: mutations.map((m) => mutation(next++, m.name, m.args)) }, who.token)).body.results as unknown[];
}

const macroOnServer = async (id: string) => {
  const row = await readStore(server.location, (db) => db.selectFrom('macros').selectAll().where('id', '=', id).executeTakeFirst());
  return row && fromRow('macro', row);
};
const messageOnServer = async (id: string) => {
  const row = await readStore(server.location, (db) => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst());
  return row && fromRow('message', row);
};

describe('macros on the server', () => {
  it('holds the demo macros, shared', async () => {
    const rows = await readStore(server.location, (db) => db.selectFrom('macros').selectAll().execute());
    const macros = rows.map((r) => fromRow('macro', r));
    expect(macros.map((m) => m.title).sort()).toEqual(DEMO_MACROS.map((m) => m.title).sort());
    expect(macros.every((m) => m.ownerId === null)).toBe(true);
  });

  it('lets an agent keep personal macros only, and a lead share and delete them', async () => {
    const alex_ = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
    const [mine, shared] = [newId(), newId()];
    const macro = (id: string, isShared: boolean) => ({ name: 'macro.save@1', args: { id, title: 'Hello', body: 'Hi {{contact.first_name}}', kind: 'reply', actions: [], shared: isShared } });
    expect(await client(alex)(macro(shared, true), macro(mine, false))).toEqual([
      { id: 1, status: 'rejected', error: 'Only a lead or an admin can change shared macros; make a personal macro instead.' },
      { id: 2, status: 'applied' },
    ]);
    expect(await macroOnServer(mine)).toMatchObject({ ownerId: alex_.id });
    expect(await client(lena)(macro(shared, true), { name: 'macro.delete@1', args: { macroId: mine } })).toEqual([
      { id: 1, status: 'applied' },
      { id: 2, status: 'rejected', error: 'A personal macro can only be changed by the agent it belongs to.' },
    ]);
    expect(await macroOnServer(shared)).toMatchObject({ ownerId: null });
    expect(await client(alex)({ name: 'macro.delete@1', args: { macroId: shared } }, { name: 'macro.delete@1', args: { macroId: mine } })).toEqual([
      { id: 1, status: 'rejected', error: 'Only a lead or an admin can change shared macros; make a personal macro instead.' },
      { id: 2, status: 'applied' },
    ]);
    expect(await macroOnServer(mine)).toBeUndefined();
  });
});

describe('message.add@1 on the server', () => {
  it('stores HTML as given and mentions of a note; refuses mentions in a reply; old arguments still apply', async () => {
    const lena_ = await agentByEmail(server.location, DEMO_LEAD_EMAIL);
    const [note, reply, old] = [newId(), newId(), newId()];
    const html = '<p>Can you look, <span data-type="mention" data-id="x">@Lena</span>?</p>';
    const results = await client(alex)(
      { name: 'message.add@1', args: { id: note, ticketId: openTicket.id, kind: 'note', body: 'Can you look, @Lena?', bodyHtml: html, mentionIds: [lena_.id] } },
      { name: 'message.add@1', args: { id: reply, ticketId: openTicket.id, kind: 'reply', body: 'Hi @Lena', mentionIds: [lena_.id] } },
      { name: 'message.add@1', args: { id: old, ticketId: openTicket.id, kind: 'reply', body: 'Plain as before.' } },
    );
    expect(results).toEqual([
      { id: 1, status: 'applied' },
      { id: 2, status: 'rejected', error: 'Mentions are for internal notes: send this as a note, or remove the @mentions from the reply.' },
      { id: 3, status: 'applied' },
    ]);
    expect(await messageOnServer(note)).toMatchObject({ bodyHtml: html, mentionIds: [lena_.id], attachments: [] });
    expect(await messageOnServer(reply)).toBeUndefined();
    expect(await messageOnServer(old)).toMatchObject({ bodyHtml: null, mentionIds: [] });
  });
});
