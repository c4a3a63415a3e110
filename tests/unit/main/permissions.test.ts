import { describe, expect, it } from 'vitest';
import { restrictPermissions } from '../../../electron/main/permissions.ts';

describe('permissions', () => {
  it('denies every permission request and check but writing to the clipboard, logging the denials', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((contents: unknown, permission: string) => boolean) | undefined;
    const logs: string[] = [];
    restrictPermissions(
      { setPermissionRequestHandler: (h: typeof request) => void (request = h), setPermissionCheckHandler: (h: typeof check) => void (check = h) } as never,
      (m) => logs.push(m),
    );
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'clipboard-sanitized-write']) {
      request?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false, true]);
    expect(check?.({}, 'media')).toBe(false);
    expect(check?.({}, 'clipboard-read')).toBe(false);
    expect(check?.({}, 'clipboard-sanitized-write')).toBe(true);
    expect(logs).toHaveLength(5);
    expect(logs[0]).toContain('media');
  });
});
