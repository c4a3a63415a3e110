import type { MentionSuggestion } from './editor-extensions.ts';

/** The agents matching what follows "@" in a note; arrows move, Enter or a click picks. */
export function MentionList({ suggestion }: { suggestion: MentionSuggestion }) {
  if (suggestion.items.length === 0) return <p className="mention-list mention-empty">No agent by that name</p>;
  return (
    <ul className="mention-list" role="listbox" aria-label="Mention an agent">
      {suggestion.items.map((agent, i) => (
        <li
          key={agent.id}
          role="option"
          aria-selected={i === suggestion.index}
          className="mention-option"
          onMouseDown={(e) => {
            e.preventDefault();
            suggestion.select(agent);
          }}
        >
          {agent.name} <span className="muted">{agent.email}</span>
        </li>
      ))}
    </ul>
  );
}
