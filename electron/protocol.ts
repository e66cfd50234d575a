/**
 * The `app://thana/` protocol: serves the built renderer (dist/renderer) to the window,
 * so the page has a real, fixed origin for IndexedDB instead of file://.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';
import { CSP } from './csp';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Must run before `app` is ready, and only once: a second call replaces the first list.
 * `standard` gives the scheme a real origin (IndexedDB, relative URLs), `secure` makes it
 * a secure context, `supportFetchAPI` lets the page fetch its own files. `corsEnabled`
 * stays off so no other origin can read from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type ResolvedRequest =
  | { status: 200; file: string }
  | { status: 400 | 403 | 404; reason: string };

/** Maps an `app://thana/...` URL to a file under `root`, refusing anything outside it. */
export function resolveAppFile(root: string, requestUrl: string): ResolvedRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, reason: 'bad url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 403, reason: 'foreign host' };
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, reason: 'bad escape' };
  }
  // A backslash or NUL has no business in a URL path and is a separator (or worse) on Windows.
  if (rel.includes('\\') || rel.includes('\0')) return { status: 403, reason: 'forbidden character' };
  if (rel.endsWith('/')) rel += 'index.html';
  const base = normalize(root);
  const file = normalize(join(base, rel));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return { status: 403, reason: 'outside root' };
  return { status: 200, file };
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The request handler, apart from Electron so it can be tested with plain Requests. */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
    const resolved = resolveAppFile(root, request.url);
    if (resolved.status !== 200) return textResponse(resolved.status, resolved.reason);
    let body: Buffer;
    try {
      body = await readFile(resolved.file);
    } catch {
      // Missing, or a directory. The app routes by hash, so an unknown path is never the app.
      return textResponse(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(resolved.file),
        'Content-Length': String(body.byteLength),
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}

/** Call once `app` is ready. `rendererRoot` is dist/renderer. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}
