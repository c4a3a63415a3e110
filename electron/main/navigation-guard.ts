import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAllowedExternalLink } from './external-links.ts';
import type { Log } from './log.ts';

/** The app is one page: leaving it (a link, a script setting location) would hand the window to whatever loads next. */
export function denyNavigation(log: Log) {
  return (event: { url: string; preventDefault(): void }): void => {
    event.preventDefault();
    log(`Blocked navigation to ${event.url.slice(0, 200)}`);
  };
}

/** No page opens windows; an allow-listed https link goes to the agent's browser instead. */
export function windowOpenHandler(openExternal: (url: string) => Promise<void>, log: Log) {
  return ({ url }: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    if (isAllowedExternalLink(url)) {
      openExternal(url).catch((err: unknown) => log(`Could not open ${url} in the browser: ${String(err)}`));
    } else {
      log(`Blocked a new window for ${url.slice(0, 200)}`);
    }
    return { action: 'deny' };
  };
}

/** Applied to every web contents the app creates (app 'web-contents-created'), so none is forgotten. */
export function guardWebContents(contents: WebContents, deps: { openExternal: (url: string) => Promise<void>; log: Log }): void {
  contents.on('will-navigate', denyNavigation(deps.log));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(windowOpenHandler(deps.openExternal, deps.log));
}
