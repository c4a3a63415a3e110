import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal menu: the standard edit roles (so copy/paste shortcuts work on macOS), zoom and
 * full screen. Reload and developer tools exist only in development: a reload in production
 * would throw away an agent's unsent draft.
 */
export function appMenuTemplate(opts: { dev: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = opts.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    ...(opts.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}
