import { useState } from 'react';
import { allCommands, useCommandStore } from '../commands/command-store.ts';
import { bySection } from '../commands/sections.ts';
import { useShell } from '../shell/shell-store.ts';
import { useOverlay } from '../shell/use-overlay.ts';
import { KeyCaps } from './KeyCaps.tsx';

/** `?`: every command with its shortcut, grouped by section, filtered by what the agent types. */
export function HelpOverlay() {
  const open = useShell((s) => s.helpOpen);
  return open ? <HelpDialog /> : null;
}

function HelpDialog() {
  const setOpen = useShell((s) => s.setHelpOpen);
  const sources = useCommandStore((s) => s.sources);
  const [filter, setFilter] = useState('');
  const { close, onKeyDown } = useOverlay(setOpen);

  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = allCommands(sources).filter((c) => {
    const text = [c.title, c.section, c.keys ?? '', ...(c.keywords ?? [])].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });


  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div role="dialog" aria-modal="true" aria-labelledby="help-title" className="help-overlay" onKeyDown={onKeyDown}>
        <header className="overlay-head">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button type="button" className="button-quiet" onClick={close}>
            Close
          </button>
        </header>
        <input
          autoFocus
          type="search"
          className="overlay-search"
          placeholder="Search shortcuts…"
          aria-label="Search shortcuts"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <div className="help-sections" tabIndex={0} role="region" aria-label="Shortcuts by section">
          {matches.length === 0 && <p className="pane-note">No shortcut matches “{filter}”.</p>}
          {bySection(matches).map(([section, list]) => (
            <section key={section} className="help-section" aria-labelledby={`help-${sectionId(section)}`}>
              <h3 id={`help-${sectionId(section)}`}>{section}</h3>
              <dl>
                {list.map((c) => (
                  <div key={c.id} className={c.enabled === false ? 'help-row is-unavailable' : 'help-row'}>
                    <dt>{c.title}</dt>
                    <dd>{c.keys ? <KeyCaps keys={c.keys} /> : <span className="muted">Palette only</span>}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="help-foot muted">
          Every command is also in the palette: <KeyCaps keys="Mod+k" />
        </p>
      </div>
    </div>
  );
}

const sectionId = (section: string) => section.toLowerCase().replace(/[^a-z0-9]+/g, '-');
