import { startTransition, useEffect, useState } from 'react';

/** Calls `then` once the browser has painted the current frame (a timer queued from the next frame). */
export function afterPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * `key` once a frame showing it has been painted, else null (and null for a null key): what a
 * ticket shows first is painted before the parts that can wait (the rest of a long thread, the
 * composer's editor) are rendered.
 */
export function usePaintedFor(key: string | null): string | null {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => (key === null ? undefined : afterPaint(() => startTransition(() => setPainted(key)))), [key]);
  return key !== null && painted === key ? key : null;
}
