import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const made: { options: BrowserWindowConstructorOptions; loaded: string[]; shown: number }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly record: (typeof made)[number];
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], shown: 0 };
      made.push(this.record);
    }
    once(event: string, listener: () => void) {
      if (event === 'ready-to-show') listener();
    }
    show() {
      this.record.shown++;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { openMainWindow } = await import('../../../electron/main/main-window.ts');

describe('the main window', () => {
  const files = { url: 'file:///app/out/renderer/index.html', preloadFile: '/app/out/preload/index.cjs', iconFile: '/app/resources/icon.png', log: () => {} };
  const open = (dev: boolean) => {
    openMainWindow({ ...files, dev });
    return made.at(-1)!;
  };

  beforeEach(() => {
    made.length = 0;
  });

  it('isolates and sandboxes the renderer with the preload as its only bridge', () => {
    expect(open(false).options.webPreferences).toMatchObject({
      preload: files.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('offers developer tools in development only', () => {
    expect(open(false).options.webPreferences?.devTools).toBe(false);
    expect(open(true).options.webPreferences?.devTools).toBe(true);
  });

  it('loads our renderer and shows the window only once painted', () => {
    const win = open(false);
    expect(win.options).toMatchObject({ show: false, title: 'Orbit', icon: files.iconFile });
    expect(win.loaded).toEqual([files.url]);
    expect(win.shown).toBe(1);
  });
});
