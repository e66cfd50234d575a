/**
 * What a page may do to leave itself: navigate, redirect, open windows, attach webviews.
 * The app's own window may only move within the app origin; everything else is refused,
 * and the few allowed https links go to the system browser instead.
 */
import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../renderer/src/bridge/contract';

export interface NavigationPolicy {
  /** May the page navigate (or be redirected) to this URL inside its own window? */
  mayNavigate(url: string): boolean;
}

/** Opens `url` in the system browser if it is one of the allowed links; says whether it did. */
export function openIfAllowedExternally(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url).catch((err: unknown) => console.error('openExternal failed', err));
  return true;
}

export function restrictNavigation(contents: WebContents, policy: NavigationPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowedExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (policy.mayNavigate(event.url)) return;
    event.preventDefault();
    // A plain <a href> to an allowed site still reaches the user, in their browser.
    openIfAllowedExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!policy.mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The app asks for no permission (camera, location, notifications, ...); refuse them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
