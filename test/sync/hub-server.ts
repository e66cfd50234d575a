/**
 * Starts pouchdb-server (the CouchDB-protocol server from the npm registry) in memory on
 * 127.0.0.1 at a free port, in a temporary folder (it writes config.json and log.txt where it runs),
 * and makes a server admin at once: until an admin exists pouchdb-server runs in "admin party"
 * and every permission test would prove nothing (reference/sync.md §4 row 4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHub {
  url: string;
  admin: { username: string; password: string };
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`pouchdb-server did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * A CouchDB 3 given by the environment, instead of pouchdb-server (issue #15 §6): `COUCHDB_URL`
 * (e.g. http://127.0.0.1:5984), the admin in `COUCHDB_USER` / `COUCHDB_PASSWORD` or in the URL.
 * Tests make databases and accounts of their own names on it and never delete anything but
 * what they made; point it at a scratch server, not the district's hub.
 */
export function hubFromEnv(env: Record<string, string | undefined> = process.env): (RunningHub & { flavor: 'couchdb' }) | null {
  const raw = env.COUCHDB_URL;
  if (!raw) return null;
  const u = new URL(raw);
  const username = env.COUCHDB_USER ?? decodeURIComponent(u.username);
  const password = env.COUCHDB_PASSWORD ?? decodeURIComponent(u.password);
  if (!username || !password) throw new Error('COUCHDB_URL is set: give the admin in COUCHDB_USER and COUCHDB_PASSWORD (or in the URL)');
  u.username = '';
  u.password = '';
  return { url: u.toString().replace(/\/+$/, ''), admin: { username, password }, flavor: 'couchdb', stop: async () => undefined };
}

export async function startHub(root = process.cwd()): Promise<RunningHub> {
  const dir = mkdtempSync(join(tmpdir(), 'cmtd-hub-'));
  const port = await freePort();
  const bin = resolve(root, 'node_modules/.bin/pouchdb-server');
  const child: ChildProcess = spawn(bin, ['--in-memory', '--port', String(port), '--host', '127.0.0.1', '--config', join(dir, 'config.json'), '--no-stdout-logs'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=2048' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let stopping = false;
  // A hub that dies in the middle of a suite says why (every later test fails with "fetch failed").
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`pouchdb-server exited (${code ?? signal}):\n${stderr}`);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/`, 20_000);
  } catch (e) {
    child.kill();
    throw new Error(`${(e as Error).message}\n${stderr}`, { cause: e });
  }
  const admin = { username: 'hubadmin', password: 'hub-admin-secret' };
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const r = await fetch(`${url}/_config/admins/${admin.username}`, { method: 'PUT', body: JSON.stringify(admin.password) });
    if (!r.ok) throw new Error(`could not create the hub admin: ${r.status}`);
    // From here on, anonymous requests must be refused: prove it, or every test below is void.
    // (Not by an anonymous PUT /db: that crashes pouchdb-server 4.2 — "db.info is not a function".)
    const anon = (await (await fetch(`${url}/_session`)).json()) as { userCtx?: { roles?: string[] } };
    if (anon.userCtx?.roles?.includes('_admin')) throw new Error('pouchdb-server is still in admin party (anonymous is _admin)');
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, admin, stop };
}
