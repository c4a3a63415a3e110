import { BrowserWindow } from 'electron';
import { describeError, type Log } from './log.ts';
import { mainWindowOptions } from './window-options.ts';

/** Opens the workstation window on our renderer; shown once painted. */
export function openMainWindow(opts: { url: string; preloadFile: string; iconFile: string; dev: boolean; log: Log }): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(opts));
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
