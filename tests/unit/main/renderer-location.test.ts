import { describe, expect, it } from 'vitest';
import { rendererLocation } from '../../../electron/main/renderer-location.ts';

describe('renderer location', () => {
  const built = rendererLocation({ rendererFile: '/opt/Orbit/resources/app.asar/out/renderer/index.html' });

  it('loads the built index.html as a file URL and trusts exactly that page', () => {
    expect(built.url).toBe('file:///opt/Orbit/resources/app.asar/out/renderer/index.html');
    expect(built.isRendererUrl(built.url)).toBe(true);
    expect(built.isRendererUrl(`${built.url}?view=mine#ticket`)).toBe(true);
  });

  it('trusts no other file, host or scheme', () => {
    for (const url of [
      'file:///opt/Orbit/resources/app.asar/out/renderer/other.html',
      'file:///tmp/index.html',
      'file://evil-share/opt/Orbit/resources/app.asar/out/renderer/index.html',
      'https://opt/Orbit/resources/app.asar/out/renderer/index.html',
      'http://localhost:5173/',
      'not a url',
    ]) {
      expect(built.isRendererUrl(url), url).toBe(false);
    }
  });

  it('in development trusts the dev server origin only', () => {
    const dev = rendererLocation({ rendererFile: '/x/index.html', devServerUrl: 'http://localhost:5173/' });
    expect(dev.url).toBe('http://localhost:5173/');
    expect(dev.isRendererUrl('http://localhost:5173/index.html')).toBe(true);
    expect(dev.isRendererUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isRendererUrl('file:///x/index.html')).toBe(false);
  });
});
