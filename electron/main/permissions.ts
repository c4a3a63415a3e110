import type { Session } from 'electron';
import type { Log } from './log.ts';

/** Writing text the agent chose to copy (Sync issues → Copy text). Reading the clipboard stays denied. */
const ALLOWED = new Set(['clipboard-sanitized-write']);

/** Orbit needs no camera, microphone, location, notifications-by-web-API or anything else a page can ask for, bar copying text. */
export function restrictPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = ALLOWED.has(permission);
    if (!granted) log(`Denied a request for the "${permission}" permission`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED.has(permission));
}
