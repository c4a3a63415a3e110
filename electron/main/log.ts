/** Where the shell reports what it refused or what failed; one line each, prefixed so it stands out in the app's output. */
export type Log = (message: string) => void;

export const consoleLog: Log = (message) => console.warn(`[orbit main] ${message}`);

/** An error's message without its stack, for one-line logs. */
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
