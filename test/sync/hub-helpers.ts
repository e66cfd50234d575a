/** Requests to the hub as a given account (a PC, a district reader, anonymous): the hostile insider's view. */
import { hubUrl } from './helpers';

export interface Account {
  username: string;
  password: string;
}

export function basic(u: Account): string {
  return `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}`;
}

/** One request; `who` null: anonymous. The body is parsed when it is JSON. */
export async function as(who: Account | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${hubUrl()}/${path}`, {
    method,
    headers: { ...(who ? { Authorization: basic(who) } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed };
}
