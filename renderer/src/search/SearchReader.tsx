import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../shared/ipc/features/search.ts';
import { escapeHtml } from '../../../shared/rules/macro-template.ts';
import { useSession } from '../data/queries.ts';
import { useUi } from '../state/ui-store.ts';
import { unmarked } from './Marked.tsx';
import { useSearchArticle } from './use-search.ts';

export type ReaderItem = { kind: 'article'; id: string } | { kind: 'customer'; hit: Extract<SearchHit, { kind: 'contact' | 'account' }> };

/** The text a reply gets for an article: its title and its address in the help center. */
export function articleLink(title: string, serverUrl: string, id: string): string {
  return `${title}: ${serverUrl.replace(/\/+$/, '')}/help/articles/${id}`;
}

/**
 * A panel over the workspace that shows what a search hit opened when it is not a ticket: an
 * article (with "Insert link into reply" when a ticket is open), or a customer who has no ticket.
 */
export function SearchReader({ item, onClose }: { item: ReaderItem; onClose: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), [item]);
  const title = item.kind === 'article' ? 'Article' : item.hit.kind === 'contact' ? 'Contact' : 'Account';
  return (
    <div
      ref={panel}
      className="search-reader"
      role="dialog"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="search-reader-head">
        <span className="search-reader-kind">{title}</span>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {item.kind === 'article' ? <ArticleBody id={item.id} onDone={onClose} /> : <CustomerCard hit={item.hit} />}
    </div>
  );
}

function ArticleBody({ id, onDone }: { id: string; onDone: () => void }) {
  const { data: article, isPending } = useSearchArticle(id);
  const { data: session } = useSession();
  const openTicketId = useUi((s) => s.openTicketId);
  if (isPending) return <p className="pane-note">Loading…</p>;
  if (!article) return <p className="pane-note">This article is no longer on this workstation.</p>;
  const insert = () => {
    if (!openTicketId || session?.state !== 'signed_in') return;
    useUi.getState().insertIntoComposer(openTicketId, `<p>${escapeHtml(articleLink(article.title, session.serverUrl, article.id))}</p>`);
    onDone();
  };
  return (
    <>
      <h2 className="search-reader-title">{article.title}</h2>
      {article.status === 'draft' && <p className="search-hit-meta">Draft: not published in the help center yet.</p>}
      <div className="search-reader-body">{article.body}</div>
      <div className="search-reader-actions">
        <button type="button" onClick={insert} disabled={!openTicketId} title={openTicketId ? undefined : 'Open a ticket to reply to first'}>
          Insert link into reply
        </button>
      </div>
    </>
  );
}

function CustomerCard({ hit }: { hit: Extract<SearchHit, { kind: 'contact' | 'account' }> }) {
  return (
    <>
      <h2 className="search-reader-title">{unmarked(hit.name)}</h2>
      <p>{hit.kind === 'contact' ? [unmarked(hit.email), hit.accountName].filter(Boolean).join(' · ') : hit.domain && unmarked(hit.domain)}</p>
      <p className="pane-note">No tickets on this workstation yet.</p>
    </>
  );
}
