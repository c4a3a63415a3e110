import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { denyNavigation, guardWebContents, windowOpenHandler } from '../../../electron/main/navigation-guard.ts';

function navigationEvent(url: string) {
  const event = { url, prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

function opener() {
  const opened: string[] = [];
  const logs: string[] = [];
  return { opened, logs, openExternal: async (url: string) => void opened.push(url), log: (m: string) => void logs.push(m) };
}

describe('navigation guard', () => {
  it('denies every navigation away from the app page', () => {
    const logs: string[] = [];
    for (const url of ['https://orbit.example.com/', 'https://evil.example/', 'file:///etc/passwd']) {
      const event = navigationEvent(url);
      denyNavigation((m) => logs.push(m))(event);
      expect(event.prevented, url).toBe(true);
    }
    expect(logs).toHaveLength(3);
  });

  it('denies every new window, opening only allow-listed https links in the browser', async () => {
    const o = opener();
    const handler = windowOpenHandler(o.openExternal, o.log);
    expect(handler({ url: 'https://orbit.example.com/guide' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://orbit.example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(o.opened).toEqual(['https://orbit.example.com/guide']);
    expect(o.logs).toHaveLength(3);
  });

  it('logs, and does not throw, when the browser cannot be opened', async () => {
    const logs: string[] = [];
    const handler = windowOpenHandler(() => Promise.reject(new Error('no browser')), (m) => logs.push(m));
    expect(handler({ url: 'https://orbit.example.com/' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(logs[0]).toContain('no browser');
  });

  it('is installed on a web contents: navigation and webviews are prevented, window.open denied', () => {
    const o = opener();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h) });
    guardWebContents(contents as never, o);

    const navigation = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', navigation);
    const webview = navigationEvent('about:blank');
    contents.emit('will-attach-webview', webview);
    expect(navigation.prevented).toBe(true);
    expect(webview.prevented).toBe(true);
    expect(openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
