/**
 * The renderer's Content-Security-Policy, one source for every place that states it: the
 * meta tag of the built index.html (what applies to file:// pages in Electron), Electron's
 * response header, and the browser host's header. Our own scripts and styles only, no
 * inline script, no plugins; the renderer reaches the network only through the engine
 * (connect-src 'self' is the browser host's own socket).
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** As a response header, which can also forbid framing (a meta tag cannot). */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;

/** The placeholder in renderer/index.html that the build replaces with RENDERER_CSP. */
export const CSP_PLACEHOLDER = '%ORBIT_CSP%';
