/** Oldest Node on which better-sqlite3's prebuilt binary loads; older ones crash the process outright. */
const MIN_NODE_MAJOR = 22;

/** Throws a clear error instead of letting better-sqlite3 segfault on an old Node (Electron ships its own, newer one). */
export function assertNativeSqliteSupported(versions: { node: string; electron?: string } = process.versions): void {
  if (versions.electron) return;
  const major = Number(versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) {
    throw new Error(
      `Orbit's engine needs Node ${MIN_NODE_MAJOR} or newer (this is Node ${versions.node}): better-sqlite3 crashes on older versions. ` +
        'Run it through npm or npx, which use the Node 24 the project installs.',
    );
  }
}
