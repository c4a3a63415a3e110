import { describe, expect, it } from 'vitest';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { startServer } from '../../../server/start.ts';
import { startTestServer } from '../../support/server.ts';
import { post, signIn } from './api.ts';

describe('startServer / startTestServer', () => {
  it('restarts on the same port and store with data and sessions intact', async () => {
    const first = await startTestServer({ demo: { scale: 0.02 } });
    expect(first.url).toBe(`http://127.0.0.1:${first.port}`);
    const alex = await signIn(first.url, DEMO_AGENT_EMAIL);
    const before = (await post(first.url, routes.bootstrap, { clientId: alex.clientId }, alex.token)).body;
    await first.close();
    await expect(fetch(first.url + routes.health)).rejects.toThrow();

    // Asking for demo data again on a store that has it reuses the data as it is.
    const again = await startTestServer({ location: first.location, port: first.port, demo: { scale: 0.02 } });
    try {
      expect(again.url).toBe(first.url);
      const after = (await post(again.url, routes.bootstrap, { clientId: alex.clientId }, alex.token)).body;
      expect(after).toEqual(before);
    } finally {
      await again.close();
    }
  });

  it('fails clearly when the port is taken', async () => {
    const running = await startTestServer();
    try {
      await expect(startServer({ ...running.location, port: running.port })).rejects.toThrow(/EADDRINUSE/);
      expect((await fetch(running.url + routes.health)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
