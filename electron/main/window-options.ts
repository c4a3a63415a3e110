import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options (DESIGN.md §6): the renderer is an isolated, sandboxed web page
 * whose only door to the rest of Orbit is the preload's `window.desk`.
 */
export function mainWindowOptions(opts: { preloadFile: string; iconFile: string; dev: boolean }): BrowserWindowConstructorOptions {
  return {
    title: 'Orbit',
    icon: opts.iconFile,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the agent never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: opts.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: opts.dev,
    },
  };
}
