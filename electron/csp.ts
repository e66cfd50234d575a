/**
 * The Content-Security-Policy of the app. The same policy is sent by the web server
 * (build/web-server.mjs) and written as a <meta> in renderer/index.html; a test keeps
 * the three equal.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  // The district hub (CouchDB) is reached over http(s); loopback for tests.
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:",
  "frame-src 'self' blob: data: about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
