// `npm test`: lint, type check, build, Electron security scan, unit + integration tests (vitest), end-to-end tests (Playwright).
// Ends with one plain line `N passed, N failed, N skipped` summed from the runners' JSON reports.
// A step that fails without a per-test report (lint, types, build, a runner that crashed) counts as
// one failure, so that line never reads green while something is red. Exits non-zero on any failure
// or when no test ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { requireProjectNode, ROOT } from './project-node.mjs';

requireProjectNode('npm test');

const bin = join(ROOT, 'node_modules', '.bin');
const reportDir = mkdtempSync(join(tmpdir(), 'orbit-test-reports-'));
const env = { ...process.env, ORBIT_REPORT_DIR: reportDir, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };

function readReport(file) {
  try {
    return JSON.parse(readFileSync(join(reportDir, file), 'utf8'));
  } catch {
    return null;
  }
}

const reports = {
  vitest: () => {
    const r = readReport('vitest.json');
    return r && { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  },
  playwright: () => {
    const r = readReport('playwright.json');
    return r && { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
  },
};

const steps = [
  { name: 'lint', cmd: ['eslint', '--cache', '.'] },
  { name: 'types', cmd: ['tsc', '-b'] },
  { name: 'build', cmd: ['electron-vite', 'build'] },
  { name: 'security scan (electronegativity)', cmd: ['node', 'scripts/security-scan.mjs'], needs: 'build' },
  { name: 'unit + integration (vitest)', cmd: ['vitest', 'run'], report: reports.vitest },
  // The browser tests serve the build: without one they cannot say anything.
  { name: 'end to end (Playwright)', cmd: ['playwright', 'test'], report: reports.playwright, needs: 'build' },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const failedSteps = new Set();

for (const step of steps) {
  if (step.needs && failedSteps.has(step.needs)) {
    totals.failed += 1;
    failedSteps.add(step.name);
    lines.push(`FAIL  ${step.name}: not run, ${step.needs} failed`);
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(join(bin, step.cmd[0]), step.cmd.slice(1), { cwd: ROOT, env, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = step.report?.();
  const ok = run.status === 0;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  // A runner can fail outside any test (an error in a hook, a crash): that is a failure too.
  if (!ok && (!counts || counts.failed === 0)) totals.failed += 1;
  if (!ok) failedSteps.add(step.name);
  const detail = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : run.error ? run.error.message : `exit ${run.status ?? run.signal}`;
  lines.push(`${ok ? 'ok  ' : 'FAIL'}  ${step.name} (${seconds} s): ${ok && !counts ? 'clean' : detail}`);
}

rmSync(reportDir, { recursive: true, force: true });
console.log('\n=== summary');
for (const line of lines) console.log(line);
const nothingRan = totals.passed + totals.failed === 0;
if (nothingRan) console.log('No test ran: that is a failure, not a pass.');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || failedSteps.size > 0 || nothingRan ? 1 : 0);
