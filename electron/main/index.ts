import { app, BrowserWindow, dialog, ipcMain, Menu, net, Notification, powerMonitor, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { startEngineWorker } from '../engine/worker-client.ts';
import { appFiles } from './app-files.ts';
import { appMenuTemplate } from './app-menu.ts';
import { checkForUpdatesWhenPackaged } from './auto-update.ts';
import { watchConnectivity } from './connectivity.ts';
import { installCspHeader } from './content-security-policy.ts';
import { attachIpcRouter, forwardEngineEvents } from './ipc-router.ts';
import { consoleLog as log, describeError } from './log.ts';
import { focusWindow, openMainWindow } from './main-window.ts';
import { showNativeNotifications } from './native-notifications.ts';
import { guardWebContents } from './navigation-guard.ts';
import { restrictPermissions } from './permissions.ts';
import { closeBeforeQuit } from './quit-guard.ts';
import { rendererLocation } from './renderer-location.ts';
import { safeStorageCodec } from './secret-codec.ts';

const dev = !app.isPackaged;
const files = appFiles(import.meta.dirname);
// The dev server URL is trusted only in development: a packaged app never takes its page from the environment.
const renderer = rendererLocation({ rendererFile: files.rendererFile, devServerUrl: dev ? process.env.ELECTRON_RENDERER_URL : undefined });

function openWindow(): BrowserWindow {
  return openMainWindow({ url: renderer.url, preloadFile: files.preloadFile, iconFile: files.iconFile, dev, log });
}

async function onReady(): Promise<void> {
  restrictPermissions(session.defaultSession, log);
  installCspHeader(session.defaultSession, renderer.isRendererUrl);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ dev, platform: process.platform })));

  const engine = await startEngineWorker({
    dbFile: join(app.getPath('userData'), 'replica.sqlite'),
    workerFile: files.workerFile,
    secrets: safeStorageCodec(safeStorage, process.platform),
  });
  closeBeforeQuit(app, () => engine.close(), log);
  attachIpcRouter(ipcMain, { engine, isTrustedSender: renderer.isRendererUrl, log });
  forwardEngineEvents(engine, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  showNativeNotifications({ engine, Notification, window: () => BrowserWindow.getAllWindows()[0], focusWindow: (w) => focusWindow(w as BrowserWindow | undefined) });
  watchConnectivity({ powerMonitor, isOnline: () => net.isOnline(), onReturn: () => void engine.invoke('sync.now', undefined) });

  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  void checkForUpdatesWhenPackaged(app.isPackaged, log);
}

// One instance per user: two engines on one replica would be two writers.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, {
      // Reached only through windowOpenHandler, which passes allow-listed https URLs alone (external-links.ts).
      openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
      log,
    }),
  );
  app.on('second-instance', () => focusWindow(BrowserWindow.getAllWindows()[0]));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      log(`Start-up failed: ${describeError(err)}`);
      dialog.showErrorBox('Orbit could not start', describeError(err));
      app.exit(1);
    });
}
