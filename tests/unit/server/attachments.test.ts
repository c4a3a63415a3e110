import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import { MAX_ATTACHMENT_BYTES, type Agent, type Attachment, type Message, type Ticket } from '../../../shared/model/index.ts';
import { attachmentHeaders, attachmentPath } from '../../../shared/sync/attachment-transfer.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { putEntity } from '../../../server/store/entities.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { agentByEmail, readStore, signIn, ticketsOf } from './api.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

let server: TestServer;
let alex: Session;
let aisha: Session;
let admin: Session;
let alexAgent: Agent;
let teamATicket: Ticket;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.05 } });
  alex = await signIn(server.url, DEMO_AGENT_EMAIL);
  aisha = await signIn(server.url, 'aisha@orbit.demo');
  admin = await signIn(server.url, DEMO_ADMIN_EMAIL);
  alexAgent = await agentByEmail(server.location, DEMO_AGENT_EMAIL);
  const aishaAgent = await agentByEmail(server.location, 'aisha@orbit.demo');
  // A ticket of Alex's team that Aisha's replica does not hold.
  teamATicket = (
    await ticketsOf(server.location, (t) => t.teamId === alexAgent.teamIds[0] && !aishaAgent.teamIds.includes(t.teamId) && t.assigneeId !== aishaAgent.id)
  )[0] as Ticket;
});
afterAll(async () => {
  await server.close();
});

interface Upload {
  id?: string;
  bytes?: Uint8Array;
  sha256?: string;
  name?: string;
  contentType?: string;
  token?: string | null;
}

async function upload(opts: Upload = {}) {
  const bytes = opts.bytes ?? new TextEncoder().encode('hello, attachment');
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? 'text/plain',
    [attachmentHeaders.sha256]: opts.sha256 ?? sha(bytes),
    [attachmentHeaders.name]: encodeURIComponent(opts.name ?? 'notes ü.txt'),
  };
  const token = opts.token === undefined ? alex.token : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(server.url + attachmentPath(opts.id ?? newId()), { method: 'PUT', headers, body: Buffer.from(bytes) });
  return { status: res.status, body: (await res.json()) as { error?: string; message?: string; sha256?: string; size?: number } };
}

async function download(id: string, token: string) {
  const res = await fetch(server.url + attachmentPath(id), { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, bytes, headers: res.headers, json: () => JSON.parse(new TextDecoder().decode(bytes)) as { error: string; message: string } };
}

/** A message on a ticket carrying the attachment, written into the store as message.add would (authored by `authorId`). */
async function messageWith(ticket: Ticket, attachment: Attachment, authorId: string): Promise<void> {
  const message: Message = {
    id: newId(), ticketId: ticket.id, kind: 'reply', authorType: 'agent', authorId, body: 'See attached.', event: null, bodyHtml: null,
    attachments: [attachment], mentionIds: [], createdAt: new Date().toISOString(),
  };
  await readStore(server.location, (db) => putEntity(db, 'message', message, `team:${ticket.teamId ?? 'none'}`));
}

describe('PUT /api/v1/attachments/:id', () => {
  it('stores the bytes once: 201, then 200 for the same id and hash, 409 for other bytes under that id', async () => {
    const id = newId();
    const bytes = new Uint8Array([0, 1, 2, 255, 254, 10, 13]);
    expect(await upload({ id, bytes, contentType: 'application/octet-stream' })).toMatchObject({ status: 201, body: { sha256: sha(bytes), size: 7 } });
    expect(await upload({ id, bytes })).toMatchObject({ status: 200, body: { sha256: sha(bytes), size: 7 } });
    expect(await upload({ id, bytes: new Uint8Array([9]) })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    const stored = await readStore(server.location, (db) => db.selectFrom('attachment_blobs').selectAll().where('id', '=', id).execute());
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ sha256: sha(bytes), size: 7, uploaded_by: alexAgent.id, name: 'notes ü.txt', content_type: 'application/octet-stream' });
    expect([...new Uint8Array(stored[0]!.bytes)]).toEqual([...bytes]);
  });

  it('refuses bytes that do not hash to the announced sha256', async () => {
    const answer = await upload({ sha256: sha(new TextEncoder().encode('something else')) });
    expect(answer).toMatchObject({ status: 400, body: { error: 'hash_mismatch', message: expect.stringMatching(/send it again/) } });
  });

  it('refuses a file over 25 MiB with 413 and a clear message', async () => {
    const answer = await upload({ bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: 'payload_too_large', message: expect.stringMatching(/over the 25 MiB limit for attachments/) });
  });

  it('accepts a file of exactly 25 MiB', async () => {
    expect((await upload({ bytes: new Uint8Array(MAX_ATTACHMENT_BYTES).fill(7) })).status).toBe(201);
  });

  it('needs a session, a UUID id, a hash header and a name', async () => {
    expect(await upload({ token: null })).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(await upload({ token: 'forged-token' })).toMatchObject({ status: 401 });
    expect((await upload({ id: 'not-a-uuid' })).status).toBe(400);
    expect((await upload({ sha256: 'abc' })).status).toBe(400);
    expect((await upload({ name: '' })).status).toBe(400);
  });
});

