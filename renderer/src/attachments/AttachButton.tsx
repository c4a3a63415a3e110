import { useRef, useState, type DragEvent } from 'react';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/model/index.ts';
import { useCommands } from '../commands/use-commands.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { formatFileSize } from './file-size.ts';
import '../styles/attachments.css';

const LIMIT = formatFileSize(MAX_ATTACHMENT_BYTES);

interface Progress {
  name: string;
  /** 0..1 while the file is read, null while the engine stores it. */
  share: number | null;
}

/** The file's bytes as base64 (the desk bridge is JSON); reports reading progress. */
function readBase64(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/**
 * Attaches files: a button that opens the file picker, and a drop target for files dragged onto it.
 * Each file is kept on this computer by the engine (uploaded on the next sync) and handed to
 * `onAttached` for the message being written. Files over 25 MB are refused with the reason.
 */
export function AttachButton({ onAttached, disabled = false }: { onAttached(a: Attachment): void; disabled?: boolean }) {
  const desk = useDesk();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  const attach = async (files: readonly File[]) => {
    const problems: string[] = [];
    for (const file of files) {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        problems.push(`${file.name} is ${formatFileSize(file.size)}; attachments are limited to ${LIMIT}.`);
        continue;
      }
      try {
        setProgress({ name: file.name, share: 0 });
        const base64 = await readBase64(file, (share) => setProgress({ name: file.name, share }));
        setProgress({ name: file.name, share: null });
        onAttached(await desk.invoke('attachment.add', { name: file.name, contentType: file.type, base64 }));
      } catch (err) {
        problems.push(`${file.name} could not be attached: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    setProgress(null);
    setErrors(problems);
  };

  const pick = () => {
    if (!disabled && !progress) input.current?.click();
  };
  useCommands([{ id: 'attachment.attach', title: 'Attach a file', section: 'Composer', keywords: ['upload', 'file', 'attachment'], enabled: !disabled, run: pick }]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (disabled || progress) return;
    void attach([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`attach${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <button type="button" className="attach-button button-quiet" onClick={pick} disabled={disabled || progress !== null} title={`Attach files (up to ${LIMIT} each), or drop them here`}>
        Attach file
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Files to attach"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void attach(files);
        }}
      />
      {progress && (
        <span className="attach-progress" role="status">
          {progress.share === null ? `Saving ${progress.name}…` : `Reading ${progress.name}…`}
          <progress max={1} value={progress.share ?? undefined} aria-label={`Attaching ${progress.name}`} />
        </span>
      )}
      {errors.length > 0 && (
        <ul className="attach-errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
