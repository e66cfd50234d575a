/** `npm run hub` (build/hub.mjs) run against a test hub, as the district IT cell runs it. */
import { spawn } from 'node:child_process';
import type { RunningHub } from '../sync/hub-server';

export function runHubCli(hub: RunningHub, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['build/hub.mjs', ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, HUB_ADMIN_USER: hub.admin.username, HUB_ADMIN_PASSWORD: hub.admin.password },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
  });
}
