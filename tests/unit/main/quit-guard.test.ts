import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeBeforeQuit } from '../../../electron/main/quit-guard.ts';

/** An app that quits the way Electron's does: 'before-quit' first, and only if nobody prevented it. */
class FakeApp extends EventEmitter {
  quitted = 0;
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitted++;
  }
}

function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('quit guard', () => {
  it('holds the quit until the engine has closed, closing it once however often quit is asked', async () => {
    const app = new FakeApp();
    const closed = deferred();
    let closeCalls = 0;
    closeBeforeQuit(app as never, () => (closeCalls++, closed.promise), () => {});

    app.quit();
    app.quit();
    expect(app.quitted).toBe(0);
    expect(closeCalls).toBe(1);

    closed.resolve();
    await closed.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.quitted).toBe(1);
    expect(closeCalls).toBe(1);
  });

  it('still quits, and says why, when the engine fails to close', async () => {
    const app = new FakeApp();
    const logs: string[] = [];
    closeBeforeQuit(app as never, () => Promise.reject(new Error('worker gone')), (m) => logs.push(m));
    app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.quitted).toBe(1);
    expect(logs[0]).toContain('worker gone');
  });
});
