import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options.ts';

describe('main window options', () => {
  const files = { preloadFile: '/app/out/preload/index.cjs', iconFile: '/app/resources/icon.png' };

  it('isolate and sandbox the renderer with the preload as its only bridge', () => {
    const prefs = mainWindowOptions({ ...files, dev: false }).webPreferences;
    expect(prefs).toMatchObject({
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
    });
  });

  it('offer developer tools in development only', () => {
    expect(mainWindowOptions({ ...files, dev: false }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ ...files, dev: true }).webPreferences?.devTools).toBe(true);
  });

  it('wait for the first paint before showing the window', () => {
    expect(mainWindowOptions({ ...files, dev: false })).toMatchObject({ show: false, title: 'Orbit', icon: files.iconFile });
  });
});
