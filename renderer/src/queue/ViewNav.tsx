import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useUi } from '../state/ui-store.ts';
import { useChooseView, useCurrentView } from './use-current-view.ts';

export const TICKET_LIST_ID = 'ticket-list';
const tabId = (id: string) => `queue-tab-${id}`;

/** The queues: built-in views, then shared and personal saved views, each with its count (kept fresh on `changed`). */
export function ViewNav() {
  const { item: current, views } = useCurrentView();
  const setView = useUi((s) => s.setView);
  const currentId = current?.id ?? null;
  const savedViewId = useUi((s) => s.savedViewId);

  // The shown saved view was deleted (here or on another workstation): back to the agent's own queue.
  // Only once it has been listed: a view just saved is shown before the list has it.
  const listed = useRef(new Set<string>());
  useEffect(() => {
    for (const v of views) listed.current.add(v.id);
    if (savedViewId && listed.current.has(savedViewId) && !views.some((v) => v.id === savedViewId)) setView('mine');
  }, [savedViewId, views, setView]);

  const choose = useChooseView();

  // Arrow keys move between views, as in every tablist.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (!step || views.length === 0) return;
    e.preventDefault();
    const at = views.findIndex((v) => v.id === currentId);
    const next = views[(at + step + views.length) % views.length];
    if (!next) return;
    choose(next);
    document.getElementById(tabId(next.id))?.focus();
  };

  return (
    <div role="tablist" aria-label="Queues" aria-orientation="vertical" className="view-nav" onKeyDown={onKeyDown}>
      {views.map((v, i) => {
        const active = v.id === currentId;
        const firstSaved = !v.builtin && views[i - 1]?.builtin;
        return (
          <button
            key={v.id}
            id={tabId(v.id)}
            type="button"
            role="tab"
            aria-selected={active}
            aria-controls={TICKET_LIST_ID}
            tabIndex={active ? 0 : -1}
            className={`view-tab${firstSaved ? ' is-first-saved' : ''}`}
            onClick={() => choose(v)}
          >
            <span className="view-name">{v.name}</span>
            {!v.builtin && <span className="view-kind">{v.shared ? 'shared' : 'personal'}</span>}
            <span className="queue-count">{v.countCapped ? `${v.count.toLocaleString('en')}+` : v.count}</span>
          </button>
        );
      })}
    </div>
  );
}
