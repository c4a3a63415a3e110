import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskApi } from '../../shared/ipc/contract.ts';
import { dueTimes, slaTimers } from '../../shared/rules/sla.ts';
import { allCommands, useCommandStore } from '../../renderer/src/commands/command-store.ts';
import { alwaysOpen } from '../../renderer/src/desk/connection.ts';
import { DeskProvider } from '../../renderer/src/desk/desk-context.tsx';
import { RowSlaBadge, useRunningTimer, SlaBadge, TicketSlaTimers } from '../../renderer/src/sla/SlaBadge.tsx';
import { SlaPolicyEditorHost } from '../../renderer/src/sla/SlaPolicyEditor.tsx';
import { demoSlaPolicy } from '../../server/demo/sla-policy.ts';

// Monday 23 Nov 2026 10:00 Berlin; a normal ticket: first response due 14:00 Berlin (13:00Z).
const CREATED = '2026-11-23T09:00:00.000Z';
const policy = demoSlaPolicy(new Date(CREATED), CREATED);
const ticket: { firstResponseDueAt: string | null; resolutionDueAt: string | null; firstResponseAt: string | null; solvedAt: string | null } = {
  ...dueTimes(policy, { createdAt: CREATED, priority: 'normal' }),
  firstResponseAt: null,
  solvedAt: null,
};
const at = (iso: string) => Date.parse(iso);

/** A fake DeskApi: answers sla.policy, records every call. */
function fakeDesk() {
  const calls: { name: string; input: unknown }[] = [];
  const api = {
    invoke: async (name: string, input?: unknown) => {
      calls.push({ name, input });
      if (name === 'sla.policy') return policy;
      if (name === 'sla.savePolicy') return null;
      throw new Error(`unexpected ${name}`);
    },
    on: () => () => {},
  } as unknown as DeskApi;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DeskProvider desk={{ api, connection: alwaysOpen }}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>
    </DeskProvider>
  );
  return { calls, wrapper };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SlaBadge', () => {
  const badge = (now: string, t = ticket, kind: 'firstResponse' | 'resolution' = 'firstResponse') => {
    const timer = slaTimers(policy, t, now)[kind]!;
    const view = render(<SlaBadge kind={kind} timer={timer} />);
    const el = view.container.querySelector('.sla-badge') as HTMLElement;
    return { el, state: el.dataset.slaState, shown: el.querySelector('[aria-hidden="true"]:not(.sla-icon)')?.textContent, icon: el.querySelector('.sla-icon')?.textContent };
  };

  it('counts down while running, with the due time and business time left for screen readers', () => {
    const b = badge('2026-11-23T10:50:00.000Z');
    expect([b.state, b.shown, b.icon]).toEqual(['running', 'First response · 2h 10m left', '◷']);
    expect(b.el.className).toContain('sla-running');
    expect(b.el.querySelector('.visually-hidden')?.textContent).toMatch(/^First response on track: 2h 10m left, due .+ \(2h 10m of business time\)\.$/);
    expect(b.el.title).toBe(b.el.querySelector('.visually-hidden')?.textContent);
  });

  it('is at risk in the last hour, with its own icon and class (not colour alone)', () => {
    const b = badge('2026-11-23T12:15:00.000Z');
    expect([b.state, b.shown, b.icon]).toEqual(['at_risk', 'First response · 45m left', '⚠\uFE0E']);
    expect(b.el.className).toContain('sla-at_risk');
  });

  it('says how long ago it was breached', () => {
    const b = badge('2026-11-23T13:35:00.000Z');
    expect([b.state, b.shown, b.icon]).toEqual(['breached', 'First response · Breached 35m ago', '✖']);
    expect(badge('2026-11-25T15:00:00.000Z').shown).toBe('First response · Breached 2d 2h ago');
  });

  it('says Met, or Missed by how much, once done', () => {
    expect(badge('2026-11-30T00:00:00.000Z', { ...ticket, firstResponseAt: '2026-11-23T12:00:00.000Z' }).shown).toBe('First response · Met');
    const late = badge('2026-11-30T00:00:00.000Z', { ...ticket, firstResponseAt: '2026-11-23T13:15:00.000Z' });
    expect([late.state, late.shown]).toEqual(['missed', 'First response · Missed by 15m']);
  });
});

