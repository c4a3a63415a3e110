import { displayKeys } from './keys.ts';

/** A shortcut as key caps: 'Mod+k' → Ctrl K (⌘K on macOS), 'g i' → g then i. */
export function KeyCaps({ keys }: { keys: string | undefined }) {
  if (!keys) return null;
  const strokes = displayKeys(keys);
  const spoken = strokes.map((caps) => caps.join(' ')).join(' then ');
  return (
    <span className="key-caps">
      <span className="visually-hidden">Shortcut: {spoken}</span>
      {strokes.map((caps, i) => (
        <span key={i} className="key-stroke" aria-hidden="true">
          {i > 0 && <span className="key-then">then</span>}
          {caps.map((cap) => (
            <kbd key={cap}>{cap}</kbd>
          ))}
        </span>
      ))}
    </span>
  );
}
