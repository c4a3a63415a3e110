import { useMemo } from 'react';
import { sanitizeRichText } from '../ticket/sanitize-html.ts';

/** Sanitized as an agent's message shows in the thread, then leftover {{placeholders}} marked so they stand out. */
export function previewHtml(html: string): string {
  const root = document.createElement('div');
  root.innerHTML = sanitizeRichText(html);
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    const parts = text.data.split(/(\{\{\s*[^{}\s]*\s*\}\})/);
    if (parts.length === 1) continue;
    const fragment = doc.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 2 === 0) {
        if (part) fragment.append(part);
      } else {
        const mark = doc.createElement('mark');
        mark.className = 'placeholder-missing';
        mark.textContent = part;
        fragment.append(mark);
      }
    });
    text.replaceWith(fragment);
  }
  return root.innerHTML;
}

/** Exactly what the customer gets (a reply), or the note as the team sees it, said to be internal. */
export function Preview({ mode, html, text, requesterName }: { mode: 'reply' | 'note'; html: string; text: string; requesterName: string }) {
  const safe = useMemo(() => previewHtml(html), [html]);
  return (
    <section className={`composer-preview preview-${mode}`} aria-label="Preview">
      <p className="preview-banner">
        {mode === 'reply' ? `What ${requesterName} receives by email:` : 'Internal note, not sent: only your team sees it.'}
      </p>
      {text.trim() === '' ? (
        <p className="pane-note">Nothing written yet.</p>
      ) : (
        // Sanitized above with DOMPurify; never the raw editor HTML.
        <div className="preview-body" dangerouslySetInnerHTML={{ __html: safe }} />
      )}
      {mode === 'reply' && text.trim() !== '' && (
        <details className="preview-plain">
          <summary>Plain-text version</summary>
          <pre>{text}</pre>
        </details>
      )}
    </section>
  );
}