describe('TicketSlaTimers and RowSlaBadge', () => {
  it('show both timers in the header and tick as time passes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(at('2026-11-23T10:50:00.000Z'));
    const { wrapper } = fakeDesk();
    render(<TicketSlaTimers ticket={ticket} />, { wrapper });
    const group = screen.getByRole('group', { name: 'SLA timers' });
    await waitFor(() => expect(group.textContent).toContain('(2h 10m of business time)'));
    expect(group.textContent).toContain('First response · 2h 10m left');
    expect(group.textContent).toContain('Resolution · ');
    act(() => vi.advanceTimersByTime(60 * 60_000));
    expect(group.textContent).toContain('First response · 1h 10m left');
    act(() => vi.advanceTimersByTime(75 * 60_000));
    expect(group.textContent).toContain('First response · Breached 5m ago');
  });

  it('a queue row shows the running timer only: first response, then resolution, nothing once solved', async () => {
    const { wrapper } = fakeDesk();
    const now = at('2026-11-23T10:50:00.000Z');
    const view = render(<Row row={ticket} now={now} />, { wrapper });
    expect(view.container.textContent).toContain('2h 10m left');
    expect(view.container.textContent).not.toContain('First response ·');
    view.rerender(<Row row={{ ...ticket, firstResponseAt: CREATED }} now={now} />);
    // Resolution: 24 business hours from Monday 10:00 is Thursday 10:00 Berlin.
    expect(view.container.querySelector('.sla-badge [aria-hidden="true"]:not(.sla-icon)')?.textContent).toBe('2d left');
    expect(view.container.querySelector('.sla-badge .visually-hidden')?.textContent).toContain('Resolution on track: 2d 22h left');
    view.rerender(<Row row={{ ...ticket, firstResponseAt: CREATED, solvedAt: CREATED }} now={now} />);
    expect(view.container.querySelector('.sla-badge')).toBeNull();
  });
});

/** A queue row's badge as TicketRow renders it. */
function Row({ row, now }: { row: Parameters<typeof useRunningTimer>[0]; now: number }) {
  return <RowSlaBadge running={useRunningTimer(row, now)} />;
}

describe('SlaPolicyEditor', () => {
  const command = () => allCommands(useCommandStore.getState().sources).find((c) => c.id === 'sla.editPolicy');

  it('is a command for admins only', () => {
    const { wrapper } = fakeDesk();
    const view = render(<SlaPolicyEditorHost role="agent" />, { wrapper });
    expect(command()).toMatchObject({ title: 'Edit the SLA policy', enabled: false });
    view.unmount();
  });

  it('opens from the command, refuses overlapping hours with the reason, and saves the edited policy', async () => {
    const { wrapper, calls } = fakeDesk();
    const view = render(<SlaPolicyEditorHost role="admin" />, { wrapper });
    expect(command()?.enabled).toBe(true);
    act(() => command()?.run());
    const dialog = await screen.findByRole('dialog', { name: 'SLA policy' });
    const monday = await screen.findByLabelText('Monday');
    expect((monday as HTMLInputElement).value).toBe('09:00-17:00');

    fireEvent.change(monday, { target: { value: '09:00-12:00, 11:00-17:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Monday: working intervals must be in order and must not overlap.');
    expect(calls.filter((c) => c.name === 'sla.savePolicy')).toEqual([]);

    fireEvent.change(monday, { target: { value: '08:00-12:00, 13:00-17:00' } });
    fireEvent.change(screen.getByLabelText('Urgent first response target, minutes'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const saved = calls.find((c) => c.name === 'sla.savePolicy')?.input as typeof policy;
    expect(saved.week[1]).toEqual([{ start: 480, end: 720 }, { start: 780, end: 1020 }]);
    expect(saved.targets.urgent).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 240 });
    expect(saved).toMatchObject({ name: policy.name, timeZone: 'Europe/Berlin', holidays: policy.holidays, atRiskMinutes: 60 });
    expect(dialog.isConnected).toBe(false);
    view.unmount();
  });
});
