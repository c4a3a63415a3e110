import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRemoteImage, MAX_REMOTE_IMAGE_BYTES } from '../../../electron/engine/attachments/remote-image.ts';
import { unreachableServerUrl } from './support.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082', 'hex');

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/logo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    // Claims to be an image; is a script-carrying SVG.
    if (req.url === '/evil.png') return res.writeHead(200, { 'content-type': 'image/png' }).end('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    if (req.url === '/huge.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(MAX_REMOTE_IMAGE_BYTES)]));
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('remote images of customer emails, fetched by the engine', () => {
  it('answers a raster image as a data: URL typed from its bytes', async () => {
    expect(await fetchRemoteImage(`${base}/logo.png`)).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('refuses what is not a PNG, JPEG, GIF or WebP whatever its content type, and what is too large', async () => {
    await expect(fetchRemoteImage(`${base}/evil.png`)).rejects.toMatchObject({ code: 'rejected', message: expect.stringMatching(/Not an image/) });
    await expect(fetchRemoteImage(`${base}/huge.png`)).rejects.toMatchObject({ code: 'rejected', message: expect.stringMatching(/too large/) });
  });

  it('says so when the image cannot be had', async () => {
    await expect(fetchRemoteImage(`${base}/missing.png`)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/HTTP 404/) });
    await expect(fetchRemoteImage(`${await unreachableServerUrl()}/a.png`)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
