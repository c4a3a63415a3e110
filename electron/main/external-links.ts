/**
 * Hosts the app may open in the agent's browser (its own documentation and support pages).
 * Anything else a page tries to open is refused: an exact host match, https only.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['orbit.example.com', 'docs.orbit.example.com'];

export function isAllowedExternalLink(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Credentials in a URL are a classic way to disguise where a link really goes.
  return u.protocol === 'https:' && u.username === '' && u.password === '' && hosts.includes(u.hostname);
}
