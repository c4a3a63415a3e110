// `npm run demo` (desktop app) and `npm run demo:web` (any browser, through the browser host):
// a demo server with seeded data in .orbit-data/, the app built if needed, and the workstation on top.
// Ctrl+C stops everything.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { requireProjectNode, ROOT } from './project-node.mjs';

requireProjectNode('npm run demo');

const { values: args } = parseArgs({ options: { web: { type: 'boolean' }, port: { type: 'string', default: '4870' } } });
const DATA_DIR = join(ROOT, '.orbit-data');
const SERVER_DB = join(DATA_DIR, 'server.sqlite');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const children = new Set();

/** Every child is stopped with the demo; a child that ended is forgotten. */
function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function fail(message) {
  console.error(`\n${message}`);
  return stopAll(1);
}

/** Runs a command to completion with its output shown; rejects on a non-zero exit. */
function run(label, command, commandArgs) {
  console.log(`[demo] ${label}`);
  return new Promise((done, reject) => {
    const child = track(spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit' }));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? done() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`))));
  });
}

/** Starts a long-running process, prefixes its output, and resolves with the first URL it prints. */
function startService(label, command, commandArgs) {
  const child = track(spawn(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
  return new Promise((done, reject) => {
    let announced = false;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        console.log(`[${label}] ${line}`);
        const url = !announced && stream === child.stdout ? /https?:\/\/[^\s'"<>]+/.exec(line)?.[0] : undefined;
        if (url) {
          announced = true;
          done(url);
        }
      });
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!announced) reject(new Error(`${label} stopped before it was ready (${signal ?? `exit ${code}`})`));
      else if (!stopping) void fail(`${label} stopped unexpectedly (${signal ?? `exit ${code}`}).`);
    });
  });
}

/** The server keeps one port across runs: replicas remember the server URL they signed in to. */
function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer().once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** First run: a fresh database with the demo workspace. Built under another name so an interrupted seed is never mistaken for a finished one. */
async function ensureDemoDatabase() {
  if (existsSync(SERVER_DB)) return console.log(`[demo] Using the demo server database ${SERVER_DB}`);
  const partial = `${SERVER_DB}.partial`;
  const files = (db) => [db, `${db}-wal`, `${db}-shm`];
  for (const file of files(partial)) rmSync(file, { force: true });
  await run('Creating the demo server database', process.execPath, ['server/cli.ts', 'migrate', '--db', partial]);
  await run('Seeding the demo workspace', process.execPath, ['server/cli.ts', 'seed', '--demo', '--db', partial]);
  files(partial).forEach((file, i) => existsSync(file) && renameSync(file, files(SERVER_DB)[i]));
}

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

async function ensureBuild() {
  const outputs = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'].map((p) => join(ROOT, p));
  const sources = ['renderer', 'electron', 'shared', 'electron.vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p)).filter(existsSync);
  const built = outputs.every(existsSync) && Math.min(...outputs.map((p) => statSync(p).mtimeMs)) >= Math.max(...sources.map(newestMtime));
  if (built) return console.log('[demo] The app build in out/ is up to date');
  await run('Building the app (electron-vite build)', bin('electron-vite'), ['build']);
}

/** Where the Electron binary would be, found without electron's own lookup (which tries to download it). */
function electronBinary() {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const binary = existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  return binary && existsSync(binary) ? binary : null;
}

async function printLogIn(serverUrl, openLine) {
  const { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } = await import('../server/demo/credentials.ts');
  console.log(`
Orbit demo is ready.
  ${openLine}
  Server:    ${serverUrl}
  Sign in:   ${DEMO_AGENT_EMAIL}   password: ${DEMO_PASSWORD}
  Also:      ${DEMO_LEAD_EMAIL} (lead), ${DEMO_ADMIN_EMAIL} (admin), same password
Press Ctrl+C to stop.
`);
}

let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((done) => {
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}
const onSignal = () => {
  if (!stopping) console.log('\n[demo] Stopping…');
  void stopAll(0);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

async function main() {
  const electron = args.web ? null : electronBinary();
  if (!args.web && !electron) {
    return fail(
      'The Electron binary is not installed (node_modules/electron/dist is missing: it downloads on first use, which this machine cannot do).\n' +
        'Run the same workstation in a browser instead:  npm run demo:web',
    );
  }
  if (!(await portIsFree(Number(args.port)))) {
    return fail(`Port ${args.port} is in use (is another demo running?). Stop it, or pick another port: npm run ${args.web ? 'demo:web' : 'demo'} -- --port 4871`);
  }
  await ensureDemoDatabase();
  const serverUrl = await startService('server', process.execPath, ['server/cli.ts', 'serve', '--db', SERVER_DB, '--port', args.port]);
  await ensureBuild();

  if (args.web) {
    const pageUrl = await startService('browser-host', process.execPath, ['electron/browser-host/cli.ts', '--data', join(DATA_DIR, 'web'), '--server', serverUrl]);
    return printLogIn(serverUrl, `Open:      ${pageUrl}`);
  }
  const app = track(spawn(electron, ['.'], { cwd: ROOT, stdio: 'inherit' }));
  // Closing the app window ends the demo.
  app.on('exit', (code) => void stopAll(code ?? 0));
  return printLogIn(serverUrl, 'The Orbit window is opening.');
}

main().catch((err) => fail(`The demo could not start: ${err.message}`));
