import { describeError, type Log } from './log.ts';

/**
 * Checks the generic update feed (electron-builder.yml `publish`, baked into the packaged app
 * as app-update.yml) and offers the update through a system notification. Only a packaged app
 * has a feed and a version worth updating; in development nothing is loaded at all.
 */
export async function checkForUpdatesWhenPackaged(isPackaged: boolean, log: Log): Promise<void> {
  if (!isPackaged) return;
  try {
    // electron-updater is CommonJS: its named exports are on the default export under ESM.
    const { default: updater } = await import('electron-updater');
    await updater.autoUpdater.checkForUpdatesAndNotify();
  } catch (err) {
    log(`Update check failed: ${describeError(err)}`);
  }
}
