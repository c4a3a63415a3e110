import { splitMarks } from '../../../shared/rules/search-query.ts';

/** Text with the engine's highlight markers shown as <mark>; everything else stays text (no HTML). */
export function Marked({ text }: { text: string }) {
  return (
    <>
      {splitMarks(text).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

/** The text without markers, for titles and labels. */
export function unmarked(text: string): string {
  return splitMarks(text)
    .map((p) => p.text)
    .join('');
}
