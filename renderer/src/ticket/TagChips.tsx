import { useId, useState, type FormEvent } from 'react';
import { normaliseTag } from '../../../shared/rules/tags.ts';
import { useCommands } from '../commands/use-commands.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useAddTags, useRemoveTags } from '../data/mutations.ts';

/** The ticket's tags as chips, each removable, and a field to add more (comma-separated). Tags are sets: merging is the server's job. */
export function TagChips({ ticketId, tags, disabled }: { ticketId: string; tags: readonly string[]; disabled: boolean }) {
  const fieldId = useId();
  const [draft, setDraft] = useState('');
  const add = useAddTags();
  const remove = useRemoveTags();
  useCommands([{ id: 'ticket.tags', title: 'Add tags', section: 'Ticket', keys: 't', keywords: ['label', 'tag'], enabled: !disabled, run: () => document.getElementById(fieldId)?.focus() }]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = draft.split(',').map(normaliseTag).filter(Boolean);
    if (typed.length === 0) return;
    add.mutate({ ticketId, tags: typed }, { onSuccess: () => setDraft('') });
  };

  return (
    <div className="tag-chips">
      <ul aria-label="Tags" className="tag-list">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>{tag}</span>
            {!disabled && (
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag}`}
                title={`Remove tag ${tag}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate({ ticketId, tags: [tag] })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && (
        <form onSubmit={submit} className="tag-add">
          <label htmlFor={fieldId} className="visually-hidden">
            Add tags
          </label>
          <input id={fieldId} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Add tag…" size={10} maxLength={200} />
        </form>
      )}
      <ErrorText error={add.error ?? remove.error} />
    </div>
  );
}
