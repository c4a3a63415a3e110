import { describe, expect, it } from 'vitest';
import { installCspHeader, withCspHeader } from '../../../electron/main/content-security-policy.ts';
import { RENDERER_CSP_HEADER as CONTENT_SECURITY_POLICY } from '../../../shared/security/csp.ts';

const isApp = (url: string) => url.startsWith('file:///app/');

describe('content security policy', () => {
  it('allows only our own scripts and no inline script, eval, plugins or framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('is added to our responses, keeping their other headers, and to nothing else', () => {
    expect(withCspHeader({ url: 'file:///app/index.html', responseHeaders: { 'X-A': ['1'] } }, isApp)).toEqual({
      'X-A': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCspHeader({ url: 'https://elsewhere.example/', responseHeaders: {} }, isApp)).toBeUndefined();
  });

  it('is installed as a response-header hook on the session', () => {
    let hook: ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    installCspHeader({ webRequest: { onHeadersReceived: (h: typeof hook) => void (hook = h) } } as never, isApp);
    const answers: unknown[] = [];
    hook?.({ url: 'file:///app/index.html' }, (r) => answers.push(r));
    hook?.({ url: 'https://elsewhere.example/' }, (r) => answers.push(r));
    expect(answers).toEqual([{ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }, {}]);
  });
});
