/** The engine's log: stderr of whatever hosts it (Electron main, the browser host, vitest). */
export const log = {
  warn(message: string, detail?: unknown): void {
    console.warn(`[orbit engine] ${message}`, ...(detail === undefined ? [] : [detail]));
  },
  error(message: string, err: unknown): void {
    console.error(`[orbit engine] ${message}`, err);
  },
};
