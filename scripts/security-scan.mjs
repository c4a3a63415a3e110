// The Electron security scan of DESIGN.md §6: electronegativity over the main process and preload
// sources and the built renderer page; fails on any finding above LOW. Sources rather than the
// bundle, because the bundle drops the reviewed `eng-disable` annotations (each one says why).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireProjectNode, ROOT } from './project-node.mjs';

requireProjectNode('the security scan');

const ELECTRON_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const stage = mkdtempSync(join(tmpdir(), 'orbit-scan-'));
const report = join(stage, 'findings.csv');
try {
  cpSync(join(ROOT, 'electron', 'main'), join(stage, 'app', 'main'), { recursive: true });
  cpSync(join(ROOT, 'electron', 'preload'), join(stage, 'app', 'preload'), { recursive: true });
  cpSync(join(ROOT, 'out', 'renderer', 'index.html'), join(stage, 'app', 'index.html'));
  // No network: its two downloads (translations, Electron's release list for the "security fixes
  // available" check) fail at once through offline-got.cjs; it then scans with what it ships. The
  // Electron version is pinned in package.json and reviewed there.
  const run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'electronegativity'),
    ['-i', join(stage, 'app'), '-r', '-e', ELECTRON_VERSION, '-o', report, '-v', 'false'],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NODE_OPTIONS: `--require ${join(ROOT, 'scripts', 'offline-got.cjs')}` } },
  );
  if (run.status !== 0) throw new Error(`electronegativity failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr}`);
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1);
  const findings = rows.map((row) => {
    const [check, severity, confidence, file, location] = row.split(',').map((cell) => cell.replaceAll('"', ''));
    return { check, severity, confidence, file, location };
  });
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location} (${f.confidence})`);
  const serious = findings.filter((f) => f.severity !== 'LOW' && f.severity !== 'INFORMATIONAL');
  console.log(`${findings.length} finding(s), ${serious.length} above LOW.`);
  if (serious.length > 0) {
    console.log('Fix them, or where a use is reviewed and safe, mark its line `// eng-disable CHECK_ID -- why`.');
    process.exitCode = 1;
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
