import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { allCommands, useCommandStore } from '../../renderer/src/commands/command-store.ts';
import { useCommands } from '../../renderer/src/commands/use-commands.ts';

const registered = () => allCommands(useCommandStore.getState().sources);

function Feature({ title }: { title: string }) {
  const [count, setCount] = useState(0);
  useCommands([{ id: 'demo.count', title, section: 'Demo', keys: 'c', run: () => setCount((n) => n + 1) }]);
  return <output>{count}</output>;
}

describe('useCommands', () => {
  it('registers while mounted, runs the latest closure, follows title changes, and leaves on unmount', () => {
    const view = render(<Feature title="Count" />);
    expect(registered().map((c) => [c.id, c.title, c.keys])).toEqual([['demo.count', 'Count', 'c']]);
    act(() => registered()[0]?.run());
    act(() => registered()[0]?.run());
    expect(view.container.textContent).toBe('2');
    view.rerender(<Feature title="Count up" />);
    expect(registered()[0]?.title).toBe('Count up');
    view.unmount();
    expect(registered()).toEqual([]);
  });
});
