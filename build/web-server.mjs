#!/usr/bin/env node
// Web mode: serves the built renderer (dist/renderer) on 127.0.0.1 with the same
// Content-Security-Policy as the desktop app. PORT chooses the port (default 5173; 0 = any free port).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export function createWebServer(rootDir) {
  const root = resolve(rootDir);
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(root, rel));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let body;
      let type;
      try {
        const s = await stat(file);
        if (!s.isFile()) throw new Error('not a file');
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      } catch {
        // The app routes by hash, so any unknown path is a 404, not the app.
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': rel.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = fileURLToPath(new URL('../dist/renderer', import.meta.url));
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error('dist/renderer is missing: run `npm run build:renderer` first (npm run web does it for you).');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 5173);
  const server = createWebServer(root);
  server.listen(port, '127.0.0.1', () => {
    const addr = server.address();
    console.log(`साइबर मितान — थाना डेस्क (web mode): http://127.0.0.1:${addr.port}/`);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}
