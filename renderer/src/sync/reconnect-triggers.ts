/** The bits of `window` and `document` the triggers listen to (EventTargets in tests). */
export interface ReconnectSources {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { readonly visibilityState: DocumentVisibilityState };
}

/**
 * Calls `syncNow` when the browser says the network is back, and when the window is seen again
 * (the laptop lid opened, the tab came back): pending work goes out then, not when a backoff
 * timer happens to run out. Returns the stop.
 */
export function watchReconnect({ window, document }: ReconnectSources, syncNow: () => void): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') syncNow();
  };
  window.addEventListener('online', syncNow);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('online', syncNow);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
