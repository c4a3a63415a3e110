import type { KeyboardEvent } from 'react';
import { useQueueCounts } from '../data/queries.ts';
import { useUi } from '../state/ui-store.ts';
import { queueViews } from './queue-views.ts';

export const TICKET_LIST_ID = 'ticket-list';

export function QueueTabs() {
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const counts = useQueueCounts();

  // Arrow keys move between tabs, as in every tablist.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const at = queueViews.findIndex((v) => v.view === view);
    const next = queueViews[(at + step + queueViews.length) % queueViews.length];
    if (!next) return;
    setView(next.view);
    document.getElementById(`queue-tab-${next.view}`)?.focus();
  };

  return (
    <div role="tablist" aria-label="Queues" className="queue-tabs" onKeyDown={onKeyDown}>
      {queueViews.map(({ view: v, label }) => {
        const active = v === view;
        return (
          <button
            key={v}
            id={`queue-tab-${v}`}
            type="button"
            role="tab"
            aria-selected={active}
            aria-controls={TICKET_LIST_ID}
            tabIndex={active ? 0 : -1}
            className="queue-tab"
            onClick={() => setView(v)}
          >
            {label} <span className="queue-count">{counts.data?.[v] ?? ''}</span>
          </button>
        );
      })}
    </div>
  );
}
