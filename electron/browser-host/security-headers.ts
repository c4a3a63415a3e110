/**
 * The response headers of every page the browser host serves. The Content-Security-Policy is
 * the one the renderer declares in its own <meta> tag, read from the built index.html, so the
 * two can never drift apart; headers add what a meta tag cannot say (frame-ancestors).
 */
export type SecurityHeaders = Readonly<Record<string, string>>;

const META_TAG = /<meta\b[^>]*>/gi;
const ATTRIBUTE = /([a-z-]+)\s*=\s*("[^"]*"|'[^']*')/gi;

function decodeEntities(value: string): string {
  return value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

/** The policy of the page's `<meta http-equiv="Content-Security-Policy">`, or null when it has none. */
export function readMetaCsp(html: string): string | null {
  for (const [tag] of html.matchAll(META_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name, quoted] of tag.matchAll(ATTRIBUTE)) {
      if (name && quoted) attributes.set(name.toLowerCase(), decodeEntities(quoted.slice(1, -1)));
    }
    const content = attributes.get('content')?.trim();
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy' && content) return content;
  }
  return null;
}

export function securityHeaders(metaCsp: string): SecurityHeaders {
  return {
    'Content-Security-Policy': `${metaCsp.replace(/;\s*$/, '')}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
