import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Macro } from '../../../shared/model/index.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { describeActions } from './apply-macro.ts';
import { useMacros } from './macro-data.ts';

interface Props {
  onPick(macro: Macro): void;
  onClose(): void;
  onManage(): void;
}

/** Type to filter, arrows to move, Enter to apply, Escape to leave. */
export function MacroPicker({ onPick, onClose, onManage }: Props) {
  const macros = useMacros();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const listId = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (macros.data ?? []).filter((m) => q === '' || m.title.toLowerCase().includes(q) || m.body.toLowerCase().includes(q));
  }, [macros.data, query]);
  const active = Math.min(index, Math.max(0, shown.length - 1));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setIndex((i) => (shown.length === 0 ? 0 : (Math.min(i, shown.length - 1) + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const macro = shown[active];
      if (macro) onPick(macro);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="composer-dialog macro-picker" role="dialog" aria-modal="true" aria-label="Apply a macro">
      <input
        role="combobox"
        aria-label="Search macros"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown[active] ? `${listId}-${shown[active].id}` : undefined}
        autoFocus
        placeholder="Search macros…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorText error={macros.error} />
      <ul id={listId} role="listbox" aria-label="Macros" className="macro-options">
        {shown.map((m, i) => (
          <li
            key={m.id}
            id={`${listId}-${m.id}`}
            role="option"
            aria-selected={i === active}
            className="macro-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(m)}
          >
            <span className="macro-title">{m.title}</span>
            <span className="macro-meta">
              {m.kind === 'note' ? 'Internal note' : 'Public reply'}
              {m.ownerId === null ? '' : ' · personal'}
              {m.actions.length > 0 && ` · ${describeActions(m)}`}
            </span>
          </li>
        ))}
        {macros.data && shown.length === 0 && <li className="pane-note">No macro matches.</li>}
      </ul>
      <div className="composer-dialog-actions">
        <button type="button" onClick={onManage}>
          Manage macros…
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
