import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useDesk } from '../desk/desk-context.tsx';
import { frameDocument, sanitizeEmailHtml } from './sanitize-html.ts';
import '../styles/html-body.css';

/** The frame's body margin (the browser default, 8px) on both sides. */
const FRAME_MARGIN = 16;
const MIN_HEIGHT = 40;
const MAX_HEIGHT = 4000;
/** At most this many remote images are fetched for one email. */
const MAX_REMOTE_IMAGES = 40;

/**
 * A customer's HTML email (DESIGN §6): sanitized with DOMPurify and shown in a sandboxed frame
 * (no scripts, no same origin: popups for links only) with its own restrictive policy. Remote
 * images stay blocked until the agent asks; the engine then fetches them. "Show plain text"
 * falls back to the message's text body.
 */
export function HtmlBody({ html, text, label }: { html: string; text: string; label: string }) {
  const desk = useDesk();
  const [plain, setPlain] = useState(false);
  const [remoteImages, setRemoteImages] = useState<ReadonlyMap<string, string> | undefined>(undefined);
  const [loadingImages, setLoadingImages] = useState(false);
  const [imageError, setImageError] = useState<string | null>(null);
  const sanitized = useMemo(() => sanitizeEmailHtml(html, remoteImages ? { remoteImages } : {}), [html, remoteImages]);
  const blocked = sanitized.remoteImageUrls.filter((u) => !remoteImages?.has(u));
  const frameRef = useRef<HTMLIFrameElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(120);

  // A frame without same-origin access cannot be measured from outside, and no script may run in
  // it to report its size: lay the same sanitized markup out in a hidden, inert twin instead, in a
  // shadow root so that the app's styles do not apply (as they do not in the frame).
  useLayoutEffect(() => {
    const frame = frameRef.current;
    const host = measureRef.current;
    if (plain || !frame || !host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const fit = () => {
      const box = document.createElement('div');
      box.style.display = 'flow-root';
      box.style.width = `${Math.max(0, frame.clientWidth - FRAME_MARGIN)}px`;
      box.innerHTML = sanitized.html;
      root.replaceChildren(box);
      const next = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(box.getBoundingClientRect().height) + FRAME_MARGIN + 4));
      root.replaceChildren();
      setHeight(next);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    let width = frame.clientWidth;
    const observer = new ResizeObserver(() => {
      if (frame.clientWidth === width) return;
      width = frame.clientWidth;
      fit();
    });
    observer.observe(frame);
    return () => observer.disconnect();
  }, [sanitized.html, plain]);

  const showRemote = async () => {
    setLoadingImages(true);
    setImageError(null);
    const fetched = new Map(remoteImages ?? []);
    let failed = 0;
    await Promise.all(
      blocked.slice(0, MAX_REMOTE_IMAGES).map(async (url) => {
        try {
          fetched.set(url, (await desk.invoke('attachment.remoteImage', { url })).dataUrl);
        } catch {
          failed++;
        }
      }),
    );
    setRemoteImages(fetched);
    setLoadingImages(false);
    if (failed > 0) setImageError(`${failed} image${failed === 1 ? '' : 's'} could not be loaded.`);
  };

  return (
    <div className="html-body">
      <div className="html-body-bar">
        {!plain && blocked.length > 0 && (
          <span className="html-body-notice">
            {blocked.length} remote image{blocked.length === 1 ? '' : 's'} blocked.{' '}
            <button type="button" className="html-body-action" onClick={() => void showRemote()} disabled={loadingImages}>
              {loadingImages ? 'Loading images…' : 'Show remote images'}
            </button>
          </span>
        )}
        {imageError && <span className="html-body-notice">{imageError}</span>}
        <button type="button" className="html-body-action" aria-pressed={plain} onClick={() => setPlain((p) => !p)}>
          {plain ? 'Show formatted' : 'Show plain text'}
        </button>
      </div>
      {plain ? (
        <div className="message-body">{text}</div>
      ) : (
        <>
          <iframe
            ref={frameRef}
            className="html-body-frame"
            title={`${label} (formatted email)`}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            srcDoc={frameDocument(sanitized.html)}
            height={height}
          />
          <div ref={measureRef} className="html-body-measure" aria-hidden="true" inert />
        </>
      )}
    </div>
  );
}
