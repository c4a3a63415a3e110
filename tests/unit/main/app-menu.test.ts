import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/main/app-menu.ts';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('application menu', () => {
  it('has no reload or developer tools in production', () => {
    const all = roles(appMenuTemplate({ dev: false, platform: 'linux' }));
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
    expect(all).not.toContain('toggleDevTools');
    expect(all).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'togglefullscreen']));
  });

  it('has reload and developer tools in development', () => {
    expect(roles(appMenuTemplate({ dev: true, platform: 'linux' }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has the application menu on macOS only', () => {
    expect(roles(appMenuTemplate({ dev: false, platform: 'darwin' }))[0]).toBe('appMenu');
    expect(roles(appMenuTemplate({ dev: false, platform: 'win32' }))).not.toContain('appMenu');
  });
});
