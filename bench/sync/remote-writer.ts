import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { newId } from '../../shared/ids.ts';
import { ticketSetPriority } from '../../shared/mutators/index.ts';
import { MAX_PUSH_MUTATIONS } from '../../shared/sync/protocol.ts';
import { priorityChange } from './priority-churn.ts';

/** Another agent's client, pushing straight through the sync API: the remote side of a catch-up. */
export class RemoteWriter {
  readonly #api: SyncApi;
  readonly #clientId = newId();
  #mutationId = 0;

  private constructor(api: SyncApi) {
    this.#api = api;
  }

  static async signIn(serverUrl: string, email: string): Promise<RemoteWriter> {
    const { token } = await new SyncApi(serverUrl, null).login(email, DEMO_PASSWORD);
    return new RemoteWriter(new SyncApi(serverUrl, token));
  }

  /** Commits `count` priority changes over `tickets` in the largest batches the server takes. */
  async changePriorities(tickets: readonly string[], count: number): Promise<void> {
    for (let done = 0; done < count; ) {
      const batch = Array.from({ length: Math.min(MAX_PUSH_MUTATIONS, count - done) }, (_, i) => ({
        id: ++this.#mutationId,
        name: ticketSetPriority.name,
        args: priorityChange(tickets, done + i, 1),
        createdAt: new Date().toISOString(),
      }));
      const { results } = await this.#api.push({ clientId: this.#clientId, mutations: batch });
      const refused = results.find((r) => r.status === 'rejected');
      if (refused) throw new Error(`The server refused a bench change: ${refused.error ?? 'no reason given'}`);
      done += batch.length;
    }
  }
}
