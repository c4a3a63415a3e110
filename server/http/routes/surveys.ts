import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Id } from '../../../shared/model/index.ts';
import { ticketScopes } from '../../../shared/sync/scopes.ts';
import { surveyPagePath, surveyRoutes, SurveyAnswer, takesSurvey, type SurveyLinkResponse } from '../../../shared/sync/survey.ts';
import type { Bus } from '../../realtime/bus.ts';
import { getEntity } from '../../store/entities.ts';
import type { Database } from '../../store/schema.ts';
import { recordSurveyAnswer } from '../../survey/answer.ts';
import { checkSurveyToken, makeSurveyToken, surveyKey } from '../../survey/links.ts';
import { problemPage, surveyPage, SURVEY_CSP, thanksPage } from '../../survey/page.ts';
import { surveyStrings, type SurveyStrings } from '../../survey/strings.ts';
import { seesAny } from '../../sync/scopes.ts';
import { ApiFailure } from '../api-failure.ts';
import { authenticate } from '../authenticate.ts';
import { parseBody } from '../parse-body.ts';

export interface SurveyLimit {
  /** Requests allowed per client IP and survey link within the window, per endpoint. */
  max: number;
  windowMs: number;
}

export const DEFAULT_SURVEY_LIMIT: SurveyLimit = { max: 20, windowMs: 60_000 };

/** A survey answer's form or JSON body is small: three numbers and a comment of at most 5,000 characters. */
const SURVEY_BODY_LIMIT = 32 * 1024;

const tokenOf = (request: FastifyRequest) => String((request.params as { token?: unknown }).token ?? '').slice(0, 200);

const rateLimit = (limit: SurveyLimit, onLimit: (ctx: { after: string }) => Error) => ({
  rateLimit: {
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (req: FastifyRequest) => `${req.ip}|${tokenOf(req)}`,
    errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string }) => onLimit(ctx),
  },
});

/** The form's fields as the JSON answer: numbers from text, empty radio groups and comment as null. */
function formAnswer(body: unknown): unknown {
  const form = (body ?? {}) as Record<string, unknown>;
  const number = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v === undefined || v === '' ? null : v);
  return { csat: number(form.csat) ?? undefined, ces: number(form.ces), nps: number(form.nps), comment: typeof form.comment === 'string' && form.comment.trim() ? form.comment.replace(/\r\n/g, '\n') : null };
}

