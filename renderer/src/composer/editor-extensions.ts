import { Extension, type AnyExtension } from '@tiptap/react';
import Mention from '@tiptap/extension-mention';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import type { Agent } from '../../../shared/model/index.ts';

/** A placeholder still written in the text ({{account.name}}): highlighted so it is never sent unnoticed. */
const PLACEHOLDER_RE = /\{\{\s*[^{}\s]*\s*\}\}/g;

const PlaceholderHighlight = Extension.create({
  name: 'placeholderHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('placeholderHighlight'),
        props: {
          decorations(state) {
            const decorations: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              if (!node.isText || !node.text) return;
              for (const m of node.text.matchAll(PLACEHOLDER_RE)) {
                decorations.push(Decoration.inline(pos + m.index, pos + m.index + m[0].length, { class: 'placeholder-missing', title: 'Not filled: edit it before sending' }));
              }
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});

export interface MentionSuggestion {
  items: Agent[];
  index: number;
  select(agent: Agent): void;
}

/** How the editor talks to the React component that shows the @mention list. */
export interface MentionBridge {
  /** Agents matching the typed query. */
  agents(query: string): Agent[];
  /** Mentions are offered in notes only. */
  allowed(): boolean;
  show(state: MentionSuggestion | null): void;
  /** Arrow keys and Enter while the list shows; true when handled. */
  key(event: KeyboardEvent): boolean;
}

export function editorExtensions(bridge: MentionBridge): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: false,
      horizontalRule: false,
      blockquote: false,
      strike: false,
      underline: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null } },
    }),
    Mention.configure({
      HTMLAttributes: { class: 'mention' },
      renderText: ({ node }) => `@${String(node.attrs.label ?? node.attrs.id)}`,
      renderHTML: ({ options, node }) => ['span', { ...options.HTMLAttributes, 'data-type': 'mention', 'data-id': node.attrs.id as string }, `@${String(node.attrs.label ?? node.attrs.id)}`],
      suggestion: {
        char: '@',
        allow: () => bridge.allowed(),
        items: ({ query }) => bridge.agents(query),
        render: () => {
          const show = (props: SuggestionProps<Agent>) =>
            bridge.show({ items: props.items, index: 0, select: (agent) => props.command({ id: agent.id, label: agent.name }) });
          return {
            onStart: show,
            onUpdate: show,
            onExit: () => bridge.show(null),
            onKeyDown: ({ event }: SuggestionKeyDownProps) => bridge.key(event),
          };
        },
      },
    }),
    PlaceholderHighlight,
  ];
}

/** The agents @mentioned in the editor's document, once each, in order. */
export function mentionIdsOf(json: { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }): string[] {
  const ids: string[] = [];
  const walk = (node: { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }) => {
    if (node.type === 'mention' && typeof node.attrs?.id === 'string' && !ids.includes(node.attrs.id)) ids.push(node.attrs.id);
    for (const child of node.content ?? []) walk(child as typeof node);
  };
  walk(json);
  return ids;
}
