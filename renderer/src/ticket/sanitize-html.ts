import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/** Shown instead of a remote image until the agent asks for them (a grey box; data: is all the frame may load). */
export const BLOCKED_IMAGE_SRC =
  'data:image/svg+xml;charset=utf-8,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24" fill="#d0d4da"/></svg>');

/** Images that may stay as they are: inline raster data (never SVG, which can carry script). */
const SAFE_DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp);base64,[a-z0-9+/=\s]+$/i;
const REMOTE = /^https?:\/\//i;
/** Links a customer email may carry; everything else (javascript:, data:, vbscript:, file:, relative) is dropped. */
const ALLOWED_URI = /^(?:https?:|mailto:|tel:)/i;
/** CSS that runs code (old IE expressions, bindings) or fetches from elsewhere (url(), @import): the whole style attribute goes. */
const DANGEROUS_CSS = /expression\s*\(|javascript:|behavior\s*:|-moz-binding|url\s*\(|@import|\\/i;

const CONFIG: Config = {
  USE_PROFILES: { html: true }, // no SVG, no MathML: the usual mutation-XSS vehicles
  FORBID_TAGS: [
    'script', 'style', 'link', 'meta', 'base', 'title', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame',
    'frameset', 'object', 'embed', 'applet', 'audio', 'video', 'source', 'track', 'picture', 'template', 'noscript', 'portal', 'dialog',
  ],
  FORBID_ATTR: ['srcset', 'action', 'formaction', 'background', 'ping', 'poster', 'lowsrc', 'dynsrc', 'xmlns', 'id', 'name', 'usemap'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|data:image\/(?:png|gif|jpe?g|webp);)/i,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

export interface SanitizeOptions {
  /** Remote images already fetched (by the engine) as data: URLs; a remote image not in it is replaced by a placeholder. */
  remoteImages?: ReadonlyMap<string, string>;
}

export interface SanitizedHtml {
  html: string;
  /** The remote image URLs found (blocked, or shown from `remoteImages`), in order, without repeats. */
  remoteImageUrls: string[];
}

let purifier: DOMPurify | null = null;
let current: { options: SanitizeOptions; remote: string[] } | null = null;

function instance(): DOMPurify {
  if (purifier) return purifier;
  // An instance of our own: its hooks never touch another use of DOMPurify.
  const p = createDOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!('getAttribute' in el)) return;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a' || tag === 'area') {
      const href = el.getAttribute('href');
      if (href && !ALLOWED_URI.test(href.trim())) el.removeAttribute('href');
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
    if (tag === 'img') {
      const src = (el.getAttribute('src') ?? '').trim();
      if (REMOTE.test(src) && current) {
        if (!current.remote.includes(src)) current.remote.push(src);
        el.setAttribute('src', current.options.remoteImages?.get(src) ?? BLOCKED_IMAGE_SRC);
        el.setAttribute('data-blocked', current.options.remoteImages?.has(src) ? 'false' : 'true');
        if (!el.getAttribute('alt')) el.setAttribute('alt', 'Remote image');
      } else if (!SAFE_DATA_IMAGE.test(src)) {
        el.setAttribute('src', BLOCKED_IMAGE_SRC);
      }
    }
    const style = el.getAttribute('style');
    if (style !== null && DANGEROUS_CSS.test(style)) el.removeAttribute('style');
  });
  purifier = p;
  return p;
}

/**
 * Customer HTML made harmless for display in the sandboxed frame: no script, forms, frames, event
 * handlers, SVG/MathML, dangerous URLs or CSS, no request to anywhere (remote images are replaced
 * unless the agent fetched them through the engine), and links that open in a new window.
 */
export function sanitizeEmailHtml(dirty: string, options: SanitizeOptions = {}): SanitizedHtml {
  const p = instance();
  current = { options, remote: [] };
  try {
    const html = p.sanitize(dirty, CONFIG) as unknown as string;
    return { html, remoteImageUrls: current.remote };
  } finally {
    current = null;
  }
}

/** What the composer writes (Tiptap's marks and blocks), and nothing else: an agent's rich text shows inline. */
const RICH_TEXT: Config = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 's', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'blockquote', 'mark', 'span'],
  // data-* stay (inert): a mention carries who it names in them.
  ALLOWED_ATTR: ['href', 'class'],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
};

/**
 * An agent's rich text (composer HTML, as any client may have sent it) reduced to the composer's
 * own vocabulary: no images, styles, frames or handlers, so it can show inline in the thread
 * (a customer's HTML email goes to the sandboxed frame instead).
 */
export function sanitizeRichText(dirty: string): string {
  return instance().sanitize(dirty, RICH_TEXT) as unknown as string;
}

/** The frame's policy of its own (on top of the renderer's, which a srcdoc document inherits): nothing may load but inline images. */
export const FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/** The whole document for the frame's srcdoc. */
export function frameDocument(sanitized: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    '<meta name="referrer" content="no-referrer">' +
    `</head><body>${sanitized}</body></html>`
  );
}
