#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startBrowserHost } from './host.ts';

const USAGE = 'Usage: node electron/browser-host/cli.ts --data DIR [--port N] [--host H] [--server URL] [--renderer DIR]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function options() {
  try {
    return parseArgs({
      options: {
        data: { type: 'string' },
        port: { type: 'string', default: '0' },
        host: { type: 'string' },
        server: { type: 'string' },
        renderer: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
}

const args = options();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.data) fail('--data is required: the folder for this workstation\'s local replica.');
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${args.port}".`);
if (args.server !== undefined && !URL.canParse(args.server)) fail(`--server must be a URL such as http://127.0.0.1:4870, got "${args.server}".`);

const host = await startBrowserHost({ dataDir: args.data, port, host: args.host, serverUrl: args.server, rendererDir: args.renderer }).catch(
  (err: unknown) => fail(`Could not start the browser host: ${(err as Error).message}`),
);
console.log(`Orbit is running in your browser at ${host.url}`);
console.log('The link carries a private key for this run: do not share it. Press Ctrl+C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
