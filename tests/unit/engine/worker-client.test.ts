import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/ipc/contract.ts';
import { startEngineWorker } from '../../../electron/engine/worker-client.ts';
import type { SecretCodec } from '../../../electron/engine/secret-codec.ts';
import { signedInReplica, tempFiles } from './support.ts';

const newFile = tempFiles();
const crashingWorker = new URL('./fixtures/crashing-worker.ts', import.meta.url);

describe('startEngineWorker', () => {
  it('runs an engine in a worker thread and answers through it', async () => {
    const engine = await startEngineWorker({ dbFile: newFile(), pollIntervalMs: 0 });
    expect(await engine.invoke('session.get', undefined)).toEqual({ ok: true, value: { state: 'signed_out' } });
    expect(await engine.invoke('queue.page', { view: 'all', after: null, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await engine.invoke('ticket.get', { id: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await engine.close();
    expect(await engine.invoke('session.get', undefined)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('lets the parent open the sealed token: the engine syncs with the plain one', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unavailable', message: 'Down for maintenance.' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dbFile = newFile();
    await signedInReplica(dbFile, `http://127.0.0.1:${(server.address() as { port: number }).port}`, { sealedToken: 'sealed(secret-token)' });
    const secrets: SecretCodec = {
      encrypt: async (plain) => `sealed(${plain})`,
      decrypt: async (sealed) => sealed.replace(/^sealed\((.*)\)$/, '$1'),
    };
    const engine = await startEngineWorker({ dbFile, secrets, pollIntervalMs: 0 });
    const status = await engine.invoke('sync.now', undefined);
    await engine.close();
    server.close();
    expect(status).toMatchObject({ ok: true, value: { phase: 'offline', error: expect.stringContaining('HTTP 503') } });
    expect(seen).toContain('Bearer secret-token');
  });

  it("keeps the codec's refusal (code and words) when the parent cannot seal the token", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'tok', agentId: '0195f0a0-0000-7000-8000-000000000001', workspaceName: 'W' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const refusal = 'No keychain is available: start GNOME Keyring or KWallet, then sign in again.';
    const secrets: SecretCodec = {
      encrypt: async () => {
        throw new DeskError('unavailable', refusal);
      },
      decrypt: async (sealed) => sealed,
    };
    const engine = await startEngineWorker({ dbFile: newFile(), secrets, pollIntervalMs: 0 });
    const serverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const result = await engine.invoke('session.login', { serverUrl, email: 'alex@orbit.demo', password: 'x' });
    await engine.close();
    server.close();
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: refusal } });
  });

  it('rejects with the reason when the engine cannot open its replica', async () => {
    const dbFile = newFile();
    const db = new Database(dbFile);
    db.pragma('user_version = 42');
    db.close();
    await expect(startEngineWorker({ dbFile })).rejects.toThrow(/newer version of Orbit/);
  });

  for (const how of ['throws', 'exits'] as const) {
    it(`answers pending and later calls with "unavailable" when the worker ${how}`, async () => {
      const engine = await startEngineWorker({ dbFile: newFile(), workerFile: crashingWorker });
      const result = await engine.invoke('session.get', how === 'exits' ? { exit: true } : undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/Restart Orbit/) } });
      expect(await engine.invoke('sync.status', undefined)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      await engine.close();
    });
  }
});
