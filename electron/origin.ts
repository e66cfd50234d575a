/**
 * Where the app lives. The renderer is served from `app://thana/` (see ./protocol.ts).
 *
 * NEVER CHANGE THESE. IndexedDB, and with it every register of the station, is stored
 * under the page's origin. A different scheme or host is a different origin: the app
 * would start with an empty database and the old records would be unreachable.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'thana';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when the URL is a page of the app itself. Compared field by field because
 * Node's URL gives a custom scheme an opaque origin (`'null'`).
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
