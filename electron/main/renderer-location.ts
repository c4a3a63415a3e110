import { pathToFileURL } from 'node:url';

export interface RendererLocation {
  /** What the main window loads. */
  url: string;
  /** Whether a frame at this URL is our renderer, the only page allowed to call the engine. */
  isRendererUrl(url: string): boolean;
}

/**
 * Our renderer is the built index.html, or in development the electron-vite dev server
 * (ELECTRON_RENDERER_URL). The caller passes a dev server only when the app is not packaged,
 * so an environment variable can never make a packaged app trust another page.
 */
export function rendererLocation(opts: { rendererFile: string; devServerUrl?: string | undefined }): RendererLocation {
  if (opts.devServerUrl) {
    const origin = new URL(opts.devServerUrl).origin;
    return { url: opts.devServerUrl, isRendererUrl: (url) => parse(url)?.origin === origin };
  }
  const entry = pathToFileURL(opts.rendererFile);
  return {
    url: entry.href,
    isRendererUrl: (url) => {
      const u = parse(url);
      return u !== null && u.protocol === 'file:' && u.host === entry.host && u.pathname === entry.pathname;
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
