import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit, SearchResults } from '../../../shared/ipc/features/search.ts';
import { SEARCH_HELP } from '../../../shared/rules/search-query.ts';
import { useCommands } from '../commands/use-commands.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { ticketNumberLabel } from '../format/labels.ts';
import { useUi } from '../state/ui-store.ts';
import { Marked, unmarked } from './Marked.tsx';
import { SearchReader, type ReaderItem } from './SearchReader.tsx';
import { useSearchResults } from './use-search.ts';
import './search.css';

const GROUP_TITLES: Record<SearchResults['groups'][number]['kind'], string> = {
  ticket: 'Tickets',
  contact: 'Contacts',
  account: 'Accounts',
  article: 'Articles',
};

/** What Enter on a hit does: a ticket opens in the ticket pane; a customer opens their latest ticket (or a card); an article opens the reader. */
export function openHit(hit: SearchHit, show: (item: ReaderItem) => void): void {
  const { openTicket } = useUi.getState();
  if (hit.kind === 'ticket') openTicket(hit.id);
  else if (hit.kind === 'article') show({ kind: 'article', id: hit.id });
  else if (hit.ticketId !== null) openTicket(hit.ticketId);
  else show({ kind: 'customer', hit });
}

/**
 * The one search box of the top bar: `/` focuses it; results come as the agent types, grouped by
 * kind; ArrowUp/ArrowDown move, Enter opens, Escape closes. A combobox with a listbox popup.
 */
export function SearchBox() {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [reader, setReader] = useState<ReaderItem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const { data, isFetching } = useSearchResults(text);
  const shown = text.trim() !== '' ? data : undefined;
  const hits = useMemo(() => shown?.groups.flatMap((g) => g.hits) ?? [], [shown]);

  useEffect(() => setActive(0), [shown]);

  const focus = () => {
    input.current?.focus();
    input.current?.select();
    setOpen(true);
  };
  useCommands([{ id: 'search.focus', title: 'Search tickets, customers and articles', section: 'Go to', keys: '/', keywords: ['find'], run: focus }]);
  // Until the command dispatcher binds commands' keys, `/` is bound here as well (focusing twice is harmless).

  const close = () => {
    setOpen(false);
    input.current?.blur();
  };
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    openHit(hit, setReader);
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (open && text !== '') setText('');
      close();
    }
  };

  const expanded = open && text.trim() !== '';
  const optionId = (i: number) => `${listId}-hit-${i}`;
  let index = -1;

  return (
    <div className="search-box">
      <input
        ref={input}
        type="search"
        className="search-input"
        placeholder="Search  /"
        aria-label="Search tickets, customers and articles"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits.length > 0 ? optionId(active) : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        maxLength={2000}
        spellCheck={false}
      />
      {expanded && (
        <div className="search-popup">
          <div id={listId} role="listbox" aria-label="Search results" className="search-results">
            {shown?.groups.map((group) => (
              <div key={group.kind} role="group" aria-label={GROUP_TITLES[group.kind]} className="search-group">
                <div className="search-group-title" aria-hidden="true">
                  {GROUP_TITLES[group.kind]}
                </div>
                {group.hits.map((hit) => {
                  index++;
                  const i = index;
                  return (
                    <div
                      key={`${hit.kind}-${hit.id}`}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={`search-hit${i === active ? ' active' : ''}`}
                      // Keep the focus in the box: a click chooses without blurring it first.
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => choose(hit)}
                    >
                      <HitLine hit={hit} />
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          {shown && shown.groups.length === 0 && !isFetching && <p className="search-empty">{shown.hint ?? 'Nothing found.'}</p>}
          {shown?.indexing && <p className="search-note">Indexing for search: results may be incomplete.</p>}
          <p className="search-help">{SEARCH_HELP}</p>
        </div>
      )}
      {reader && <SearchReader item={reader} onClose={() => setReader(null)} />}
    </div>
  );
}

/** One hit: a marked title with what goes before and after it, and a marked snippet under it. */
function HitLayout({ title, before, after, snippet }: { title: string; before?: ReactNode; after?: ReactNode; snippet?: string | null }) {
  return (
    <>
      <span className="search-hit-main">
        {before}
        <span className="search-hit-title" title={unmarked(title)}>
          <Marked text={title} />
        </span>
        {after}
      </span>
      {snippet && (
        <span className="search-hit-snippet">
          <Marked text={snippet} />
        </span>
      )}
    </>
  );
}

function HitLine({ hit }: { hit: SearchHit }) {
  switch (hit.kind) {
    case 'ticket':
      return <HitLayout before={<span className="search-hit-number">{ticketNumberLabel(hit.number)}</span>} title={hit.subject} after={<StatusBadge status={hit.status} />} snippet={hit.snippet} />;
    case 'contact':
      return (
        <HitLayout
          title={hit.name}
          after={
            <span className="search-hit-meta">
              <Marked text={hit.email} />
              {hit.accountName && ` · ${hit.accountName}`}
            </span>
          }
        />
      );
    case 'account':
      return <HitLayout title={hit.name} after={hit.domain && <span className="search-hit-meta"><Marked text={hit.domain} /></span>} />;
    case 'article':
      return <HitLayout title={hit.title} after={hit.status === 'draft' && <span className="search-hit-meta">Draft</span>} snippet={hit.snippet} />;
  }
}
