import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BareTable, forEachLine } from './bare-table.ts';

export interface Copy {
  rows: number;
  ms: number;
}

async function copyInto(table: string, source: () => Promise<AsyncIterable<Uint8Array>>): Promise<Copy> {
  const bare = new BareTable(table);
  try {
    const started = performance.now();
    await forEachLine(await source(), (line) => bare.insertLine(line));
    bare.close();
    return { rows: bare.rows, ms: performance.now() - started };
  } catch (err) {
    bare.close();
    throw err;
  }
}

/** The dump read from its file and bulk-inserted: the most a replica could take in on this machine. */
export function copyFromFile(dump: string, table: string): Promise<Copy> {
  return copyInto(table, async () => createReadStream(dump, { highWaterMark: 1024 * 1024 }));
}

/** The dump streamed as NDJSON over loopback HTTP and bulk-inserted, both ends in this process: the plainest possible sync. */
export async function copyOverHttp(dump: string, table: string): Promise<Copy> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    createReadStream(dump, { highWaterMark: 1024 * 1024 }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await copyInto(table, async () => {
      const response = await fetch(`http://127.0.0.1:${port}/rows.ndjson`);
      if (!response.body) throw new Error('The NDJSON copy got no body.');
      return response.body;
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
