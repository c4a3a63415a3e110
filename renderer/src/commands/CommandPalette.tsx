import { Command as Cmdk } from 'cmdk';
import { useEffect, useState } from 'react';
import { useDesk } from '../desk/desk-context.tsx';
import { KeyCaps } from '../keyboard/KeyCaps.tsx';
import { useShell } from '../shell/shell-store.ts';
import { useOverlay } from '../shell/use-overlay.ts';
import { useUi } from '../state/ui-store.ts';
import type { Command } from './command.ts';
import { allCommands, useCommandStore } from './command-store.ts';
import { bySection } from './sections.ts';

const TICKET_NUMBER = /^#?\s*(\d{1,9})$/;

/**
 * Every enabled command, grouped by section with its shortcut, fuzzy-matched on title and keywords
 * (cmdk); Enter runs the highlighted one, Escape closes. A number offers "Go to ticket #N".
 */
export function CommandPalette() {
  const open = useShell((s) => s.paletteOpen);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const setOpen = useShell((s) => s.setPaletteOpen);
  const sources = useCommandStore((s) => s.sources);
  const openTicket = useUi((s) => s.openTicket);
  const desk = useDesk();
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { close, onKeyDown } = useOverlay(setOpen);

  const commands = allCommands(sources).filter((c) => c.enabled !== false && c.id !== 'shell.palette');
  const ticketNumber = TICKET_NUMBER.exec(search.trim())?.[1];

  /** Closes first (focus back where it was), then runs: a command may open something or move focus itself. */
  const run = (command: Command) => {
    close();
    command.run();
  };
  const goToTicket = async (number: number) => {
    try {
      const found = await desk.invoke('palette.ticketByNumber', { number });
      if (!found) {
        setNotice(`No ticket #${number} on this workstation.`);
        return;
      }
      close();
      openTicket(found.id);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  useEffect(() => setNotice(null), [search]);

  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div role="dialog" aria-modal="true" aria-label="Command palette" className="palette" onKeyDown={onKeyDown}>
        <Cmdk label="Commands" loop>
          <Cmdk.Input autoFocus value={search} onValueChange={setSearch} placeholder="Type a command, or a ticket number…" />
          <Cmdk.List className="palette-list">
            <Cmdk.Empty className="palette-empty">No matching command.</Cmdk.Empty>
            {ticketNumber && (
              <Cmdk.Group heading="Ticket by number" forceMount>
                <Cmdk.Item value={`#${ticketNumber}`} forceMount onSelect={() => void goToTicket(Number(ticketNumber))} className="palette-item">
                  <span>Go to ticket #{ticketNumber}</span>
                </Cmdk.Item>
              </Cmdk.Group>
            )}
            {bySection(commands).map(([section, list]) => (
              <Cmdk.Group key={section} heading={section}>
                {list.map((c) => (
                  <Cmdk.Item key={c.id} value={c.id} keywords={[c.title, section, ...(c.keywords ?? [])]} onSelect={() => run(c)} className="palette-item">
                    <span>{c.title}</span>
                    <KeyCaps keys={c.keys} />
                  </Cmdk.Item>
                ))}
              </Cmdk.Group>
            ))}
          </Cmdk.List>
        </Cmdk>
        {notice && (
          <p role="status" className="palette-notice">
            {notice}
          </p>
        )}
      </div>
    </div>
  );
}
