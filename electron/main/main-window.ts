import { BrowserWindow } from 'electron';
import { describeError, type Log } from './log.ts';

/**
 * Opens the workstation window on our renderer (DESIGN.md §6): an isolated, sandboxed web page
 * whose only door to the rest of Orbit is the preload's `window.desk`. The options stay literal
 * here, at the constructor, so a static scan (electronegativity) sees every one of them.
 */
export function openMainWindow(opts: { url: string; preloadFile: string; iconFile: string; dev: boolean; log: Log }): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Orbit',
    icon: opts.iconFile,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the agent never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: opts.preloadFile, // eng-disable PRELOAD_JS_CHECK -- our own bundled preload, exposing only window.desk
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
      // Middle-click would open links in new windows past the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.dev,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(opts.url).catch((err: unknown) => opts.log(`Could not load the workstation page: ${describeError(err)}`));
  return win;
}

/** A second launch brings the running window forward instead of opening another replica writer. */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
