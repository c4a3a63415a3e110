import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../../electron/browser-host/security-headers.ts';
import { RENDERER_CSP } from '../../../shared/security/csp.ts';

describe('the renderer policy', () => {
  const directives = new Map(RENDERER_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

  it('allows our own scripts only: no inline or eval, no plugins, nothing by default', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it("the browser host sends it as a header, forbids framing, and adds the hardening headers", () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});
