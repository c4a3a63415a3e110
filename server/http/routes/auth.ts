import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { LoginRequest, type LoginResponse } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { verifyPassword } from '../../auth/password.ts';
import { findLogin } from '../../store/credentials.ts';
import type { Database } from '../../store/schema.ts';
import { createSession } from '../../store/sessions.ts';
import { readWorkspace } from '../../store/workspace.ts';
import { ApiFailure } from '../api-failure.ts';
import { parseBody } from '../parse-body.ts';

export interface LoginLimit {
  /** Attempts allowed per client IP and email within the window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 10, windowMs: 60_000 };

export function authRoutes(app: FastifyInstance, db: Kysely<Database>, limit: LoginLimit): void {
  app.post(
    routes.login,
    {
      bodyLimit: 16 * 1024,
      config: {
        rateLimit: {
          max: limit.max,
          timeWindow: limit.windowMs,
          // After parsing, so the key can include the email being guessed.
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: unknown } | null)?.email ?? '').toLowerCase().slice(0, 320)}`,
          errorResponseBuilder: (_req, ctx) =>
            new ApiFailure(429, 'rate_limited', `Too many sign-in attempts; try again in ${ctx.after}.`),
        },
      },
    },
    async (request): Promise<LoginResponse> => {
      const { email, password } = parseBody(LoginRequest, request.body);
      const login = await findLogin(db, email);
      if (!(await verifyPassword(password, login?.password)) || !login) {
        throw new ApiFailure(401, 'unauthorized', 'Wrong email or password.');
      }
      const token = await createSession(db, login.agentId);
      return { token, agentId: login.agentId, workspaceName: (await readWorkspace(db)).name };
    },
  );
}
