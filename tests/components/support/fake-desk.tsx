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
import { METRICS, STOCK_DASHBOARD, type ReportDefinition, type ReportDimension, type ReportKey, type ReportResult, type SavedReport } from '../../../shared/reports/index.ts';

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

/** The keys a fake report splits by: a few values per dimension, as the engine labels them. */
const FAKE_KEYS: Partial<Record<ReportDimension, ReportKey[]>> = {
  day: [
    { id: '2026-11-20', label: 'Fri 20 Nov' },
    { id: '2026-11-21', label: 'Sat 21 Nov' },
    { id: '2026-11-22', label: 'Sun 22 Nov' },
  ],
  week: [{ id: '2026-11-16', label: 'Week of 16 Nov' }],
  channel: [
    { id: 'email', label: 'Email' },
    { id: 'chat', label: 'Chat' },
  ],
  priority: [
    { id: 'high', label: 'High' },
    { id: 'normal', label: 'Normal' },
  ],
  team: [{ id: '0195f0a0-0000-7000-8000-00000000000a', label: 'Frontline' }],
  assignee: [
    { id: me.id, label: me.name },
    { id: null, label: 'Unassigned' },
  ],
};

/** A deterministic answer of a report: every combination of the fake keys, values from 1 up (so each cell reads differently). */
export function fakeReportResult(definition: ReportDefinition, compare = false): ReportResult {
  const unit = METRICS[definition.metric].unit;
  const keysOf = (d: ReportDimension) => FAKE_KEYS[d] ?? [{ id: `${d}-1`, label: `${d} one` }];
  let combos: ReportKey[][] = [[]];
  for (const d of definition.groupBy) combos = combos.flatMap((c) => keysOf(d).map((k) => [...c, k]));
  const rows = definition.groupBy.length === 0 ? [] : combos.map((keys, i) => ({ keys: keys.map((k) => ({ ...k })), value: i + 1, sample: 10 * (i + 1) }));
  return {
    metric: definition.metric,
    unit,
    from: '2026-11-16T00:00:00.000Z',
    to: '2026-11-23T00:00:00.000Z',
    total: { value: 42, sample: 1234 },
    previous: compare ? { value: 40, sample: 1100 } : null,
    rows,
    truncated: false,
  };
}

/** The reports procedures over an in-memory list of saved reports (owned by `me` unless given). */
export function reportsAnswers(saved: SavedReport[] = []): Answers {
  const list = [...saved];
  return {
    'reports.dashboard': () => ({ widgets: STOCK_DASHBOARD.map((w) => ({ id: w.id, result: fakeReportResult({ ...w.report, range: { lastDays: 7 }, filter: {} }, w.report.chart === 'number') })) }),
    'reports.run': (input) => {
      const { definition, compare } = input as { definition: ReportDefinition; compare: boolean };
      return fakeReportResult(definition, compare);
    },
    'reports.tickets': () => ({ tickets: [], total: 0 }),
    'reports.list': () => list,
    'reports.save': (input) => {
      const { id, ...fields } = input as Pick<SavedReport, 'name' | 'shared' | 'pinned' | 'definition'> & { id?: string };
      const at = '2026-11-22T10:00:00.000Z';
      const existing = list.findIndex((r) => r.id === id);
      const reportId = id ?? `0195f0a0-0000-7000-8000-${String(900 + list.length).padStart(12, '0')}`;
      const report: SavedReport = { id: reportId, ownerId: me.id, position: list.length, createdAt: at, updatedAt: at, ...fields };
      if (existing >= 0) list[existing] = report;
      else list.push(report);
      return { reportId };
    },
    'reports.delete': (input) => {
      const { reportId } = input as { reportId: string };
      list.splice(
        list.findIndex((r) => r.id === reportId),
        1,
      );
      return null;
    },
  };
}
