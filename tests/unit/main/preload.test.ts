import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/channels.ts';
import type { DeskTransport } from '../../../shared/ipc/envelope.ts';

// The preload's whole world is two Electron objects; these stand-ins record what it does with them.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    invokes: [] as unknown[][],
    listeners,
    emit: (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: 'the ipc event' }, ...args)),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => (electron.invokes.push(args), { ok: true, value: 'result' }),
    on: (channel: string, l: (...args: unknown[]) => void) => electron.listeners.set(channel, (electron.listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel: string, l: (...args: unknown[]) => void) => electron.listeners.get(channel)?.delete(l),
  },
}));

describe('preload', () => {
  let desk: DeskTransport;
  beforeAll(async () => {
    await import('../../../electron/preload/index.ts');
    desk = electron.exposed.get('desk') as DeskTransport;
  });

  it('exposes exactly one API, window.desk, with invoke and on', () => {
    expect([...electron.exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
  });

  it('sends calls on the invoke channel and resolves to the DeskResult', async () => {
    expect(await desk.invoke('ticket.get', { id: 'x' })).toEqual({ ok: true, value: 'result' });
    expect(electron.invokes).toEqual([[INVOKE_CHANNEL, 'ticket.get', { id: 'x' }]]);
  });

  it('delivers events by name and payload without the Electron event, until unsubscribed', () => {
    const seen: unknown[][] = [];
    const off = desk.on((...args) => seen.push(args));
    electron.emit(EVENT_CHANNEL, 'changed', { kinds: ['ticket'] });
    off();
    electron.emit(EVENT_CHANNEL, 'changed', { kinds: ['message'] });
    expect(seen).toEqual([['changed', { kinds: ['ticket'] }]]);
    expect(electron.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
