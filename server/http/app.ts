import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { MAX_SYNC_BODY_BYTES } from '../../shared/sync/protocol.ts';
import type { Bus } from '../realtime/bus.ts';
import type { RealtimeHub } from '../realtime/hub.ts';
import type { Database } from '../store/schema.ts';
import { installErrorHandling } from './errors.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { authRoutes, DEFAULT_LOGIN_LIMIT, type LoginLimit } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { realtimeRoutes } from './routes/realtime.ts';
import { DEFAULT_SURVEY_LIMIT, surveyEndpoints, type SurveyLimit } from './routes/surveys.ts';
import { syncRoutes } from './routes/sync.ts';
import { MAX_QUEUED_MUTATIONS, PushAdmission } from '../sync/push-admission.ts';

export interface AppOptions {
  db: Kysely<Database>;
  hub: RealtimeHub;
  /** Where commits are announced, to this instance's hub and to the other instances'. */
  bus: Bus;
  logger?: boolean;
  loginLimit?: LoginLimit;
  surveyLimit?: SurveyLimit;
  /** The origin customers reach this server at, for survey links; by default the one an agent's request came to. */
  publicUrl?: string;
  /** Mutations of pushes let wait for the write lock at once; past them a push is answered 503 with Retry-After. */
  maxQueuedMutations?: number;
}

/** The HTTP API and realtime socket over one store; not listening yet (tests may `inject`). */
export async function buildApp({ db, hub, bus, logger = false, loginLimit = DEFAULT_LOGIN_LIMIT, surveyLimit = DEFAULT_SURVEY_LIMIT, publicUrl, maxQueuedMutations = MAX_QUEUED_MUTATIONS }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: MAX_SYNC_BODY_BYTES });
  installErrorHandling(app);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  healthRoutes(app, db);
  authRoutes(app, db, loginLimit);
  syncRoutes(app, db, bus, new PushAdmission(maxQueuedMutations));
  realtimeRoutes(app, db, hub);
  attachmentRoutes(app, db);
  surveyEndpoints(app, db, bus, { limit: surveyLimit, ...(publicUrl !== undefined && { publicUrl }) });
  return app;
}
