import { DeskError, type ProcedureInput } from '../../../shared/ipc/contract.ts';
import type { Session } from '../../../shared/ipc/views.ts';
import type { LoginResponse } from '../../../shared/sync/protocol.ts';
import type { EngineContext } from '../engine-context.ts';
import { SerialQueue } from '../serial-queue.ts';
import { describeSyncFailure } from '../sync/sync-failure.ts';
import { ServerAnswerInvalid, ServerRefused, ServerUnreachable, SyncApi } from '../sync/sync-api.ts';
import type { Handlers } from './types.ts';

export function sessionHandlers(ctx: EngineContext): Pick<Handlers, 'session.get' | 'session.login' | 'session.logout'> {
  // Sign-ins and sign-outs never overlap: two at once would download into the same replica.
  const oneAtATime = new SerialQueue();
  return {
    'session.get': () => currentSession(ctx),

    'session.login': (input) => oneAtATime.run(() => logIn(ctx, input)),

    // Forgets the token only: the outbox and the replica stay, so nothing the agent wrote is dropped;
    // it is sent after the next sign-in of the same agent.
    'session.logout': () =>
      oneAtATime.run(async () => {
        await ctx.sync.stop();
        await ctx.session.signOut();
        ctx.status.update({ phase: 'signed_out', online: false, error: null, progress: null });
        return { state: 'signed_out' as const };
      }),
  };
}

/** Signs in and, for a replica that does not know the agent yet, downloads the directory first. */
async function logIn(ctx: EngineContext, { serverUrl, email, password }: ProcedureInput<'session.login'>): Promise<Session> {
  const origin = new URL(serverUrl).origin;
  const answer = await askServer(origin, email, password);
  const otherOwner = replicaOwnedByOther(ctx, origin, answer.agentId);
  await ctx.sync.stop();
  if (otherOwner) {
    await ctx.replica.wipe();
    ctx.status.update({ lastSyncedAt: null });
  }
  await ctx.session.signIn({ serverUrl: origin, agentId: answer.agentId, workspaceName: answer.workspaceName, token: answer.token });
  const session = ctx.session.require();
  if (!ctx.replica.store.get('agent', session.agentId)) {
    try {
      await ctx.sync.bootstrapDirectory(session);
    } catch (err) {
      // Without the directory there is no agent to show: the sign-in did not complete.
      const failure = describeSyncFailure(err);
      await ctx.session.signOut();
      ctx.status.update({ phase: 'signed_out', error: failure.message, progress: null, online: false });
      throw new DeskError('unavailable', failure.message);
    }
  }
  ctx.sync.start(session);
  return currentSession(ctx);
}

export function currentSession(ctx: EngineContext): Session {
  const session = ctx.session.current();
  const agent = session && ctx.replica.store.get('agent', session.agentId);
  if (!session || !agent) return { state: 'signed_out' };
  return { state: 'signed_in', serverUrl: session.serverUrl, workspaceName: session.workspaceName, agent };
}

async function askServer(origin: string, email: string, password: string): Promise<LoginResponse> {
  try {
    return await new SyncApi(origin, null).login(email, password);
  } catch (err) {
    if (err instanceof ServerUnreachable) throw new DeskError('unavailable', `Cannot reach ${origin}. Check the address and your network.`);
    if (err instanceof ServerRefused && err.status < 500) throw new DeskError(err.status === 400 ? 'invalid_input' : 'rejected', err.message);
    if (err instanceof ServerRefused || err instanceof ServerAnswerInvalid) throw new DeskError('unavailable', err.message);
    throw err;
  }
}

/**
 * A replica serves one agent on one server: another agent (or server) needs a fresh one (true).
 * Refused while the old owner's changes have not all reached their server.
 */
function replicaOwnedByOther(ctx: EngineContext, serverUrl: string, agentId: string): boolean {
  const owner = ctx.session.owner();
  if (!owner || (owner.serverUrl === serverUrl && owner.agentId === agentId)) return false;
  if (!ctx.replica.outbox.isEmpty()) {
    const name = ctx.replica.store.get('agent', owner.agentId)?.name ?? 'the previous agent';
    throw new DeskError(
      'rejected',
      `This workstation still holds changes by ${name} on ${owner.serverUrl} that did not reach the server. Sign in as ${name} first so they can be sent.`,
    );
  }
  return true;
}
