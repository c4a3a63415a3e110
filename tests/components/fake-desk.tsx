import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../../renderer/src/data/query-client.ts';
import { alwaysOpen } from '../../renderer/src/desk/connection.ts';
import { DeskProvider } from '../../renderer/src/desk/desk-context.tsx';
import { DeskError } from '../../shared/ipc/contract.ts';
import { createDeskApi } from '../../shared/ipc/desk-api.ts';
import type { DeskResult, DeskTransport } from '../../shared/ipc/envelope.ts';

export type FakeHandler = (input: unknown) => unknown;

/**
 * A desk for component tests: the real DeskApi (input validation, error shapes) over a transport
 * whose procedures the test writes; every call is recorded; `emit` plays an engine event.
 */
export function fakeDesk(handlers: Record<string, FakeHandler>) {
  const calls: { name: string; input: unknown }[] = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const transport: DeskTransport = {
    async invoke(name, input): Promise<DeskResult> {
      calls.push({ name, input });
      const handler = handlers[name];
      if (!handler) return { ok: false, error: { code: 'unknown_procedure', message: name } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (err) {
        if (err instanceof DeskError) return { ok: false, error: err.toBody() };
        return { ok: false, error: { code: 'internal', message: String(err) } };
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const desk = { api: createDeskApi(transport), connection: alwaysOpen };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DeskProvider desk={desk}>
      <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>
    </DeskProvider>
  );
  return { calls, wrapper, emit: (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload)) };
}
