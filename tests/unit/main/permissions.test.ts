import { describe, expect, it } from 'vitest';
import { denyAllPermissions } from '../../../electron/main/permissions.ts';

describe('permissions', () => {
  it('denies every permission request and check, logging the requests', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const logs: string[] = [];
    denyAllPermissions(
      { setPermissionRequestHandler: (h: typeof request) => void (request = h), setPermissionCheckHandler: (h: typeof check) => void (check = h) } as never,
      (m) => logs.push(m),
    );
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) request?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(check?.()).toBe(false);
    expect(logs[0]).toContain('media');
  });
});
