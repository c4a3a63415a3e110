import { describe, expect, it } from 'vitest';
import { readMetaCsp, securityHeaders } from '../../../electron/browser-host/security-headers.ts';

describe('readMetaCsp', () => {
  it('reads the policy of the CSP meta tag, whatever the attribute order and quoting', () => {
    const html = `<head><meta charset="utf-8"><meta content="default-src 'self'; object-src 'none'" http-equiv="Content-Security-Policy"></head>`;
    expect(readMetaCsp(html)).toBe("default-src 'self'; object-src 'none'");
    expect(readMetaCsp(`<META HTTP-EQUIV='content-security-policy' CONTENT='default-src &#39;self&#39;'>`)).toBe("default-src 'self'");
  });

  it('is null when the page declares no policy', () => {
    expect(readMetaCsp('<meta name="viewport" content="width=device-width">')).toBeNull();
    expect(readMetaCsp('<meta http-equiv="Content-Security-Policy" content="  ">')).toBeNull();
  });
});

describe('securityHeaders', () => {
  it("adds frame-ancestors 'none' to the page's own policy and the hardening headers", () => {
    const headers = securityHeaders("default-src 'self';");
    expect(headers['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
