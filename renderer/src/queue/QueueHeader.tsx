import { useId } from 'react';
import { useCommands } from '../commands/use-commands.ts';
import { useUi } from '../state/ui-store.ts';
import { sortChoices, sortKey } from './view-labels.ts';
import { useCurrentView } from './use-current-view.ts';

/** Above the list: the sort menu, and the view editor's buttons (edit this view, new view). */
export function QueueHeader() {
  const sortId = useId();
  const { item } = useCurrentView();
  const sortOverride = useUi((s) => s.sortOverride);
  const setSortOverride = useUi((s) => s.setSortOverride);
  const openViewEditor = useUi((s) => s.openViewEditor);
  const sort = sortOverride ?? item?.sort ?? sortChoices[0]!.sort;

  useCommands([
    { id: 'views.new', title: 'New view…', section: 'Queue', keywords: ['saved view', 'filter'], run: () => openViewEditor('new') },
    { id: 'views.edit', title: 'Edit this view…', section: 'Queue', keywords: ['saved view', 'filter'], enabled: item?.editable ?? false, run: () => item && openViewEditor(item.id) },
    ...sortChoices.map((c) => ({ id: `queue.sort.${sortKey(c.sort)}`, title: `Sort by ${c.label.toLowerCase()}`, section: 'Queue', run: () => setSortOverride(c.sort) })),
  ]);

  return (
    <div className="queue-header">
      <label htmlFor={sortId} className="visually-hidden">
        Sort by
      </label>
      <select
        id={sortId}
        className="sort-menu"
        value={sortKey(sort)}
        onChange={(e) => {
          const choice = sortChoices.find((c) => sortKey(c.sort) === e.target.value);
          if (choice) setSortOverride(item && sortKey(item.sort) === sortKey(choice.sort) ? null : choice.sort);
        }}
      >
        {sortChoices.map((c) => (
          <option key={sortKey(c.sort)} value={sortKey(c.sort)}>
            {c.label}
          </option>
        ))}
      </select>
      {item?.editable && (
        <button type="button" className="button-quiet" onClick={() => openViewEditor(item.id)}>
          Edit view
        </button>
      )}
      <button type="button" className="button-quiet" onClick={() => openViewEditor('new')}>
        New view
      </button>
    </div>
  );
}
