import type { Editor } from '@tiptap/react';
import { useId, useState, type FormEvent } from 'react';

const mod = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl+';

interface Tool {
  label: string;
  keys: string;
  mark: string;
  text: string;
  run(editor: Editor): void;
}

const tools: readonly Tool[] = [
  { label: 'Bold', keys: `${mod}B`, mark: 'bold', text: 'B', run: (e) => e.chain().focus().toggleBold().run() },
  { label: 'Italic', keys: `${mod}I`, mark: 'italic', text: 'I', run: (e) => e.chain().focus().toggleItalic().run() },
  { label: 'Bulleted list', keys: `${mod}Shift+8`, mark: 'bulletList', text: '•', run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: 'Numbered list', keys: `${mod}Shift+7`, mark: 'orderedList', text: '1.', run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: 'Inline code', keys: `${mod}E`, mark: 'code', text: '</>', run: (e) => e.chain().focus().toggleCode().run() },
  { label: 'Code block', keys: `${mod}Alt+C`, mark: 'codeBlock', text: '{ }', run: (e) => e.chain().focus().toggleCodeBlock().run() },
];

/** Formatting buttons; each is also an editor shortcut (its title says which). Buttons never take focus from the text. */
export function Toolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('');
  const fieldId = useId();

  const openLink = () => {
    setHref((editor.getAttributes('link').href as string | undefined) ?? 'https://');
    setLinking(true);
  };
  const applyLink = (e: FormEvent) => {
    e.preventDefault();
    const url = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (url === '' || url === 'https://') chain.unsetLink().run();
    else chain.setLink({ href: /^(https?:|mailto:)/i.test(url) ? url : `https://${url}` }).run();
    setLinking(false);
  };

  return (
    <div className="composer-toolbar" role="toolbar" aria-label="Formatting">
      {tools.map((t) => (
        <button
          key={t.label}
          type="button"
          className={`tool tool-${t.mark}`}
          aria-label={t.label}
          title={`${t.label} (${t.keys})`}
          aria-pressed={editor.isActive(t.mark)}
          disabled={disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => t.run(editor)}
        >
          {t.text}
        </button>
      ))}
      <button type="button" className="tool" aria-label="Link" title="Link" aria-pressed={editor.isActive('link')} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={openLink}>
        🔗
      </button>
      {linking && (
        <form className="composer-link" onSubmit={applyLink}>
          <label htmlFor={fieldId}>Link address</label>
          <input
            id={fieldId}
            type="url"
            value={href}
            autoFocus
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setLinking(false);
                editor.commands.focus();
              }
            }}
          />
          <button type="submit">Apply</button>
        </form>
      )}
    </div>
  );
}
