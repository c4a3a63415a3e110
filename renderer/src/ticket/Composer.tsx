import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorText } from '../common/ErrorText.tsx';
import { useReply } from '../data/mutations.ts';
import { useUi, type ComposerMode } from '../state/ui-store.ts';

const modes: ReadonlyArray<{ mode: ComposerMode; button: string; field: string }> = [
  { mode: 'reply', button: 'Public reply', field: 'Reply' },
  { mode: 'note', button: 'Internal note', field: 'Internal note' },
];

const sendKeys = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ Enter' : 'Ctrl Enter';

interface Props {
  ticketId: string;
  requesterName: string;
  closed: boolean;
  /** The agent is typing a reply or note here (focused, with a draft): others see "is replying…". */
  onReplyingChange(replying: boolean): void;
}

/** Public reply or internal note. The draft lives in the UI store per ticket and survives a failed send. */
export function Composer({ ticketId, requesterName, closed, onReplyingChange }: Props) {
  const fieldId = useId();
  const mode = useUi((s) => s.composerMode);
  const setMode = useUi((s) => s.setComposerMode);
  const focusPending = useUi((s) => s.composerFocusPending);
  const composerFocused = useUi((s) => s.composerFocused);
  const draft = useUi((s) => s.drafts[ticketId] ?? '');
  const setDraft = useUi((s) => s.setDraft);
  const clearDraftIfUnchanged = useUi((s) => s.clearDraftIfUnchanged);
  const reply = useReply();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [focused, setFocused] = useState(false);
  const replying = focused && draft.trim().length > 0;

  useEffect(() => onReplyingChange(replying), [replying, onReplyingChange]);

  useEffect(() => {
    if (!focusPending) return;
    textRef.current?.focus();
    composerFocused();
  }, [focusPending, composerFocused]);

  const current = modes.find((m) => m.mode === mode) ?? modes[0]!;
  const canSend = draft.trim().length > 0 && !reply.isPending;

  const send = () => {
    if (!canSend) return;
    const body = draft;
    // mutateAsync rather than mutate's callbacks: those are dropped if the agent has already moved to another ticket.
    reply.mutateAsync({ ticketId, kind: mode, body }).then(
      () => clearDraftIfUnchanged(ticketId, body),
      () => {},
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.currentTarget.blur();
    }
  };

  const placeholder =
    mode === 'reply'
      ? closed
        ? 'This ticket is closed: it takes internal notes, not replies.'
        : `Reply to ${requesterName}…`
      : 'Note for your team; the customer never sees it…';

  return (
    <div className={`composer composer-${mode}`}>
      <div className="composer-modes">
        {modes.map((m) => (
          <button
            key={m.mode}
            type="button"
            aria-pressed={m.mode === mode}
            className="composer-mode"
            onClick={() => {
              setMode(m.mode);
              textRef.current?.focus();
            }}
          >
            {m.button}
          </button>
        ))}
      </div>
      <label htmlFor={fieldId} className="visually-hidden">
        {current.field}
      </label>
      <textarea
        id={fieldId}
        ref={textRef}
        className="composer-text"
        rows={4}
        placeholder={placeholder}
        value={draft}
        onChange={(e) => setDraft(ticketId, e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
      />
      <ErrorText error={reply.error} />
      <div className="composer-actions">
        <span className="composer-hint">{sendKeys} to send · Esc to leave</span>
        <button type="button" className="button-primary" disabled={!canSend} onClick={send}>
          Send
        </button>
      </div>
    </div>
  );
}
