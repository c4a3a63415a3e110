/** The only two Electron IPC channels. Kept alone so the preload bundle imports nothing else. */
export const INVOKE_CHANNEL = 'desk:invoke';
export const EVENT_CHANNEL = 'desk:event';
