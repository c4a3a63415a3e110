import type { Session } from 'electron';
import type { Log } from './log.ts';

/** Orbit needs no camera, microphone, location, notifications-by-web-API or anything else a page can ask for. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Denied a request for the "${permission}" permission`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