describe('GET /api/v1/attachments/:id', () => {
  it('says so when the file is not uploaded yet', async () => {
    const answer = await download(newId(), alex.token);
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ error: 'not_uploaded', message: expect.stringMatching(/not been uploaded yet/) });
  });

  it('gives the uploader the bytes back, as a download that a browser never renders', async () => {
    const id = newId();
    const bytes = new TextEncoder().encode('<script>alert(1)</script>');
    await upload({ id, bytes, contentType: 'text/html', name: 'page.html' });
    const answer = await download(id, alex.token);
    expect(answer.status).toBe(200);
    expect(new TextDecoder().decode(answer.bytes)).toBe('<script>alert(1)</script>');
    expect(answer.headers.get('content-type')).toBe('application/octet-stream');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(answer.headers.get(attachmentHeaders.sha256)).toBe(sha(bytes));
    expect(answer.headers.get(attachmentHeaders.contentType)).toBe('text/html');
  });

  it('gives others the bytes only through a message they can see on a ticket of their scopes', async () => {
    const id = newId();
    const bytes = new TextEncoder().encode('invoice 2026-11');
    await upload({ id, bytes, name: 'invoice.pdf', contentType: 'application/pdf' });
    // Not on any message yet: only the uploader may read it.
    expect((await download(id, aisha.token)).status).toBe(404);
    expect((await download(id, admin.token)).status).toBe(404);
    await messageWith(teamATicket, { id, name: 'invoice.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha(bytes) }, alexAgent.id);
    expect((await download(id, admin.token)).status).toBe(200);
    // Aisha's teams do not include this ticket's: the same 404 as for a missing file.
    const refused = await download(id, aisha.token);
    expect(refused.status).toBe(404);
    expect(refused.json()).toMatchObject({ error: 'not_found' });
    expect((await download(id, 'forged-token')).status).toBe(401);
  });

  it('does not open a file to the readers of a message whose author did not upload it', async () => {
    const aishaAgent = await agentByEmail(server.location, 'aisha@orbit.demo');
    const aishaTicket = (await ticketsOf(server.location, (t) => t.teamId === aishaAgent.teamIds[0]))[0] as Ticket;
    const id = newId();
    const bytes = new TextEncoder().encode('secret of team A');
    await upload({ id, bytes });
    // Aisha names Alex's attachment on a ticket she can see: that must not let her read it.
    await messageWith(aishaTicket, { id, name: 'x.txt', contentType: 'text/plain', size: bytes.length, sha256: sha(bytes) }, aishaAgent.id);
    expect((await download(id, aisha.token)).status).toBe(404);
  });
});
