import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL, DEMO_PASSWORD } from '../../../server/demo/credentials.ts';
import { startServer, type RunningServer } from '../../../server/start.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { readStore } from '../../support/store.ts';
import { post, send } from './api.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: { scale: 0.02 } });
});
afterAll(async () => {
  await server.close();
});

describe('login', () => {
  it('returns a session token for the right password, whatever the email case', async () => {
    const { status, body } = await post(server.url, routes.login, { email: DEMO_AGENT_EMAIL.toUpperCase(), password: DEMO_PASSWORD });
    expect(status).toBe(200);
    expect(body).toEqual({ token: expect.any(String), agentId: expect.any(String), workspaceName: 'Orbit Demo' });
    const bootstrap = await post(server.url, routes.bootstrap, { clientId: newId() }, body.token);
    expect(bootstrap.status).toBe(200);
  });

  it('keeps only a hash of the token', async () => {
    const { body } = await post(server.url, routes.login, { email: DEMO_LEAD_EMAIL, password: DEMO_PASSWORD });
    const sessions = await readStore(server.location, (db) => db.selectFrom('sessions').selectAll().execute());
    expect(sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(sessions)).not.toContain(body.token);
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    const wrong = await post(server.url, routes.login, { email: DEMO_AGENT_EMAIL, password: 'guess' });
    const unknown = await post(server.url, routes.login, { email: 'nobody@orbit.demo', password: DEMO_PASSWORD });
    expect(wrong).toEqual({ status: 401, body: { error: 'unauthorized', message: 'Wrong email or password.' } });
    expect(unknown).toEqual(wrong);
  });

  it('refuses a malformed body with 400', async () => {
    const notJson = await send(server.url, routes.login, '{"email":');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('not valid JSON') });
    const badEmail = await post(server.url, routes.login, { email: 'not-an-email', password: 'x' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.message).toMatch(/email/);
    const huge = await post(server.url, routes.login, { email: DEMO_AGENT_EMAIL, password: 'x'.repeat(20_000) });
    expect(huge).toMatchObject({ status: 413, body: { error: 'payload_too_large', message: expect.stringContaining('16 KiB') } });
  });
});

describe('tokens', () => {
  it('refuses sync calls with a missing, malformed or wrong token', async () => {
    const body = { clientId: newId() };
    for (const token of [undefined, 'not a token!', 'A'.repeat(43)]) {
      const answer = await send(server.url, routes.bootstrap, JSON.stringify(body), token ? { token } : {});
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/sign in/i) });
    }
  });

  it('answers unknown paths with an ApiError 404 and stays healthy', async () => {
    const res = await fetch(`${server.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    const health = await fetch(server.url + routes.health);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});

describe('login rate limit', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startServer({ ...server.location, loginLimit: { max: 2, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('answers 429 after too many attempts for one email from one address, even with the right password', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await post(limited.url, routes.login, { email: DEMO_AGENT_EMAIL, password: 'guess' })).status).toBe(401);
    }
    const blocked = await post(limited.url, routes.login, { email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/too many sign-in attempts/i) });
    // Another agent signing in from the same address is not locked out.
    expect((await post(limited.url, routes.login, { email: DEMO_LEAD_EMAIL, password: DEMO_PASSWORD })).status).toBe(200);
  });
});
