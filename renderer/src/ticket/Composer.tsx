import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { AttachButton } from '../attachments/AttachButton.tsx';
import { AttachmentList } from '../attachments/AttachmentList.tsx';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineMessage } from '../../../shared/ipc/views.ts';
import type { Agent, Attachment, Contact, Macro, Ticket } from '../../../shared/model/index.ts';
import { fillTemplate, isPlaceholder, leftoverPlaceholders, templateToHtml, type TemplateContext } from '../../../shared/rules/macro-template.ts';
import { useCommands } from '../commands/use-commands.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useRunMacroActions } from '../composer/apply-macro.ts';
import { editorExtensions, mentionIdsOf, type MentionBridge, type MentionSuggestion } from '../composer/editor-extensions.ts';
import { MacroPicker } from '../composer/MacroPicker.tsx';
import { openMacroManager } from '../composer/macro-manager-store.ts';
import { MentionList } from '../composer/MentionList.tsx';
import { newerPublicReplies, newestPublicId, repliedAgo } from '../composer/newer-replies.ts';
import { htmlToPlainText } from '../composer/plain-text.ts';
import { Preview } from '../composer/Preview.tsx';
import { SendConfirm } from '../composer/SendConfirm.tsx';
import { Toolbar } from '../composer/Toolbar.tsx';
import { useDraft } from '../composer/use-draft.ts';
import { useReply } from '../data/mutations.ts';
import { useAgents, useCustomerPane, useSession } from '../data/queries.ts';
import { useUi, type ComposerMode } from '../state/ui-store.ts';
import '../composer/composer.css';

const modes: ReadonlyArray<{ mode: ComposerMode; button: string; field: string }> = [
  { mode: 'reply', button: 'Public reply', field: 'Reply' },
  { mode: 'note', button: 'Internal note', field: 'Internal note' },
];

const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const sendKeys = mac ? '⌘ Enter' : 'Ctrl Enter';
const MAX_MENTION_SUGGESTIONS = 8;

interface Props {
  ticket: Ticket;
  requester: Contact;
  messages: readonly TimelineMessage[];
  meId: string;
  /** The agent is typing a reply or note here (focused, with a draft): others see "is replying…". */
  onReplyingChange(replying: boolean): void;
}

type Confirm = { kind: 'placeholders'; names: string[] } | { kind: 'newer'; replies: TimelineMessage[] };
type Check = Confirm['kind'];

/**
 * Public reply or internal note, in rich text. The draft is kept by the engine per ticket (it survives
 * a restart and a failed send); macros fill it; @mentions in notes; a preview shows what the customer
 * gets; sending a reply after someone else replied asks first.
 */
