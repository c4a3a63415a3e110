import type { App } from 'electron';
import { describeError, type Log } from './log.ts';

/**
 * Holds the quit until `close` (the engine's) has finished, so the replica is closed cleanly
 * and no write is cut in half. The quit then goes ahead even when closing failed: the engine's
 * writes are transactions, so the worst case is a lost in-flight call, never a broken database.
 */
export function closeBeforeQuit(app: Pick<App, 'on' | 'quit'>, close: () => Promise<void>, log: Log): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    close()
      .catch((err: unknown) => log(`The engine did not close cleanly: ${describeError(err)}`))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
