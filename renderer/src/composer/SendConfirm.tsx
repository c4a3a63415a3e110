import { useEffect, useRef } from 'react';

interface Props {
  title: string;
  detail?: string;
  confirm: string;
  cancel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A question before sending; the safe answer (cancel) has focus, Escape gives it. */
export function SendConfirm({ title, detail, confirm, cancel, onConfirm, onCancel }: Props) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  return (
    <div
      className="composer-confirm"
      role="alertdialog"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p className="confirm-title">{title}</p>
      {detail && <p className="confirm-detail">{detail}</p>}
      <div className="composer-dialog-actions">
        <button type="button" ref={safe} className="button-primary" onClick={onCancel}>
          {cancel}
        </button>
        <button type="button" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </div>
  );
}
