import type { EntityKind } from '../../../shared/model/index.ts';
import { Cursor } from '../../../shared/sync/protocol.ts';
import type { RealtimeDelta } from '../../../shared/sync/realtime.ts';
import { log } from '../log.ts';
import type { PresenceBoard } from '../presence/presence-board.ts';
import type { CrashPoints } from '../crash-points.ts';
import type { Replica } from '../replica/replica.ts';
import { buildQueueCounts, queueCountsLive } from '../replica/queue-counts.ts';
import type { SignedIn } from '../session/session-store.ts';
import { bootstrap, needsBootstrap, type BootstrapHooks } from './bootstrap.ts';
import { buildSearchIndex, searchIndexPending } from '../search/search-index.ts';
import { applyDelta } from './delta.ts';
import { catchUp } from './catch-up.ts';
import { scopeSync } from './scope-state.ts';
import { PushBlocked, pushOutbox } from './push.ts';
import { RealtimeLink } from './realtime.ts';
import type { SyncStatusBoard } from './status-board.ts';
import { describeSyncFailure, retryDelay, SESSION_ENDED_MESSAGE } from './sync-failure.ts';
import { ServerAnswerInvalid, SyncApi } from './sync-api.ts';

/** A server that answers every pull with "reset" would otherwise re-download forever in one cycle. */
const MAX_RESETS_PER_CYCLE = 2;

export interface SyncLoopOptions {
  replica: Replica;
  status: SyncStatusBoard;
  /** Presence rides the realtime socket this loop keeps. */
  presence: PresenceBoard;
  /** Pull this often even without pokes; 0 disables the timer. */
  pollIntervalMs: number;
  crashPoints: CrashPoints;
  /** Runs before each push (attachment files go up before the messages naming them); throwing fails the cycle. */
  beforePush?(session: SignedIn, signal: AbortSignal): Promise<unknown>;
  onChanged(kinds: EntityKind[]): void;
  /** The server refused the token: the loop has stopped; forget the session. */
  onSessionEnded(message: string): void;
}

/**
 * Keeps the replica in sync for one signed-in session: push, (bootstrap,) pull, one cycle at a
 * time. A cycle runs when kicked (local change, poke, socket reconnect, sync.now), on the poll
 * timer, and after failures with exponential backoff. A realtime delta that starts at the replica's
 * cursor goes in at once without a pull, even while a cycle is pushing.
 */
export class SyncLoop {
  readonly #opts: SyncLoopOptions;
  #session: SignedIn | null = null;
  #abort: AbortController | null = null;
  #realtime: RealtimeLink | null = null;
  #timer: NodeJS.Timeout | null = null;
  #current: Promise<void> | null = null;
  #next: Promise<void> | null = null;
  #attempt = 0;
  #pushBlocked: string | null = null;

  constructor(opts: SyncLoopOptions) {
    this.#opts = opts;
  }

