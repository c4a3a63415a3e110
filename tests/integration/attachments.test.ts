import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { newId } from '../../shared/ids.ts';
import type { AttachmentUploads } from '../../shared/ipc/features/attachments.ts';
import type { DeskApi } from '../../shared/ipc/index.ts';
import type { Attachment, Message } from '../../shared/model/index.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { putEntity } from '../../server/store/entities.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readStore } from '../support/store.ts';
import { deskOf, idleAndOnline, replicaFiles, untilEvent, untilStatus } from './engine-helpers.ts';

const newReplica = replicaFiles();
const dataDir = mkdtempSync(join(tmpdir(), 'orbit-attachments-'));
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  rmSync(dataDir, { recursive: true, force: true });
});

async function workstation(dbFile: string, attachmentsDir: string): Promise<{ engine: Engine; desk: DeskApi }> {
  const engine = await Engine.open({ dbFile, attachmentsDir, pollIntervalMs: 0 });
  cleanup.push(() => engine.close());
  return { engine, desk: deskOf(engine) };
}

async function signIn(desk: DeskApi, serverUrl: string, email: string): Promise<string> {
  const session = await desk.invoke('session.login', { serverUrl, email, password: DEMO_PASSWORD });
  if (session.state !== 'signed_in') throw new Error(`sign-in of ${email} failed`);
  await untilStatus(desk, idleAndOnline);
  return session.agent.id;
}

const untilUploads = (desk: DeskApi, wanted: (u: AttachmentUploads) => boolean) => untilEvent(desk, 'attachment.uploads', 'attachment.uploads', wanted);

/** What message.add with attachments writes (the composer's part); here straight into the server's store, authored by the uploader. */
async function messageOnServer(server: TestServer, ticketId: string, authorId: string, attachment: Attachment): Promise<void> {
  await readStore(server.location, async (db) => {
    const ticket = await db.selectFrom('tickets').select('scope').where('id', '=', ticketId).executeTakeFirstOrThrow();
    const message: Message = {
      id: newId(), ticketId, kind: 'reply', authorType: 'agent', authorId, body: 'Report attached.', event: null, bodyHtml: null,
      attachments: [attachment], mentionIds: [], createdAt: new Date().toISOString(),
    };
    await putEntity(db, 'message', message, ticket.scope);
  });
}

