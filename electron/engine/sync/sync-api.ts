import type { z } from 'zod';
import { BootstrapRequest } from '../../../shared/sync/bootstrap-request.ts';
import {
  ApiError,
  BootstrapResponse,
  LoginResponse,
  PullResponse,
  PushResponse,
  SnapshotResponse,
  type PullRequest,
  type PushRequest,
  type SnapshotRequest,
} from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { surveyLinkPath, SurveyLinkResponse } from '../../../shared/sync/survey.ts';
import { retryAfterMs } from './backoff.ts';

/** How long one request may take before the server counts as unreachable. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The server answered with an error status; `code` and `expected` come from its ApiError body. */
export class ServerRefused extends Error {
  override readonly name = 'ServerRefused';
  readonly status: number;
  readonly code: string;
  readonly expected: number | undefined;
  /** How long the server asked us to wait before trying again (Retry-After on 503 and 429), if it said. */
  readonly retryAfterMs: number | null;
  constructor(status: number, body: ApiError | undefined, retryAfterMs: number | null = null) {
    super(body?.message ?? `The server answered HTTP ${status}.`);
    this.status = status;
    this.code = body?.error ?? `http_${status}`;
    this.expected = body?.expected;
    this.retryAfterMs = retryAfterMs;
  }
}

/** No answer: network down, server stopped, timeout. Worth retrying later. */
export class ServerUnreachable extends Error {
  override readonly name = 'ServerUnreachable';
}

/** An answer this version cannot read (a different protocol version?). */
export class ServerAnswerInvalid extends Error {
  override readonly name = 'ServerAnswerInvalid';
}

/** The sync API of one server, spoken with the schemas of shared/sync (POST + JSON everywhere). */
export class SyncApi {
  readonly serverUrl: string;
  readonly #token: string | null;
  readonly #signal: AbortSignal | undefined;

  constructor(serverUrl: string, token: string | null, signal?: AbortSignal) {
    this.serverUrl = serverUrl;
    this.#token = token;
    this.#signal = signal;
  }

  login(email: string, password: string): Promise<LoginResponse> {
    return this.#post(routes.login, { email, password }, LoginResponse);
  }

  bootstrap(request: BootstrapRequest): Promise<BootstrapResponse> {
    return this.#post(routes.bootstrap, BootstrapRequest.parse(request), BootstrapResponse);
  }

  snapshot(request: SnapshotRequest): Promise<SnapshotResponse> {
    return this.#post(routes.snapshot, request, SnapshotResponse);
  }

  pull(request: PullRequest): Promise<PullResponse> {
    return this.#post(routes.pull, request, PullResponse);
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.#post(routes.push, request, PushResponse);
  }

  /** A signed satisfaction-survey link for a solved ticket (the server refuses others). */
  surveyLink(ticketId: string): Promise<SurveyLinkResponse> {
    return this.#post(surveyLinkPath(ticketId), {}, SurveyLinkResponse);
  }

  async #post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const response = await this.#send(path, JSON.stringify(body));
    const text = await response.text().catch((err: unknown) => {
      throw new ServerUnreachable(`The connection to ${this.serverUrl} broke: ${describeNetworkError(err)}.`, { cause: err });
    });
    const json = parseJson(text);
    if (!response.ok) throw new ServerRefused(response.status, ApiError.safeParse(json).data, retryAfterMs(response.headers.get('retry-after')));
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ServerAnswerInvalid(`${this.serverUrl} sent an answer to ${path} that this version of Orbit does not understand. Is it an Orbit server of the same version?`);
    }
    return parsed.data;
  }

  /**
   * One immediate retry when no answer came: a kept-alive connection may have been closed by a
   * restarted server. Every call here is safe to repeat (push is exactly-once by protocol).
   */
  async #send(path: string, body: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      try {
        return await fetch(new URL(path, this.serverUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(this.#token ? { authorization: `Bearer ${this.#token}` } : {}) },
          body,
          signal: this.#signal ? AbortSignal.any([this.#signal, timeout]) : timeout,
        });
      } catch (err) {
        if (this.#signal?.aborted) throw err;
        if (attempt === 1 && !timeout.aborted) continue;
        throw new ServerUnreachable(`Cannot reach ${this.serverUrl}: ${describeNetworkError(err)}.`, { cause: err });
      }
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'no answer in time';
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  return code ?? (cause instanceof Error ? cause.message : String(cause));
}
