import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINK_HOSTS, isAllowedExternalLink } from '../../../electron/main/external-links.ts';

describe('external link allow-list', () => {
  it('allows https links to the listed hosts', () => {
    for (const host of EXTERNAL_LINK_HOSTS) expect(isAllowedExternalLink(`https://${host}/some/page?q=1#x`)).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes and disguised links', () => {
    for (const url of [
      'http://orbit.example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://orbit.example.com/share',
      'https://evil.example/',
      'https://orbit.example.com.evil.example/',
      'https://evilorbit.example.com/',
      'https://orbit.example.com@evil.example/',
      'https://user:pass@orbit.example.com/',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalLink(url), url).toBe(false);
    }
  });

  it('takes another list when given one', () => {
    expect(isAllowedExternalLink('https://status.example.net/', ['status.example.net'])).toBe(true);
    expect(isAllowedExternalLink('https://orbit.example.com/', ['status.example.net'])).toBe(false);
  });
});
