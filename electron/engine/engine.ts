import { dirname, join } from 'node:path';
import { DeskError } from '../../shared/ipc/contract.ts';
import { parseInvocation, toDeskResultError, type DeskResult, type DeskTransport } from '../../shared/ipc/envelope.ts';
import { AttachmentService } from './attachments/attachment-service.ts';
import { CrashPoints, type EngineFaults } from './crash-points.ts';
import type { EngineContext } from './engine-context.ts';
import { EngineEvents, type EngineListener } from './events.ts';
import { createHandlers } from './handlers/index.ts';
import type { Handlers } from './handlers/types.ts';
import { log } from './log.ts';
import { NotificationDeriver } from './notifications/derive.ts';
import { PresenceBoard } from './presence/presence-board.ts';
import { fallbackNames } from './queries/fallback-names.ts';
import { Replica } from './replica/replica.ts';
import { StatementCache } from './replica/statement-cache.ts';
import { plainSecrets, type SecretCodec } from './secret-codec.ts';
import { SessionStore } from './session/session-store.ts';
import { SyncStatusBoard } from './sync/status-board.ts';
import { SyncLoop } from './sync/sync-loop.ts';

export interface EngineOptions {
  /** The replica file; created if missing. */
  dbFile: string;
  /** Seals the session token at rest; defaults to storing it as is. */
  secrets?: SecretCodec;
  /** How often to pull without a poke; 0 disables the timer (tests). Default 30 s. */
  pollIntervalMs?: number;
  /** Tests only: crashes the engine at named points (see crash-points.ts). */
  faults?: EngineFaults;
  /** Where attachment files are kept (by sha256); defaults to `attachments` beside the replica file. */
  attachmentsDir?: string;
}

const DEFAULT_POLL_INTERVAL_MS = 30_000;

/**
 * The workstation engine: owns the replica, syncs it with the server, and answers the
 * procedures of shared/ipc/contract.ts. It is a DeskTransport: `invoke` never throws, errors come
 * back as data.
 */
export class Engine implements DeskTransport {
  readonly #ctx: EngineContext;
  readonly #handlers: Handlers;
  #closing: Promise<void> | null = null;

  private constructor(ctx: EngineContext) {
    this.#ctx = ctx;
    this.#handlers = createHandlers(ctx);
  }

  static async open(opts: EngineOptions): Promise<Engine> {
    const replica = await Replica.open(opts.dbFile);
    try {
      const events = new EngineEvents();
      const crashPoints = new CrashPoints(opts.faults);
      const session = await SessionStore.load(replica, opts.secrets ?? plainSecrets);
      const signedIn = session.current();
      let rejected = replica.outbox.counts().rejected;
      const status = new SyncStatusBoard(
        {
          online: false,
          phase: signedIn ? 'syncing' : 'signed_out',
          lastSyncedAt: replica.meta.get('last_synced_at') ?? null,
          error: null,
          progress: null,
        },
        () => replica.outbox.counts(),
        (s) => {
          events.emit('sync.status', s);
          // A refusal from the server (or a retry or discard) changes the list of sync issues.
          if (s.rejected !== rejected) events.emit('syncIssues.changed', { count: (rejected = s.rejected) });
        },
      );
      const presence = new PresenceBoard({
        nameOf: (agentId) => replica.store.get('agent', agentId)?.name ?? fallbackNames.agent,
        emit: (p) => events.emit('presence', p),
      });
      const notifications = new NotificationDeriver(replica);
      notifications.attach();
      const attachments = new AttachmentService(replica, opts.attachmentsDir ?? join(dirname(opts.dbFile), 'attachments'), (state) =>
        events.emit('attachment.uploads', state),
      );
      const sync = new SyncLoop({
        replica,
        beforePush: (s, signal) => attachments.uploadWaiting(s, signal),
        status,
        presence,
        pollIntervalMs: opts.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
        crashPoints,
        onChanged: (kinds) => {
          events.emit('changed', { kinds });
          const added = notifications.takeAdded();
          if (added.length > 0) events.emit('notifications.changed', { unread: notifications.store.unread(), added });
        },
        onSessionEnded: (message) => {
          session
            .signOut()
            .catch((err: unknown) => log.error('forgetting the refused session token failed', err))
            .finally(() => status.update({ phase: 'signed_out', error: message, online: false, progress: null }));
        },
      });
      const engine = new Engine({ replica, sql: new StatementCache(replica.db), session, sync, status, events, presence, crashPoints, notifications, attachments });
      crashPoints.onCrash(() => engine.#crash());
      if (signedIn) sync.start(signedIn);
      return engine;
    } catch (err) {
      await replica.close();
      throw err;
    }
  }

  async invoke(name: string, input: unknown): Promise<DeskResult> {
    try {
      if (this.#closing) throw new DeskError('unavailable', 'The workstation engine is shutting down.');
      const call = parseInvocation(name, input);
      const handler = this.#handlers[call.name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(call.input) };
    } catch (err) {
      if (!(err instanceof DeskError)) log.error(`${String(name).slice(0, 100)} failed`, err);
      return toDeskResultError(err);
    }
  }

  on(listener: EngineListener): () => void {
    return this.#ctx.events.on(listener);
  }

  /**
   * What a killed process leaves behind: no orderly shutdown, the replica connection dropped with
   * its open transaction (SQLite rolls it back), no further work. Calls answer 'unavailable'.
   */
  #crash(): void {
    this.#closing ??= Promise.resolve();
    void this.#ctx.sync.stop();
    this.#ctx.replica.db.close();
  }

  /** Stops sync, lets queued writes finish, and closes the replica. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#ctx.sync.stop();
      this.#ctx.presence.close();
      await this.#ctx.replica.close();
    })();
    return this.#closing;
  }
}
