import type { OnHeadersReceivedListenerDetails, Session } from 'electron';

/**
 * The renderer's policy: our own scripts and styles only, no inline script, no frames, no
 * network (the renderer reaches the server only through the engine). The renderer's
 * index.html carries the same policy in a meta tag, which is what applies where a
 * file:// response has no headers to add to.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

type HeaderDetails = Pick<OnHeadersReceivedListenerDetails, 'url' | 'responseHeaders'>;

/** The response headers to use: our documents get the policy, anything else is left as it came. */
export function withCspHeader(details: HeaderDetails, isAppUrl: (url: string) => boolean): Record<string, string[]> | undefined {
  if (!isAppUrl(details.url)) return undefined;
  return { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

export function installCspHeader(session: Pick<Session, 'webRequest'>, isAppUrl: (url: string) => boolean): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = withCspHeader(details, isAppUrl);
    callback(responseHeaders ? { responseHeaders } : {});
  });
}
