/** The browser host's bridge: `/desk` on the page's own host, carrying the key the host put in the page URL. */
export function deskSocketUrl(page: { protocol: string; host: string; search: string }): string {
  const key = new URLSearchParams(page.search).get('key') ?? '';
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}/desk?key=${encodeURIComponent(key)}`;
}
