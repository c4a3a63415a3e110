import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiError } from '../../shared/sync/protocol.ts';
import { ApiFailure } from './api-failure.ts';

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`);

/** Turns Fastify's own request errors (body parsing, size) into API failures with clear messages. */
function fromFastify(err: FastifyError, request: FastifyRequest): ApiFailure | undefined {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = sizeLabel(request.routeOptions.bodyLimit);
    return new ApiFailure(413, 'payload_too_large', `The request body is over the ${limit} limit of this endpoint; send less at a time.`);
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ApiFailure(400, 'invalid_request', 'Send the request body as JSON (Content-Type: application/json).');
  }
  if (err.code?.startsWith('FST_ERR_CTP_') || err instanceof SyntaxError) {
    return new ApiFailure(400, 'invalid_request', `The request body is not valid JSON: ${err.message}`);
  }
  if (err.statusCode === 429) return new ApiFailure(429, 'rate_limited', err.message);
  return undefined;
}

/** Every error leaves as an ApiError body; unexpected ones are logged and answered without internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const failure = err instanceof ApiFailure ? err : fromFastify(err, request);
    if (!failure || failure.status >= 500) request.log.error({ err: failure?.cause ?? err }, 'request failed');
    const answer = failure ?? new ApiFailure(500, 'internal', 'The server failed to handle this request; it has been logged.');
    const body: ApiError = { error: answer.code, message: answer.message };
    if (answer.expected !== undefined) body.expected = answer.expected;
    if (answer.retryAfter !== undefined) void reply.header('retry-after', String(answer.retryAfter));
    return reply.status(answer.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = { error: 'not_found', message: `There is no ${request.method} ${request.url.split('?')[0]} here.` };
    return reply.status(404).send(body);
  });
}