/** The origin links are made for: the configured public URL, else the one the agent's request came to. */
const originOf = (request: FastifyRequest, publicUrl: string | undefined) => (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

class PageFailure extends Error {
  readonly status: number;
  readonly kind: 'invalid' | 'expired' | 'not_solved' | 'too_many';
  constructor(status: number, kind: PageFailure['kind']) {
    super(kind);
    this.status = status;
    this.kind = kind;
  }
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', SURVEY_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(html);
}

/**
 * Satisfaction surveys: the customer's public page and JSON endpoint (the signed token is the only
 * credential), and the agents' endpoint that makes a ticket's link.
 */
export function surveyEndpoints(app: FastifyInstance, db: Kysely<Database>, bus: Bus, opts: { limit: SurveyLimit; publicUrl?: string }): void {
  const ticketOfToken = async (token: string) => {
    const check = checkSurveyToken(await surveyKey(db), token);
    if (!check.ok) return check;
    const ticket = (await getEntity(db, 'ticket', check.ticketId))?.entity;
    return ticket ? ({ ok: true, ticket } as const) : ({ ok: false, reason: 'invalid' } as const);
  };

  // The page and its form: HTML in, HTML out, in its own scope (form bodies are parsed only here).
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: SURVEY_BODY_LIMIT }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const strings = new WeakMap<FastifyRequest, SurveyStrings>();
    const t = (request: FastifyRequest) =>
      strings.get(request) ?? surveyStrings((request.query as { lang?: string } | undefined)?.lang, request.headers['accept-language']);
    scope.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof PageFailure) return sendPage(reply, err.status, problemPage(t(request), err.kind));
      if (err.statusCode === 429) return sendPage(reply, 429, problemPage(t(request), 'too_many'));
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendPage(reply, err.statusCode, problemPage(t(request), 'invalid'));
      request.log.error({ err }, 'survey page failed');
      return sendPage(reply, 500, problemPage(t(request), 'invalid'));
    });
    const config = rateLimit(opts.limit, () => new PageFailure(429, 'too_many'));

    const load = async (request: FastifyRequest) => {
      const found = await ticketOfToken(tokenOf(request));
      if (!found.ok) throw new PageFailure(found.reason === 'expired' ? 410 : 404, found.reason);
      if (!takesSurvey(found.ticket)) throw new PageFailure(409, 'not_solved');
      return found.ticket;
    };

    scope.get(surveyRoutes.page, { config }, async (request, reply) => {
      const ticket = await load(request);
      return sendPage(reply, 200, surveyPage(t(request), { ticketNumber: ticket.number, subject: ticket.subject, previous: ticket.satisfaction }));
    });

    scope.post(surveyRoutes.page, { config, bodyLimit: SURVEY_BODY_LIMIT }, async (request, reply) => {
      const ticket = await load(request);
      const answer = SurveyAnswer.safeParse(formAnswer(request.body));
      if (!answer.success) {
        const previous = ticket.satisfaction;
        return sendPage(reply, 400, surveyPage(t(request), { ticketNumber: ticket.number, subject: ticket.subject, previous, error: true }));
      }
      const outcome = await recordSurveyAnswer(db, bus, ticket.id, answer.data);
      if (outcome.status === 'not_found') throw new PageFailure(404, 'invalid');
      if (outcome.status === 'not_solved') throw new PageFailure(409, 'not_solved');
      // Post/redirect/get would lose the language; the thanks page links back to the form to change the answer.
      return sendPage(reply, 200, thanksPage(t(request), surveyPagePath(tokenOf(request))));
    });
  });

  app.post(
    surveyRoutes.answer,
    { bodyLimit: SURVEY_BODY_LIMIT, config: rateLimit(opts.limit, (ctx) => new ApiFailure(429, 'rate_limited', `Too many answers; try again in ${ctx.after}.`)) },
    async (request) => {
      const found = await ticketOfToken(tokenOf(request));
      if (!found.ok && found.reason === 'expired') throw new ApiFailure(410, 'expired', 'This survey link has expired; links stay valid for 30 days.');
      if (!found.ok) throw new ApiFailure(404, 'not_found', 'This survey link is not valid: it is incomplete or was changed.');
      const answer = parseBody(SurveyAnswer, request.body);
      const outcome = await recordSurveyAnswer(db, bus, found.ticket.id, answer);
      if (outcome.status === 'not_found') throw new ApiFailure(404, 'not_found', 'This survey link is not valid: its ticket is gone.');
      if (outcome.status === 'not_solved') throw new ApiFailure(409, 'not_solved', 'This ticket is open again; it takes a survey answer once it is solved.');
      return { status: 'recorded', replaced: outcome.replaced };
    },
  );

  app.post(surveyRoutes.link, async (request): Promise<SurveyLinkResponse> => {
    const actor = await authenticate(db, request);
    const id = Id.safeParse((request.params as { id?: unknown }).id);
    if (!id.success) throw new ApiFailure(400, 'invalid_request', 'A ticket id is a UUID.');
    const ticket = (await getEntity(db, 'ticket', id.data))?.entity;
    if (!ticket || !seesAny(actor.visibility, ticketScopes(ticket))) throw new ApiFailure(404, 'not_found', 'There is no such ticket, or you cannot see it.');
    if (!takesSurvey(ticket)) throw new ApiFailure(409, 'not_solved', 'Only a solved or closed ticket has a survey link; solve the ticket first.');
    const { token, expiresAt } = makeSurveyToken(await surveyKey(db), ticket.id);
    return { url: `${originOf(request, opts.publicUrl)}${surveyPagePath(token)}`, expiresAt };
  });
}
