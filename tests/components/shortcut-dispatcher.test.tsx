import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../renderer/src/commands/command.ts';
import { useCommands } from '../../renderer/src/commands/use-commands.ts';
import { findCollisions } from '../../renderer/src/keyboard/collisions.ts';
import { displayKeys, normalizeKeys } from '../../renderer/src/keyboard/keys.ts';
import { createShortcutDispatcher, SEQUENCE_MS } from '../../renderer/src/keyboard/dispatcher.ts';
import { useShortcutDispatcher } from '../../renderer/src/keyboard/use-shortcut-dispatcher.ts';

/** A component that registers commands counting their runs, with the real dispatcher on the window. */
function Harness({ commands, runs }: { commands: Omit<Command, 'run'>[]; runs: string[] }) {
  useShortcutDispatcher();
  useCommands(commands.map((c) => ({ ...c, run: () => runs.push(c.id) })));
  return (
    <div>
      <input aria-label="Subject" />
      <textarea aria-label="Body" />
      <div contentEditable aria-label="Rich text" role="textbox" suppressContentEditableWarning />
      <button type="button">Press me</button>
    </div>
  );
}

const commands: Omit<Command, 'run'>[] = [
  { id: 'reply', title: 'Reply', section: 'Ticket', keys: 'r' },
  { id: 'help', title: 'Help', section: 'General', keys: '?' },
  { id: 'palette', title: 'Palette', section: 'General', keys: 'Mod+k' },
  { id: 'close', title: 'Close', section: 'General', keys: 'Escape' },
  { id: 'open', title: 'Open', section: 'Queue', keys: 'Enter' },
  { id: 'inbox', title: 'Go to inbox', section: 'Go to', keys: 'g i' },
  { id: 'bulk', title: 'Bulk', section: 'Queue', keys: 'Shift+A' },
  { id: 'off', title: 'Disabled', section: 'Queue', keys: 'x', enabled: false },
];

afterEach(cleanup);

describe('shortcut dispatcher', () => {
  it('runs single keys, Shift combos and Mod+k; ignores disabled commands and other modifiers', async () => {
    const runs: string[] = [];
    const user = userEvent.setup();
    render(<Harness commands={commands} runs={runs} />);
    await user.keyboard('r?{Shift>}A{/Shift}x');
    await user.keyboard('{Control>}k{/Control}');
    // Ctrl+R stays the browser's; Alt+r is no shortcut either.
    await user.keyboard('{Control>}r{/Control}{Alt>}r{/Alt}');
    expect(runs).toEqual(['reply', 'help', 'bulk', 'palette']);
  });

  it('never fires unmodified keys while typing in an input, a textarea or contenteditable; Mod+k and Escape still work there', async () => {
    const runs: string[] = [];
    const user = userEvent.setup();
    render(<Harness commands={commands} runs={runs} />);
    for (const name of ['Subject', 'Body', 'Rich text']) {
      await user.click(screen.getByRole('textbox', { name }));
      await user.keyboard('r?gi{Enter}');
    }
    expect(runs).toEqual([]);
    expect((screen.getByRole('textbox', { name: 'Subject' }) as HTMLInputElement).value).toBe('r?gi');
    await user.click(screen.getByRole('textbox', { name: 'Body' }));
    await user.keyboard('{Control>}k{/Control}{Escape}');
    expect(runs).toEqual(['palette', 'close']);
  });

  it('leaves Enter to a focused button', async () => {
    const runs: string[] = [];
    const user = userEvent.setup();
    render(<Harness commands={commands} runs={runs} />);
    await user.keyboard('{Enter}');
    expect(runs).toEqual(['open']);
    screen.getByRole('button', { name: 'Press me' }).focus();
    await user.keyboard('{Enter}');
    expect(runs).toEqual(['open']);
  });

  it('runs a two-key sequence within a second, not after it', async () => {
    const runs: string[] = [];
    const user = userEvent.setup();
    render(<Harness commands={commands} runs={runs} />);
    await user.keyboard('gi');
    expect(runs).toEqual(['inbox']);
    // 'g' then a key that ends no sequence: nothing, and that key is itself again.
    await user.keyboard('gr');
    expect(runs).toEqual(['inbox', 'reply']);
    // 'i' alone is nothing.
    await user.keyboard('i');
    expect(runs).toEqual(['inbox', 'reply']);
  });

  it('lets the sequence window lapse after SEQUENCE_MS (clock injected)', () => {
    let now = 0;
    const runs: string[] = [];
    const dispatch = createShortcutDispatcher({
      commands: () => commands.map((c) => ({ ...c, run: () => runs.push(c.id) })),
      mac: false,
      now: () => now,
    });
    const press = (key: string) => dispatch(new KeyboardEvent('keydown', { key, cancelable: true }));
    press('g');
    now += SEQUENCE_MS + 1;
    press('i');
    expect(runs).toEqual([]);
    press('g');
    now += SEQUENCE_MS - 1;
    press('i');
    expect(runs).toEqual(['inbox']);
  });

  it('reads Mod as Cmd on macOS and Ctrl elsewhere', () => {
    const runs: string[] = [];
    const list = () => commands.map((c) => ({ ...c, run: () => runs.push(c.id) }));
    const mac = createShortcutDispatcher({ commands: list, mac: true });
    const other = createShortcutDispatcher({ commands: list, mac: false });
    mac(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
    mac(new KeyboardEvent('keydown', { key: 'k', metaKey: true }));
    other(new KeyboardEvent('keydown', { key: 'k', metaKey: true }));
    other(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
    expect(runs).toEqual(['palette', 'palette']);
    // The physical key counts with a modifier: Cmd+K on a Russian layout reads 'л'.
    mac(new KeyboardEvent('keydown', { key: 'л', code: 'KeyK', metaKey: true }));
    expect(runs).toEqual(['palette', 'palette', 'palette']);
  });

  it('finds collisions: the same keys twice (any spelling), and a key that starts a sequence', () => {
    const run = () => undefined;
    expect(findCollisions(commands.map((c) => ({ ...c, run })))).toEqual([]);
    const clashing = [
      { id: 'a', title: 'A', section: 'S', keys: 'Mod+K', run },
      { id: 'b', title: 'B', section: 'S', keys: 'mod+k', run },
      { id: 'g', title: 'G', section: 'S', keys: 'g', run },
      { id: 'gi', title: 'GI', section: 'S', keys: 'g i', run },
    ];
    expect(findCollisions(clashing)).toEqual([
      { keys: 'Mod+k', ids: ['a', 'b'] },
      { keys: 'g / g i', ids: ['g', 'gi'] },
    ]);
  });

  it('reports a collision on the console in development', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const runs: string[] = [];
    render(<Harness commands={[...commands, { id: 'reply2', title: 'Reply again', section: 'Ticket', keys: 'r' }]} runs={runs} />);
    act(() => undefined);
    expect(errors).toHaveBeenCalledWith('Shortcut collision on "r": reply, reply2');
    errors.mockRestore();
  });
});

describe('key caps', () => {
  it('show Mod as Ctrl, or ⌘ on macOS, and a sequence as strokes', () => {
    expect(displayKeys('Mod+k', false)).toEqual([['Ctrl', 'K']]);
    expect(displayKeys('Mod+k', true)).toEqual([['⌘', 'K']]);
    expect(displayKeys('Shift+A Escape', false)).toEqual([['Shift', 'A'], ['Esc']]);
    expect(displayKeys('g i', false)).toEqual([['g'], ['i']]);
    expect(normalizeKeys('mod+shift+K')).toBe('Mod+Shift+k');
  });
});
