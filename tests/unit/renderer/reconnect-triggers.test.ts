import { describe, expect, it } from 'vitest';
import { watchReconnect } from '../../../renderer/src/sync/reconnect-triggers.ts';

function page() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  return { window: new EventTarget(), document };
}

describe('reconnect triggers in the renderer', () => {
  it('sync when the browser is online again and when the window is seen again, not when it is hidden', () => {
    const sources = page();
    let syncs = 0;
    const stop = watchReconnect(sources, () => syncs++);

    sources.window.dispatchEvent(new Event('online'));
    expect(syncs).toBe(1);
    sources.document.visibilityState = 'hidden';
    sources.document.dispatchEvent(new Event('visibilitychange'));
    expect(syncs).toBe(1);
    sources.document.visibilityState = 'visible';
    sources.document.dispatchEvent(new Event('visibilitychange'));
    expect(syncs).toBe(2);

    stop();
    sources.window.dispatchEvent(new Event('online'));
    sources.document.dispatchEvent(new Event('visibilitychange'));
    expect(syncs).toBe(2);
  });
});
