import { DeskError } from '../../../shared/ipc/contract.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { builtinViews } from '../../../electron/engine/queries/queue.ts';
import { builtinItem } from '../../../electron/engine/queries/view-list.ts';
import type { ReactNode } from 'react';
import { DeskProvider } from '../../../renderer/src/desk/desk-context.tsx';
import { alwaysOpen } from '../../../renderer/src/desk/connection.ts';
import { createDeskApi } from '../../../shared/ipc/desk-api.ts';
import type { DeskResult } from '../../../shared/ipc/envelope.ts';
import type { Agent } from '../../../shared/model/index.ts';

export type Answers = Record<string, (input: unknown) => unknown>;

export const me: Agent = {
  id: '0195f0a0-0000-7000-8000-000000000001',
  name: 'Alex',
  email: 'alex@example.com',
  role: 'agent',
  teamIds: [],
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
};

export const signedIn = { state: 'signed_in' as const, serverUrl: 'http://127.0.0.1:1', workspaceName: 'Test', agent: me };

/** What an empty, idle workstation answers; a procedure not listed fails as unavailable (the UI shows its error text). */
const defaults: Answers = {
  'session.get': () => signedIn,
  'queue.page': () => ({ rows: [], next: null, total: 0 }),
  'queue.counts': () => ({ mine: 0, unassigned: 0, team: 0, pending: 0, sla_at_risk: 0, recent: 0, all: 0 }),
  'queue.viewPage': () => ({ rows: [], next: null, total: 0 }),
  'views.list': () => builtinViews.map((view) => builtinItem(view, { n: 0, capped: false })),
  'sync.status': () => ({ online: true, phase: 'idle', pending: 0, rejected: 0, lastSyncedAt: null, error: null, progress: null }),
  'syncIssues.list': () => [],
  'notifications.list': () => ({ items: [], unread: 0 }),
  'directory.agents': () => [me],
  'directory.teams': () => [],
};

/**
 * A DeskApi over an in-memory transport: answers from `answers` (over the defaults), records calls,
 * and lets a test send engine events. Not a mock of the engine's behaviour: only its answers.
 */
export function fakeDesk(answers: Answers = {}) {
  const calls: { name: string; input: unknown }[] = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const all = { ...defaults, ...answers };
  const api = createDeskApi({
    invoke: async (name: string, input: unknown): Promise<DeskResult> => {
      calls.push({ name, input });
      const answer = all[name];
      if (!answer) return { ok: false, error: { code: 'unavailable', message: `${name} is not answered in this test.` } };
      try {
        return { ok: true, value: await answer(input) };
      } catch (err) {
        // An answer may refuse, as the engine does.
        if (err instanceof DeskError) return { ok: false, error: err.toBody() };
        throw err;
      }
    },
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const emit = (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload));
  const wrapper = ({ children }: { children: ReactNode }) => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    return (
      <DeskProvider desk={{ api, connection: alwaysOpen }}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </DeskProvider>
    );
  };
  return { api, calls, emit, wrapper };
}

/** jsdom has no layout: what the panes and the virtual list observe never resizes. */
export function installLayoutStubs(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollTo ??= function scrollTo() {};
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}