  /** Downloads the snapshot through the agent directory, awaited: sign-in cannot answer before it knows the agent. */
  async bootstrapDirectory(session: SignedIn): Promise<void> {
    this.#opts.status.update({ phase: 'bootstrapping', error: null });
    await bootstrap(this.#opts.replica, new SyncApi(session.serverUrl, session.token), session.clientId, this.#bootstrapHooks(), 'agent');
  }

  start(session: SignedIn): void {
    this.#session = session;
    this.#abort = new AbortController();
    this.#pushBlocked = null;
    this.#attempt = 0;
    const { presence, status } = this.#opts;
    const realtime = new RealtimeLink(session.serverUrl, session.token, {
      onPoke: () => void this.kick(),
      onDelta: (delta) => void this.#applyDelta(delta),
      onPresence: (notice) => presence.receive(notice),
      onOpen: () => {
        presence.connected((message) => realtime.send(message));
        void this.kick();
      },
      onClose: () => {
        status.update({ online: false });
        presence.disconnected();
      },
      onUnauthorized: () => this.#endSession(SESSION_ENDED_MESSAGE),
    });
    this.#realtime = realtime;
    this.#realtime.start();
    void this.kick();
  }

  async stop(): Promise<void> {
    this.#halt();
    await this.#next?.catch(() => undefined);
    await this.#current?.catch(() => undefined);
  }

  /** Runs a cycle now, or right after the running one; resolves when that cycle is over. */
  kick(): Promise<void> {
    if (!this.#session) return Promise.resolve();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#current) {
      this.#current = this.#cycle().finally(() => {
        this.#current = null;
      });
      return this.#current;
    }
    this.#next ??= this.#current.then(() => {
      this.#next = null;
      return this.kick();
    });
    return this.#next;
  }

  async #cycle(): Promise<void> {
    const session = this.#session;
    const signal = this.#abort?.signal;
    if (!session || !signal) return;
    const { replica, status } = this.#opts;
    const api = new SyncApi(session.serverUrl, session.token, signal);
    try {
      if (status.get().phase !== 'offline') status.update({ phase: needsBootstrap(replica) ? 'bootstrapping' : 'syncing' });
      await this.#opts.beforePush?.(session, signal);
      if (!this.#pushBlocked) await this.#push(api, session.clientId);
      for (let resets = 0; ; resets++) {
        if (needsBootstrap(replica)) await bootstrap(replica, api, session.clientId, this.#bootstrapHooks());
        const pulled = await catchUp(replica, api, session.clientId, this.#bootstrapHooks(), this.#opts.crashPoints);
        if (pulled !== 'reset') {
          if (pulled.size > 0) this.#opts.onChanged([...pulled]);
          this.#reportCursor(session.clientId);
          break;
        }
        if (resets >= MAX_RESETS_PER_CYCLE) throw new ServerAnswerInvalid('The server keeps asking this workstation to download everything again; retrying later.');
      }
      // A replica that gained kept queue counts or search by a migration (or stopped mid-build) counts and indexes what it holds.
      if (!queueCountsLive(replica.db)) await buildQueueCounts(replica.db, replica.writer);
      if (searchIndexPending(replica.db)) await buildSearchIndex(replica.db, replica.writer, this.#bootstrapHooks().onProgress);
      this.#attempt = 0;
      status.update({
        phase: this.#pushBlocked ? 'error' : 'idle',
        error: this.#pushBlocked,
        online: this.#realtime?.connected ?? false,
        progress: null,
        lastSyncedAt: replica.meta.get('last_synced_at') ?? null,
      });
      if (this.#opts.pollIntervalMs > 0) this.#schedule(this.#opts.pollIntervalMs);
    } catch (err) {
      if (signal.aborted) return;
      const failure = describeSyncFailure(err);
      if (failure.signOut) {
        this.#endSession(failure.message);
        return;
      }
      status.update({ phase: failure.phase, error: failure.message, online: false, progress: null });
      this.#schedule(retryDelay(err, this.#attempt++));
    }
  }

  /** Through the same rebase as a pull; a delta that does not fit the replica (or cannot be applied now) becomes a pull. */
  async #applyDelta(delta: RealtimeDelta): Promise<void> {
    const session = this.#session;
    if (!session) return;
    try {
      const outcome = await applyDelta(this.#opts.replica, delta, this.#opts.crashPoints);
      if (outcome === 'known') return;
      if (outcome === 'pull') {
        void this.kick();
        return;
      }
      if (outcome.applied.size > 0) this.#opts.onChanged([...outcome.applied]);
      this.#opts.status.update({ lastSyncedAt: this.#opts.replica.meta.get('last_synced_at') ?? null });
      if (this.#session !== session) return;
      this.#reportCursor(session.clientId);
      // More changes wait, or the page queued a scope download (a team joined, a checksum repair): a cycle does both.
      if (outcome.more || scopeSync(this.#opts.replica.meta)) void this.kick();
    } catch (err) {
      log.warn('a realtime delta could not be applied; pulling instead', err);
      void this.kick();
    }
  }

  /** Tells the server where the replica stands, so that its next commits can come inline. */
  #reportCursor(clientId: string): void {
    const cursor = this.#opts.replica.meta.getJson('cursor', Cursor);
    if (cursor) this.#realtime?.send({ type: 'cursor', clientId, cursor });
  }

  async #push(api: SyncApi, clientId: string): Promise<void> {
    try {
      await pushOutbox(this.#opts.replica, api, clientId, this.#opts.crashPoints);
    } catch (err) {
      if (!(err instanceof PushBlocked)) throw err;
      // Pulling still works and keeps the agent's view fresh; pushing waits for an update or restart.
      this.#pushBlocked = err.message;
    } finally {
      this.#opts.status.update();
    }
  }

  #bootstrapHooks(): BootstrapHooks {
    return {
      onProgress: (progress) => this.#opts.status.update({ phase: 'bootstrapping', progress }),
      onRows: (kinds) => kinds.length > 0 && this.#opts.onChanged(kinds),
    };
  }

  #schedule(ms: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.kick(), ms);
    this.#timer.unref();
  }

  #halt(): void {
    this.#session = null;
    this.#abort?.abort();
    this.#abort = null;
    this.#realtime?.stop();
    this.#realtime = null;
    this.#opts.presence.reset();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Called from inside a cycle or the socket, so it must not wait for the cycle. */
  #endSession(message: string): void {
    this.#halt();
    this.#opts.onSessionEnded(message);
  }
}
