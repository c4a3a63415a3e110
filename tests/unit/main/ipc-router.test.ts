import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/channels.ts';
import { DeskError } from '../../../shared/ipc/contract.ts';
import type { DeskResult, DeskTransport } from '../../../shared/ipc/envelope.ts';
import { attachIpcRouter, createInvokeHandler, forwardEngineEvents } from '../../../electron/main/ipc-router.ts';
import { rendererLocation } from '../../../electron/main/renderer-location.ts';

const renderer = rendererLocation({ rendererFile: '/opt/orbit/out/renderer/index.html' });
const ticketId = '01936f3e-1c2a-7000-8000-000000000001';

/** An engine that records what reaches it and answers with a fixed result (or throws). */
function recordingEngine(answer: () => Promise<DeskResult> = async () => ({ ok: true, value: 'from engine' })) {
  const calls: { name: string; input: unknown }[] = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const engine: DeskTransport = {
    invoke: (name, input) => {
      calls.push({ name, input });
      return answer();
    },
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { engine, calls, emit: (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload)) };
}

function setup(answer?: () => Promise<DeskResult>) {
  const rec = recordingEngine(answer);
  const logs: string[] = [];
  const handle = createInvokeHandler({ engine: rec.engine, isTrustedSender: renderer.isRendererUrl, log: (m) => logs.push(m) });
  return { ...rec, logs, handle };
}

describe('IPC router', () => {
  it('refuses calls from any page but our renderer, logs them and never forwards them', async () => {
    const { handle, calls, logs } = setup();
    for (const sender of ['https://evil.example/index.html', 'file:///tmp/index.html', 'about:blank', '', null, undefined]) {
      const result = await handle(sender, 'sync.status', undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(6);
    expect(logs[0]).toContain('https://evil.example/index.html');
  });

  it('refuses an unknown procedure with unknown_procedure and does not forward it', async () => {
    const { handle, calls } = setup();
    const result = await handle(renderer.url, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(await handle(renderer.url, 42, undefined)).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(calls).toEqual([]);
  });

  it('refuses input that does not match the contract with invalid_input naming the field', async () => {
    const { handle, calls } = setup();
    const result = await handle(renderer.url, 'ticket.setStatus', { ticketId, status: 'deleted' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(result.ok === false && result.error.message).toContain('status');
    expect(await handle(renderer.url, 'ticket.get', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('forwards a valid call with the parsed input and returns the engine result unchanged', async () => {
    const engineResult: DeskResult = { ok: true, value: { id: ticketId } };
    const { handle, calls } = setup(async () => engineResult);
    const result = await handle(`${renderer.url}#/tickets`, 'ticket.setStatus', { ticketId, status: 'solved' });
    expect(result).toBe(engineResult);
    expect(calls).toEqual([{ name: 'ticket.setStatus', input: { ticketId, status: 'solved' } }]);
  });

  it('turns an engine failure into an error result: a DeskError keeps its code, anything else is internal and logged', async () => {
    const crashed = setup(() => Promise.reject(new DeskError('unavailable', 'The engine stopped.')));
    expect(await crashed.handle(renderer.url, 'sync.status', undefined)).toEqual({ ok: false, error: { code: 'unavailable', message: 'The engine stopped.' } });
    expect(crashed.logs).toEqual([]);

    const broken = setup(() => Promise.reject(new Error('SQLITE_CORRUPT at /home/agent/replica.sqlite')));
    const result = await broken.handle(renderer.url, 'sync.status', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
    expect(broken.logs[0]).toContain('SQLITE_CORRUPT');
  });

  it('answers the invoke channel using the sender frame URL, refusing a destroyed frame', async () => {
    const { engine, calls } = recordingEngine();
    type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<DeskResult>;
    const handlers = new Map<string, Handler>();
    const ipcMain = { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) };
    attachIpcRouter(ipcMain as never, { engine, isTrustedSender: renderer.isRendererUrl, log: () => {} });

    const invoke = handlers.get(INVOKE_CHANNEL)!;
    expect(await invoke({ senderFrame: { url: renderer.url } }, 'sync.status', undefined)).toEqual({ ok: true, value: 'from engine' });
    expect(await invoke({ senderFrame: null }, 'sync.status', undefined)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'sync.status', undefined)).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
  });

  it('sends every engine event to every live window until unsubscribed', () => {
    const { engine, emit } = recordingEngine();
    const sent: { window: string; args: unknown[] }[] = [];
    const contents = (window: string, destroyed = false) => ({ isDestroyed: () => destroyed, send: (...args: unknown[]) => void sent.push({ window, args }) });
    const windows = [contents('a'), contents('closed', true), contents('b')];
    const stop = forwardEngineEvents(engine, () => windows);

    emit('changed', { kinds: ['ticket'] });
    expect(sent).toEqual([
      { window: 'a', args: [EVENT_CHANNEL, 'changed', { kinds: ['ticket'] }] },
      { window: 'b', args: [EVENT_CHANNEL, 'changed', { kinds: ['ticket'] }] },
    ]);
    stop();
    emit('changed', { kinds: ['message'] });
    expect(sent).toHaveLength(2);
  });
});
