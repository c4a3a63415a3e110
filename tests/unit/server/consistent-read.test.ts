import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL } from '../../../server/demo/credentials.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { post, signIn } from './api.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.02 } });
});
afterAll(async () => {
  await server.close();
});

describe('snapshot reads (REPEATABLE READ on PostgreSQL)', () => {
  it('answer every one of many simultaneous first requests of a new client, though their snapshots race to claim it', async () => {
    const alex = await signIn(server.url, DEMO_AGENT_EMAIL);
    for (let round = 0; round < 4; round++) {
      const clientId = newId();
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(server.url, routes.bootstrap, { clientId }, alex.token)));
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    }
  });
});
