import type { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/channels.ts';
import type { DeskResult } from '../../../shared/ipc/envelope.ts';
import { DEMO_AGENT_EMAIL, DEMO_PASSWORD } from '../../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';

/**
 * The built main process (out/main/index.js, what ships) with its real engine worker and a
 * real replica, signing in to a real server; only the Electron API is a stand-in, since the binary cannot run here.
 */
const mainScript = resolve(import.meta.dirname, '../../../out/main/index.js');
const built = existsSync(mainScript);
if (!built) console.log(`main-process test skipped: ${mainScript} is not built; run npx electron-vite build first.`);

const fake = vi.hoisted(() => {
  let windowOpened!: (win: unknown) => void;
  let quitted!: () => void;
  return {
    userData: '',
    sandboxed: false,
    menu: null as unknown,
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<DeskResult>>(),
    windows: [] as { options: { webPreferences: Record<string, unknown> }; url: string; webContents: EventEmitter & { sent: unknown[][]; openHandler?: (d: { url: string }) => unknown } }[],
    firstWindow: new Promise((res) => (windowOpened = res)),
    windowOpened: (win: unknown) => windowOpened(win),
    quitted: new Promise<void>((res) => (quitted = res)),
    quit: () => quitted(),
    startupError: null as string | null,
    sealed: 0,
    powerMonitor: null as EventEmitter | null,
  };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class App extends EventEmitter {
    isPackaged = false;
    requestSingleInstanceLock = () => true;
    enableSandbox = () => void (fake.sandboxed = true);
    whenReady = () => Promise.resolve();
    getPath = () => fake.userData;
    exit = () => {};
    quit() {
      let prevented = false;
      this.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) fake.quit();
    }
  }
  const app = new App();
  class WebContents extends EventEmitter {
    sent: unknown[][] = [];
    openHandler?: (d: { url: string }) => unknown;
    send = (...args: unknown[]) => void this.sent.push(args);
    isDestroyed = () => false;
    setWindowOpenHandler = (h: (d: { url: string }) => unknown) => void (this.openHandler = h);
  }
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => fake.windows;
    webContents = new WebContents();
    url = '';
    readonly options: { webPreferences: Record<string, unknown> };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super();
      this.options = options;
      app.emit('web-contents-created', {}, this.webContents);
      fake.windows.push(this as never);
    }
    async loadURL(url: string) {
      this.url = url;
      fake.windowOpened(this);
    }
  }
  fake.powerMonitor = new EventEmitter();
  return {
    app,
    BrowserWindow,
    powerMonitor: fake.powerMonitor,
    net: { isOnline: () => true },
    dialog: { showErrorBox: (title: string, message: string) => void (fake.startupError = `${title}: ${message}`) },
    ipcMain: { handle: (channel: string, fn: never) => fake.handlers.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (fake.menu = m) },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (s: string) => (fake.sealed++, Buffer.from(s).reverse()),
      decryptStringAsync: async (b: Buffer) => ({ shouldReEncrypt: false, result: Buffer.from(b).reverse().toString() }),
    },
    session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onHeadersReceived() {} } } },
    shell: { openExternal: async () => {} },
    Notification: class {
      static isSupported = () => false;
      on() {}
      show() {}
    },
  };
});

describe.skipIf(!built)('main process (built bundle, real engine worker)', () => {
  let win: (typeof fake.windows)[number];
  let server: TestServer;
  const call = (url: string, name: string, input?: unknown) => fake.handlers.get(INVOKE_CHANNEL)!({ senderFrame: { url } }, name, input);

  beforeAll(async () => {
    fake.userData = mkdtempSync(join(tmpdir(), 'orbit-main-'));
    server = await startTestServer({ demo: { scale: 0.02 } });
    await import(/* @vite-ignore */ pathToFileURL(mainScript).href);
    win = (await fake.firstWindow) as typeof win;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(fake.userData, { recursive: true, force: true });
  });

  it('starts sandboxed and opens one hardened window on the built renderer with the bundled preload', () => {
    expect(fake.startupError).toBeNull();
    expect(fake.sandboxed).toBe(true);
    expect(fake.menu).not.toBeNull();
    expect(fake.windows).toHaveLength(1);
    expect(win.url).toBe(pathToFileURL(resolve(mainScript, '../../renderer/index.html')).href);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: resolve(mainScript, '../../preload/index.cjs') });
  });

  it('routes the window calls to the real engine, with its replica in userData, and refuses other pages', async () => {
    expect(await call(win.url, 'session.get')).toEqual({ ok: true, value: { state: 'signed_out' } });
    expect(existsSync(join(fake.userData, 'replica.sqlite'))).toBe(true);
    expect(await call('https://evil.example/', 'session.get')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await call(win.url, 'ticket.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('guards every web contents it creates', () => {
    const navigation = { url: 'https://evil.example/', prevented: false, preventDefault: () => void (navigation.prevented = true) };
    win.webContents.emit('will-navigate', navigation);
    expect(navigation.prevented).toBe(true);
    expect(win.webContents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('signs in to a real server with the token sealed by safeStorage, and forwards engine events to the window', async () => {
    const login = await call(win.url, 'session.login', { serverUrl: server.url, email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
    expect(login).toMatchObject({ ok: true, value: { state: 'signed_in', agent: { email: DEMO_AGENT_EMAIL } } });
    expect(fake.sealed).toBeGreaterThan(0);
    const statusEvents = win.webContents.sent.filter(([channel, name]) => channel === EVENT_CHANNEL && name === 'sync.status');
    expect(statusEvents.length).toBeGreaterThan(0);
  });

  it('syncs when the machine wakes from sleep', async () => {
    // sync.now answers once no cycle is running or queued: from then on only the wake-up can sync.
    const settled = await call(win.url, 'sync.now');
    const before = settled.ok ? (settled.value as { lastSyncedAt: string }).lastSyncedAt : '';
    const syncedSince = () =>
      win.webContents.sent.some(([channel, name, status]) => channel === EVENT_CHANNEL && name === 'sync.status' && ((status as { lastSyncedAt: string | null }).lastSyncedAt ?? '') > before);
    expect(syncedSince()).toBe(false);
    fake.powerMonitor?.emit('resume');
    await vi.waitUntil(syncedSince, { timeout: 9_000 });
  });

  it('closes the engine before the app quits', async () => {
    const { app } = await import('electron');
    app.quit();
    await fake.quitted;
    expect(await call(win.url, 'session.get')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
