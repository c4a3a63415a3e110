import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { ErrorText } from '../common/ErrorText.tsx';
import { useNow } from '../common/use-now.ts';
import { useViewPages } from '../data/queries.ts';
import { useCommands } from '../commands/use-commands.ts';
import { useUi } from '../state/ui-store.ts';
import { pickRange, rangeAnchor } from './selection.ts';
import { DEFAULT_VIEW_COLUMNS } from '../../../shared/model/index.ts';
import { rowTicketId, ticketRowId, TicketRow } from './TicketRow.tsx';
import { useHoverPrefetch } from '../ticket/use-ticket-prefetch.ts';
import { useCurrentView } from './use-current-view.ts';
import { useSelectAll } from './use-select-all.ts';
import { TICKET_LIST_ID } from './ViewNav.tsx';

const ROW_HEIGHT = 56;
/** Start loading the next page this many rows before the loaded ones run out. */
const PREFETCH_ROWS = 30;

export function TicketList() {
  const { ref, item } = useCurrentView();
  const sortOverride = useUi((s) => s.sortOverride);
  const cursorId = useUi((s) => s.cursorId);
  const openTicketId = useUi((s) => s.openTicketId);
  const selectedIds = useUi((s) => s.selectedIds);
  const setCursor = useUi((s) => s.setCursor);
  const openTicket = useUi((s) => s.openTicket);
  const toggleSelected = useUi((s) => s.toggleSelected);
  const setSelection = useUi((s) => s.setSelection);
  const now = useNow();
  const pages = useViewPages(ref, sortOverride);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const columns = item?.columns.length ? item.columns : DEFAULT_VIEW_COLUMNS;

  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  const total = pages.data?.pages.at(-1)?.total ?? 0;
  // The full length up front keeps the scrollbar honest; rows not loaded yet show as placeholders.
  const count = hasNextPage ? Math.max(total, rows.length + 1) : rows.length;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastVisible, rows.length]);

  const refKey = JSON.stringify([ref, sortOverride]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [refKey]);

  const cursorIndex = rows.findIndex((r) => r.id === cursorId);
  const moveCursor = (step: 1 | -1) => {
    const next = cursorIndex === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, cursorIndex + step));
    const row = rows[next];
    if (!row) return;
    setCursor(row.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const openCursor = () => {
    if (cursorId && cursorIndex !== -1) openTicket(cursorId);
  };
  const pickCursor = () => {
    if (cursorId && cursorIndex !== -1) toggleSelected(cursorId);
  };
  const pickRangeTo = (id: string) => {
    const ids = rows.map((r) => r.id);
    setSelection(pickRange(ids, selectedIds, rangeAnchor(ids, selectedIds, cursorId), id));
    setCursor(id);
  };
  // One callback for every render, so that memoized rows stay as they are; it reads the latest rows.
  const pickRangeLatest = useRef(pickRangeTo);
  pickRangeLatest.current = pickRangeTo;
  const onPickRange = useCallback((id: string) => pickRangeLatest.current(id), []);
  const pickAll = useSelectAll();
  const clearPicks = () => setSelection([]);

  const hasCursor = cursorIndex !== -1;
  useCommands([
    { id: 'queue.next', title: 'Next ticket in the queue', section: 'Queue', keys: 'j', keywords: ['down', 'move'], run: () => moveCursor(1) },
    { id: 'queue.previous', title: 'Previous ticket in the queue', section: 'Queue', keys: 'k', keywords: ['up', 'move'], run: () => moveCursor(-1) },
    { id: 'queue.open', title: 'Open the highlighted ticket', section: 'Queue', keys: 'Enter', enabled: hasCursor, run: openCursor },
    { id: 'queue.pick', title: 'Select or unselect the highlighted ticket', section: 'Queue', keys: 'x', keywords: ['bulk', 'check'], enabled: hasCursor, run: pickCursor },
    { id: 'queue.pickAll', title: 'Select all tickets in this view', section: 'Queue', keys: '*', keywords: ['bulk', 'all'], run: () => void pickAll() },
    { id: 'queue.clearPicks', title: 'Clear the selection', section: 'Queue', keys: 'Escape', enabled: selectedIds.length > 0, run: clearPicks },
  ]);

  const onPointerOver = useHoverPrefetch(rowTicketId);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveCursor(e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <div className="ticket-list-wrap">
      <div
        ref={scrollRef}
        id={TICKET_LIST_ID}
        role="listbox"
        aria-label="Tickets"
        aria-busy={pages.isPending || isFetchingNextPage}
        aria-activedescendant={cursorIndex !== -1 ? ticketRowId(rows[cursorIndex]!.id) : undefined}
        tabIndex={0}
        className="ticket-list"
        onKeyDown={onKeyDown}
        onPointerOver={onPointerOver}
      >
        <div className="ticket-list-space" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = { height: item.size, transform: `translateY(${item.start}px)` };
            if (!row) return <div key={item.key} className="ticket-row is-placeholder" style={style} aria-hidden="true" />;
            return (
              <TicketRow
                key={row.id}
                row={row}
                now={now}
                selected={row.id === cursorId}
                open={row.id === openTicketId}
                picked={selectedIds.includes(row.id)}
                columns={columns}
                style={style}
                onOpen={openTicket}
                onPickRange={onPickRange}
              />
            );
          })}
        </div>
      </div>
      {pages.isPending && <p className="list-note">Loading tickets…</p>}
      {pages.isSuccess && rows.length === 0 && <p className="list-note">No tickets in this queue.</p>}
      {rows.length === 0 && <ErrorText error={pages.error} className="list-note" />}
    </div>
  );
}
