import type { OnHeadersReceivedListenerDetails, Session } from 'electron';
import { RENDERER_CSP_HEADER } from '../../shared/security/csp.ts';

type HeaderDetails = Pick<OnHeadersReceivedListenerDetails, 'url' | 'responseHeaders'>;

/** The response headers to use: our documents get the renderer's policy (shared/security/csp.ts), anything else is left as it came. */
export function withCspHeader(details: HeaderDetails, isAppUrl: (url: string) => boolean): Record<string, string[]> | undefined {
  if (!isAppUrl(details.url)) return undefined;
  return { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP_HEADER] };
}

export function installCspHeader(session: Pick<Session, 'webRequest'>, isAppUrl: (url: string) => boolean): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = withCspHeader(details, isAppUrl);
    callback(responseHeaders ? { responseHeaders } : {});
  });
}
