import { join } from 'node:path';

/**
 * The files the shell loads at run time, relative to the bundled main script (out/main/index.js).
 * The same layout holds in a checkout and inside the packaged app (electron-builder.yml ships
 * out/** and resources/**), so no branch on app.isPackaged is needed.
 */
export function appFiles(mainDir: string) {
  return {
    preloadFile: join(mainDir, '../preload/index.cjs'),
    rendererFile: join(mainDir, '../renderer/index.html'),
    workerFile: join(mainDir, 'engine-worker.js'),
    iconFile: join(mainDir, '../../resources/icon.png'),
  };
}
