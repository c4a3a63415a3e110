import { afterAll } from 'vitest';
import { tempFiles } from '../unit/engine/support.ts';
export { tempFiles as replicaFiles };
import { Engine } from '../../electron/engine/engine.ts';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { createDeskApi, type DeskApi, type DeskTransport, type EventName, type EventPayload, type ProcedureInput, type ProcedureName, type SyncStatus } from '../../shared/ipc/index.ts';

/** Resolves with the first value (asked now with `procedure`, or announced later as `event`) that satisfies `wanted`. */
export function untilEvent<E extends EventName & ProcedureName>(
  desk: DeskApi,
  event: E,
  procedure: ProcedureInput<E> extends undefined ? E : never,
  wanted: (value: EventPayload<E>) => boolean,
): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = (value: EventPayload<E>) => {
      if (done || !wanted(value)) return;
      done = true;
      off();
      resolve(value);
    };
    const off = desk.on(event, check);
    const ask = desk.invoke as (name: E) => Promise<EventPayload<E>>;
    ask(procedure).then(check, reject);
  });
}

/** Resolves with the first sync status (current or announced later) that satisfies `wanted`. */
export function untilStatus(desk: DeskApi, wanted: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  return untilEvent(desk, 'sync.status', 'sync.status', wanted);
}

/** Resolves once `probe` answers something other than undefined; re-asks after every `changed` event. */
export function untilChanged<T>(desk: DeskApi, probe: () => Promise<T | undefined>): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = () =>
      probe().then((value) => {
        if (done || value === undefined) return;
        done = true;
        off();
        resolve(value);
      }, reject);
    const off = desk.on('changed', () => void check());
    void check();
  });
}

export const idleAndOnline = (s: SyncStatus) => s.phase === 'idle' && s.online && s.pending === 0;

export function deskOf(transport: DeskTransport): DeskApi {
  return createDeskApi(transport);
}

/** An engine in this process on a fresh replica (pollIntervalMs 0), signed in and caught up. `opened` hears of it so the test can close it. */
export async function signedInWorkstation(opts: {
  serverUrl: string;
  email: string;
  dbFile: string;
  opened(engine: Engine): void;
}): Promise<{ engine: Engine; desk: DeskApi; agentId: string }> {
  const engine = await Engine.open({ dbFile: opts.dbFile, pollIntervalMs: 0 });
  opts.opened(engine);
  const desk = deskOf(engine);
  const session = await desk.invoke('session.login', { serverUrl: opts.serverUrl, email: opts.email, password: DEMO_PASSWORD });
  if (session.state !== 'signed_in') throw new Error(`sign-in of ${opts.email} failed`);
  await untilStatus(desk, idleAndOnline);
  return { engine, desk, agentId: session.agent.id };
}

/** Pushed, pulled, and nothing left to send: what the agent sees is what the server has. */
export async function settled(desk: DeskApi): Promise<void> {
  await desk.invoke('sync.now');
  await untilStatus(desk, idleAndOnline);
}

/**
 * Signed-in workstations on fresh replicas for a test file (`open`), closed after its tests with
 * whatever else `defer` was given, newest first (a server deferred before its workstations closes after them).
 */
export function workstations(): {
  open(serverUrl: string, email: string): ReturnType<typeof signedInWorkstation>;
  defer(step: () => Promise<void>): void;
} {
  const newReplica = tempFiles();
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  const defer = (step: () => Promise<void>) => void cleanup.push(step);
  return { defer, open: (serverUrl, email) => signedInWorkstation({ serverUrl, email, dbFile: newReplica(), opened: (e) => defer(() => e.close()) }) };
}