describe('attachments between workstations', () => {
  it('keeps a file attached offline, uploads it after a restart and reconnect, and another workstation downloads it lazily, once', async () => {
    let server = await startTestServer({ demo: { scale: 0.05, seed: 3 } });
    cleanup.push(() => server.close());
    const [alexFile, adminFile] = [newReplica(), newReplica()];
    const [alexDir, adminDir] = [join(dataDir, 'alex'), join(dataDir, 'admin')];
    let alex = await workstation(alexFile, alexDir);
    const alexId = await signIn(alex.desk, server.url, DEMO_AGENT_EMAIL);
    const admin = await workstation(adminFile, adminDir);
    await signIn(admin.desk, server.url, DEMO_ADMIN_EMAIL);
    const [ticket] = (await alex.desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    if (!ticket) throw new Error('the demo agent has no ticket');

    await server.close();
    const bytes = Buffer.from(`id,amount\n1,42.00\n${'x'.repeat(70_000)}\n`);
    const attachment = await alex.desk.invoke('attachment.add', { name: 'report.csv', contentType: 'text/csv', base64: bytes.toString('base64') });
    expect(attachment).toMatchObject({ name: 'report.csv', contentType: 'text/csv', size: bytes.length });
    expect(readFileSync(join(alexDir, attachment.sha256))).toEqual(bytes);
    expect(await alex.desk.invoke('attachment.uploads')).toEqual({ pendingIds: [attachment.id], failed: [] });
    // The file attached here opens offline; elsewhere it is not there to open.
    expect(Buffer.from((await alex.desk.invoke('attachment.open', { id: attachment.id, sha256: attachment.sha256 })).base64, 'base64')).toEqual(bytes);
    await expect(admin.desk.invoke('attachment.open', { id: attachment.id, sha256: attachment.sha256 })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^Connect to download this file/),
    });

    // The workstation restarts while offline: the upload is still queued.
    await alex.engine.close();
    alex = await workstation(alexFile, alexDir);
    expect((await alex.desk.invoke('attachment.uploads')).pendingIds).toEqual([attachment.id]);

    server = await startTestServer({ location: server.location, port: server.port });
    cleanup.push(() => server.close());
    await untilUploads(alex.desk, (u) => u.pendingIds.length === 0);
    await untilStatus(alex.desk, idleAndOnline);
    const stored = await readStore(server.location, (db) => db.selectFrom('attachment_blobs').select(['id', 'sha256', 'size', 'name', 'uploaded_by']).execute());
    expect(stored).toEqual([{ id: attachment.id, sha256: attachment.sha256, size: bytes.length, name: 'report.csv', uploaded_by: alexId }]);

    // Before a message names it, only its uploader may fetch it.
    await untilStatus(admin.desk, idleAndOnline);
    await expect(admin.desk.invoke('attachment.open', { id: attachment.id, sha256: attachment.sha256 })).rejects.toMatchObject({ code: 'rejected' });
    await messageOnServer(server, ticket.id, alexId, attachment);

    // A checksum that does not match what arrives: refused, and nothing kept.
    const wrongSha = 'f'.repeat(64);
    await expect(admin.desk.invoke('attachment.open', { id: attachment.id, sha256: wrongSha })).rejects.toMatchObject({ message: expect.stringMatching(/checksum/) });
    expect(existsSync(join(adminDir, wrongSha))).toBe(false);

    const opened = await admin.desk.invoke('attachment.open', { id: attachment.id, sha256: attachment.sha256 });
    expect(Buffer.from(opened.base64, 'base64')).toEqual(bytes);
    expect(readFileSync(join(adminDir, attachment.sha256))).toEqual(bytes);

    // Second time: from the cache, even with the server gone.
    await server.close();
    const again = await admin.desk.invoke('attachment.open', { id: attachment.id, sha256: attachment.sha256 });
    expect(Buffer.from(again.base64, 'base64')).toEqual(bytes);
  });

  it('refuses a file over 25 MiB before keeping anything', async () => {
    const server = await startTestServer({ demo: { scale: 0.05, seed: 4 } });
    cleanup.push(() => server.close());
    const dir = join(dataDir, 'big');
    const ws = await workstation(newReplica(), dir);
    await signIn(ws.desk, server.url, DEMO_AGENT_EMAIL);
    const base64 = Buffer.alloc(25 * 1024 * 1024 + 1).toString('base64');
    await expect(ws.desk.invoke('attachment.add', { name: 'big.bin', contentType: '', base64 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/limited to 25 MiB/),
    });
    expect(existsSync(dir)).toBe(false);
    expect(await ws.desk.invoke('attachment.uploads')).toEqual({ pendingIds: [], failed: [] });
  });

  it('marks a file it can no longer send as failed, and the rest of the sync goes on', async () => {
    let server = await startTestServer({ demo: { scale: 0.05, seed: 5 } });
    cleanup.push(() => server.close());
    const dir = join(dataDir, 'lost');
    const replica = newReplica();
    let ws = await workstation(replica, dir);
    await signIn(ws.desk, server.url, DEMO_AGENT_EMAIL);
    const [ticket] = (await ws.desk.invoke('queue.page', { view: 'mine', after: null, limit: 1 })).rows;
    if (!ticket) throw new Error('the demo agent has no ticket');
    await server.close();
    const lost = await ws.desk.invoke('attachment.add', { name: 'lost.txt', contentType: 'text/plain', base64: Buffer.from('gone soon').toString('base64') });
    const kept = await ws.desk.invoke('attachment.add', { name: 'kept.txt', contentType: 'text/plain', base64: Buffer.from('still here').toString('base64') });
    const { messageId } = await ws.desk.invoke('ticket.reply', { ticketId: ticket.id, kind: 'note', body: 'Files attached while offline.' });
    // The file goes while the app is closed (a disk clean-up): no sync cycle is reading it.
    await ws.engine.close();
    rmSync(join(dir, lost.sha256));
    ws = await workstation(replica, dir);

    server = await startTestServer({ location: server.location, port: server.port });
    cleanup.push(() => server.close());
    const settled = await untilEvent(ws.desk, 'attachment.uploads', 'attachment.uploads', (u) => u.pendingIds.length === 0);
    expect(settled.failed).toEqual([{ id: lost.id, name: 'lost.txt', error: expect.stringMatching(/no longer on this computer/) }]);
    await untilStatus(ws.desk, idleAndOnline);
    const onServer = await readStore(server.location, async (db) => ({
      blobs: (await db.selectFrom('attachment_blobs').select('id').execute()).map((b) => b.id),
      note: await db.selectFrom('messages').select('id').where('id', '=', messageId).executeTakeFirst(),
    }));
    expect(onServer).toEqual({ blobs: [kept.id], note: { id: messageId } });
  });
});
