import { useState } from 'react';
import type { Attachment } from '../../../shared/model/index.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { formatFileSize } from './file-size.ts';
import { useAttachmentUploads } from './use-uploads.ts';
import '../styles/attachments.css';

function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Hands the bytes to the browser as a download (a blob: URL, revoked once the download has started). */
function saveFile(base64: string, attachment: Attachment): void {
  const url = URL.createObjectURL(base64ToBlob(base64, 'application/octet-stream'));
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The files of a message, as chips (name, size). A click opens one: from this computer, or
 * downloaded from the server the first time. Files attached here and not uploaded yet are marked.
 * With `onRemove` (a message being written) each chip also gets a remove button.
 */
export function AttachmentList({ attachments, onRemove }: { attachments: readonly Attachment[]; onRemove?: (a: Attachment) => void }) {
  const desk = useDesk();
  const uploads = useAttachmentUploads();
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (attachments.length === 0) return null;
  const pending = new Set(uploads.data?.pendingIds ?? []);
  const failed = new Map((uploads.data?.failed ?? []).map((f) => [f.id, f.error]));

  const open = async (a: Attachment) => {
    setOpening(a.id);
    setError(null);
    try {
      const { base64 } = await desk.invoke('attachment.open', { id: a.id, sha256: a.sha256 });
      saveFile(base64, a);
    } catch (err) {
      setError(`${a.name}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setOpening(null);
    }
  };

  return (
    <div className="attachments">
      <ul className="attachment-chips" aria-label="Attachments">
        {attachments.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="attachment-chip"
              onClick={() => void open(a)}
              disabled={opening === a.id}
              title={`Open ${a.name} (${a.contentType})`}
              aria-label={`${a.name}, ${formatFileSize(a.size)}${pending.has(a.id) ? ', not uploaded yet' : ''}`}
            >
              <span className="attachment-name">{a.name}</span>
              <span className="attachment-size">{formatFileSize(a.size)}</span>
              {opening === a.id && <span className="attachment-state">Opening…</span>}
              {pending.has(a.id) && (
                <span className="pending-mark attachment-state" title="Kept on this computer; it is uploaded the next time Orbit syncs">
                  Not uploaded yet
                </span>
              )}
              {failed.has(a.id) && (
                <span className="attachment-state attachment-failed" title={failed.get(a.id)}>
                  Upload failed
                </span>
              )}
            </button>
            {onRemove && (
              <button type="button" className="attachment-remove" onClick={() => onRemove(a)} aria-label={`Remove ${a.name}`} title={`Remove ${a.name}`}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="attachment-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
