import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary is, found the way the electron package's index.js finds it but
 * without its fallback: requiring 'electron' from Node starts a download when the binary is
 * missing, which cannot succeed on machines without internet access.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return checked(join(override, relative ?? 'electron'));
  if (!relative) return { missing: `the Electron binary was never downloaded (no ${pathFile})` };
  return checked(join(pkgDir, 'dist', relative));
}

function checked(path: string): { path: string } | { missing: string } {
  return existsSync(path) ? { path } : { missing: `the Electron binary is missing at ${path}` };
}