export function Composer({ ticket, requester, messages, meId, onReplyingChange }: Props) {
  const ticketId = ticket.id;
  const mode = useUi((s) => s.composerMode);
  const setMode = useUi((s) => s.setComposerMode);
  const focusPending = useUi((s) => s.composerFocusPending);
  const composerFocused = useUi((s) => s.composerFocused);
  const reply = useReply();
  const draft = useDraft(ticketId);
  const agents = useAgents();
  const session = useSession();
  const customer = useCustomerPane(ticketId);
  const runActions = useRunMacroActions();

  const [focused, setFocused] = useState(false);
  const [preview, setPreview] = useState(false);
  const [picking, setPicking] = useState(false);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [suggestion, setSuggestion] = useState<MentionSuggestion | null>(null);

  // The editor is made once per ticket; what its callbacks need is read through refs.
  const latest = useRef({ mode, messages, agents: agents.data ?? [], suggestion, meId });
  latest.current = { mode, messages, agents: agents.data ?? [], suggestion, meId };
  /** The newest public message when this draft was started (undefined: no draft yet). */
  const baseline = useRef<string | null | undefined>(undefined);
  const sending = useRef(false);
  const typed = useRef(false);
  const previewToggle = useRef<HTMLButtonElement>(null);
  const actions = useRef({ send: () => {}, togglePreview: () => {}, saveDraft: () => {} });

  const bridge = useMemo<MentionBridge>(
    () => ({
      agents: (query) => {
        const q = query.toLowerCase();
        return latest.current.agents.filter((a: Agent) => a.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || a.name.toLowerCase().startsWith(q)).slice(0, MAX_MENTION_SUGGESTIONS);
      },
      allowed: () => latest.current.mode === 'note',
      show: (state) => setSuggestion(state),
      key: (event) => {
        const s = latest.current.suggestion;
        if (!s || s.items.length === 0) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const step = event.key === 'ArrowDown' ? 1 : s.items.length - 1;
          setSuggestion({ ...s, index: (s.index + step) % s.items.length });
          return true;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          const agent = s.items[s.index];
          if (agent) s.select(agent);
          return true;
        }
        return false;
      },
    }),
    [],
  );

  // The field's name follows the mode (Reply / Internal note), as the buttons say; useEditor passes new options on each render.
  const field = (modes.find((m) => m.mode === mode) ?? modes[0]!).field;
  const editor = useEditor({
    extensions: editorExtensions(bridge),
    content: '',
    // The CSP (style-src 'self') forbids the <style> Tiptap would inject; composer.css carries its rules.
    injectCSS: false,
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': field, class: 'composer-text composer-editor' },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          actions.current.send();
          return true;
        }
        if (event.key === 'Escape' && !latest.current.suggestion) {
          (event.target as HTMLElement).blur();
          return true;
        }
        return false;
      },
    },
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    onUpdate: () => {
      typed.current = true;
      actions.current.saveDraft();
    },
  });

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? { empty: e.isEmpty, html: e.getHTML(), text: e.getText() } : { empty: true, html: '', text: '' }),
  }) ?? { empty: true, html: '', text: '' };
  const replying = focused && !state.empty;
  useEffect(() => onReplyingChange(replying), [replying, onReplyingChange]);


  // The kept draft comes back once loaded, unless the agent already started typing.
  useEffect(() => {
    if (!editor || draft.loaded === undefined || typed.current) return;
    if (draft.loaded) {
      baseline.current = draft.loaded.baseMessageId;
      editor.commands.setContent(draft.loaded.html, { emitUpdate: false });
      if (!useUi.getState().composerFocusPending) setMode(draft.loaded.mode);
    }
  }, [editor, draft.loaded, setMode]);

  useEffect(() => {
    if (!focusPending || !editor) return;
    setPreview(false);
    editor.commands.focus('end');
    composerFocused();
  }, [focusPending, composerFocused, editor]);

  const saveDraft = useCallback(() => {
    if (!editor) return;
    if (editor.isEmpty) {
      baseline.current = undefined;
      draft.forget();
      return;
    }
    if (baseline.current === undefined) baseline.current = newestPublicId(latest.current.messages);
    draft.save({ mode: latest.current.mode, html: editor.getHTML(), baseMessageId: baseline.current });
  }, [editor, draft]);

  // A change of mode is part of the draft.
  useEffect(() => {
    if (editor && !editor.isEmpty && typed.current) saveDraft();
  }, [mode, editor, saveDraft]);

  const send = (passed: readonly Check[] = []) => {
    if (!editor || editor.isEmpty || sending.current) return;
    setProblem(null);
    const html = editor.getHTML();
    const body = htmlToPlainText(html);
    if (body === '') return;
    const mentionIds = mentionIdsOf(editor.getJSON());
    if (mode === 'reply' && mentionIds.length > 0) {
      setProblem('Mentions are for internal notes: switch to Internal note, or remove the @mentions before replying to the customer.');
      return;
    }
    const left = leftoverPlaceholders(body);
    if (left.length > 0 && !passed.includes('placeholders')) {
      setConfirm({ kind: 'placeholders', names: left });
      return;
    }
    if (mode === 'reply' && !passed.includes('newer') && baseline.current !== undefined) {
      const newer = newerPublicReplies(messages, baseline.current, meId);
      if (newer.length > 0) {
        setConfirm({ kind: 'newer', replies: newer });
        return;
      }
    }
    setConfirm(null);
    sending.current = true;
    const sent = { ticketId, kind: mode, body, bodyHtml: html, ...(mode === 'note' && mentionIds.length > 0 && { mentionIds }), ...(attachments.length > 0 && { attachments }) };
    // mutateAsync rather than mutate's callbacks: those are dropped if the agent has already moved to another ticket.
    reply
      .mutateAsync(sent)
      .then(
        () => {
          // The agent may have typed on while it was sent: only a draft still equal to what was sent goes.
          if (editor.isDestroyed || editor.getHTML() !== html) return;
          editor.commands.clearContent(false);
          baseline.current = undefined;
          setAttachments([]);
          void draft.clear();
        },
        () => undefined,
      )
      .finally(() => {
        sending.current = false;
      });
  };

  const togglePreview = () => {
    const next = !preview;
    setPreview(next);
    // The editor hides under the preview: keep the keyboard somewhere useful.
    if (next) requestAnimationFrame(() => previewToggle.current?.focus());
    else requestAnimationFrame(() => editor?.commands.focus());
  };
  actions.current = { send: () => send(), togglePreview, saveDraft };

  const review = () => {
    baseline.current = newestPublicId(messages);
    setConfirm(null);
    saveDraft();
    const log = document.querySelector('[role="log"][aria-label="Conversation"]');
    if (log) log.scrollTop = log.scrollHeight;
    editor?.commands.focus();
  };

  const context: TemplateContext = {
    contact: requester,
    account: customer.data?.account ?? null,
    ticket: { number: ticket.number, subject: ticket.subject },
    agent: session.data?.state === 'signed_in' ? session.data.agent : null,
  };

  const applyMacro = (macro: Macro) => {
    setPicking(false);
    if (!editor) return;
    setProblem(null);
    setPreview(false);
    setMode(macro.kind);
    const html = templateToHtml(fillTemplate(macro.body, context));
    if (editor.isEmpty) editor.chain().setContent(html).focus('end').run();
    else editor.chain().focus().insertContent(html).run();
    runActions(macro, ticket, meId).catch((err: unknown) => setProblem(err));
  };

  // Text offered from elsewhere (an article link from search) goes in at the cursor, once.
  const pendingInsert = useUi((s) => (s.composerInsert?.ticketId === ticket.id ? s.composerInsert.html : null));
  useEffect(() => {
    if (!editor || pendingInsert === null) return;
    editor.chain().focus('end').insertContent(pendingInsert).run();
    useUi.getState().composerInserted();
  }, [editor, pendingInsert]);

  useCommands([
    { id: 'composer.macro', title: 'Apply a macro…', section: 'Composer', keys: 'm', keywords: ['canned', 'template'], run: () => setPicking(true) },
    { id: 'composer.send', title: mode === 'reply' ? 'Send the reply' : 'Add the note', section: 'Composer', keys: 'Mod+Enter', enabled: !state.empty, run: () => send() },
    { id: 'composer.preview', title: preview ? 'Hide the preview' : 'Preview what the customer gets', section: 'Composer', keys: 'Mod+Shift+P', run: togglePreview },
  ]);

  const leftovers = useMemo(() => leftoverPlaceholders(state.text), [state.text]);
  const placeholder =
    mode === 'reply'
      ? ticket.status === 'closed'
        ? 'This ticket is closed: it takes internal notes, not replies.'
        : `Reply to ${requester.name}…`
      : 'Note for your team; @ mentions an agent. The customer never sees it…';
  const canSend = !state.empty && !reply.isPending;

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
              editor?.commands.focus();
            }}
          >
            {m.button}
          </button>
        ))}
        <span className="composer-spacer" />
        <button type="button" className="composer-mode" aria-haspopup="dialog" onClick={() => setPicking(true)} title="Apply a macro (m)">
          Macro
        </button>
        <button type="button" ref={previewToggle} className="composer-mode" aria-pressed={preview} onClick={togglePreview} title={`Preview (${mac ? '⌘⇧P' : 'Ctrl+Shift+P'})`}>
          Preview
        </button>
      </div>
      {picking && (
        <MacroPicker
          onPick={applyMacro}
          onClose={() => {
            setPicking(false);
            editor?.commands.focus();
          }}
          onManage={() => {
            setPicking(false);
            openMacroManager();
          }}
        />
      )}
      {editor && <Toolbar editor={editor} disabled={preview} />}
      <div className="composer-field" hidden={preview}>
        {state.empty && (
          <div className="composer-placeholder" aria-hidden="true">
            {placeholder}
          </div>
        )}
        <EditorContent editor={editor} />
        {suggestion && <MentionList suggestion={suggestion} />}
      </div>
      {preview && <Preview mode={mode} html={state.html} text={htmlToPlainText(state.html)} requesterName={requester.name} />}
      {leftovers.length > 0 && (
        <p className="composer-leftovers" role="status">
          Not filled:{' '}
          {leftovers.map((p) => (
            <mark key={p} className="placeholder-missing" title={isPlaceholder(p.slice(2, -2)) ? 'No value for it on this ticket' : 'Unknown placeholder'}>
              {p}
            </mark>
          ))}{' '}
          — replace {leftovers.length === 1 ? 'it' : 'them'} before sending.
        </p>
      )}
      {confirm?.kind === 'placeholders' && (
        <SendConfirm
          title={`${confirm.names.join(', ')} ${confirm.names.length === 1 ? 'is' : 'are'} not filled in — send it like that?`}
          detail="The customer would see the braces as written."
          confirm="Send as written"
          cancel="Edit"
          onConfirm={() => send(['placeholders'])}
          onCancel={() => {
            setConfirm(null);
            editor?.commands.focus();
          }}
        />
      )}
      {confirm?.kind === 'newer' && (
        <SendConfirm
          title={`${repliedAgo(confirm.replies.at(-1)!, Date.now())} — review it before sending?`}
          detail={confirm.replies.length > 1 ? `${confirm.replies.length} new public messages since you started this reply.` : 'A new public message came in since you started this reply.'}
          confirm="Send anyway"
          cancel="Review"
          onConfirm={() => send(['placeholders', 'newer'])}
          onCancel={review}
        />
      )}
      <ErrorText error={problem ?? reply.error} />
      <div className="composer-actions">
        <AttachButton onAttached={(a) => setAttachments((list) => [...list, a])} />
        <AttachmentList attachments={attachments} onRemove={(a) => setAttachments((list) => list.filter((x) => x.id !== a.id))} />
        <span className="composer-hint">{sendKeys} to send · Esc to leave</span>
        <button type="button" className="button-primary" disabled={!canSend} onClick={() => send()}>
          Send
        </button>
      </div>
    </div>
  );
}
