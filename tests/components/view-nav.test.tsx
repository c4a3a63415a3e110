import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { builtinItem } from '../../electron/engine/queries/view-list.ts';
import { ViewNav } from '../../renderer/src/queue/ViewNav.tsx';
import { fakeDesk } from './support/fake-desk.tsx';

describe('view navigation counts', () => {
  it('shows a count the engine stopped at as "10,000+", and an exact one as it is', async () => {
    const { wrapper } = fakeDesk({
      'views.list': () => [builtinItem('mine', { n: 42, capped: false }), builtinItem('sla_at_risk', { n: 10_000, capped: true })],
    });
    render(<ViewNav />, { wrapper });
    // Generous: the machine running the tests may be loaded; nothing here is a timing assertion.
    await waitFor(() => expect(screen.getByRole('tab', { name: /SLA at risk/ }).textContent).toBe('SLA at risk10,000+'), { timeout: 5_000 });
    expect(screen.getByRole('tab', { name: /Mine/ }).textContent).toBe('Mine42');
  });
});
