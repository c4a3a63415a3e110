/** How often to ask whether the machine is online: the call is cheap (no network), and a few seconds is soon enough. */
const ONLINE_POLL_MS = 5_000;

export interface ConnectivityDeps {
  /** Electron's powerMonitor (usable once the app is ready). */
  powerMonitor: { on(event: 'resume', listener: () => void): unknown; removeListener(event: 'resume', listener: () => void): unknown };
  /** Electron's net.isOnline(). */
  isOnline(): boolean;
  /** The machine may be back on the network: sync now rather than when the engine's backoff runs out. */
  onReturn(): void;
  /** Runs `check` every `ms`; returns the stop. A parameter so tests can drive the clock. */
  every?(check: () => void, ms: number): () => void;
}

function repeat(check: () => void, ms: number): () => void {
  const timer = setInterval(check, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Nudges sync when connectivity returns: after the machine wakes from sleep, and when
 * net.isOnline() turns true again. Pending work then goes out at once, even if the agent writes
 * nothing new. Returns the stop.
 */
export function watchConnectivity({ powerMonitor, isOnline, onReturn, every = repeat }: ConnectivityDeps): () => void {
  let online = isOnline();
  const stopPolling = every(() => {
    const now = isOnline();
    if (now && !online) onReturn();
    online = now;
  }, ONLINE_POLL_MS);
  const onResume = () => onReturn();
  powerMonitor.on('resume', onResume);
  return () => {
    stopPolling();
    powerMonitor.removeListener('resume', onResume);
  };
}
