/**
 * A small CouchDB HTTP client: Basic auth on every request, a client-side timeout on every
 * request (pouchdb-server ignores some server-side timeouts), errors sorted into the codes of
 * ./messages.ts, and back-off with jitter for the transient ones. Written against the CouchDB 3
 * contract; nothing here depends on pouchdb-server's behaviour (reference/sync.md §4).
 */
import { SyncError, type SyncErrorCode } from './messages';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number;
  /** First delay; doubles each time. */
  baseMs: number;
  /** The cap of one delay (reference/sync.md §7.3: 60 s). */
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 500, capMs: 60_000 };

/** Full-jitter exponential back-off: a random delay in [d/2, d], d = min(cap, base·2^n). */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random: () => number = Math.random): number {
  const d = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(d / 2 + random() * (d / 2));
}

export interface HubAuth {
  username: string;
  password: string;
}

export interface HubClientOptions {
  /** Server root, e.g. https://hub.example:6984 (no database, no credentials). */
  url: string;
  auth: HubAuth | null;
  fetch?: FetchLike;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry: lets the UI say "retrying in N s". */
  onRetry?: (err: SyncError, delayMs: number) => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** A JSON body already serialized (instead of `body`). */
  json?: string;
  /** Retry transient errors (default true). A _bulk_docs retry is safe: mutationIds recognise our own writes. */
  retry?: boolean;
  timeoutMs?: number;
  /** Statuses that are answers, not errors (e.g. 404 for "no marker yet"). */
  accept?: number[];
}

export interface HubResponse<T> {
  status: number;
  body: T;
}

function basic(auth: HubAuth): string {
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** The hub URL without credentials, path or trailing slash; throws on an unusable address. */
export function normalizeHubUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new SyncError('not-configured', `not a URL: ${raw}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new SyncError('insecure-url', u.protocol);
  const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  if (u.protocol === 'http:' && !loopback) throw new SyncError('insecure-url', u.host);
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  return u.toString().replace(/\/+$/, '');
}

/** Path segment for a document id: `_local/` and `_design/` keep their slash. */
export function docPath(id: string): string {
  for (const prefix of ['_local/', '_design/']) if (id.startsWith(prefix)) return prefix + encodeURIComponent(id.slice(prefix.length));
  return encodeURIComponent(id);
}

function codeForStatus(status: number): SyncErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 413) return 'too-large';
  if (status === 408) return 'timeout';
  if (status === 429 || status >= 500) return 'server';
  return 'bad-request';
}

export class HubClient {
  readonly url: string;
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: HubClientOptions) {
    this.url = opts.url.replace(/\/+$/, '');
    this.fetchFn = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.retryPolicy = opts.retry ?? DEFAULT_RETRY;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** One request with retries of transient failures. */
  async request<T>(method: string, path: string, ro: RequestOptions = {}): Promise<HubResponse<T>> {
    const attempts = ro.retry === false ? 1 : this.retryPolicy.attempts;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(method, path, ro);
      } catch (e) {
        const err = e instanceof SyncError ? e : new SyncError('network', String(e));
        if (!err.transient || attempt + 1 >= attempts || this.opts.signal?.aborted) throw err;
        const delay = backoffDelay(attempt, this.retryPolicy);
        this.opts.onRetry?.(err, delay);
        await this.sleep(delay);
        if (this.opts.signal?.aborted) throw new SyncError('aborted');
      }
    }
  }

  private async once<T>(method: string, path: string, ro: RequestOptions): Promise<HubResponse<T>> {
    let url = `${this.url}/${path.replace(/^\/+/, '')}`;
    if (ro.query) {
      const q = Object.entries(ro.query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&');
      if (q) url += `?${q}`;
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.opts.auth) headers.Authorization = basic(this.opts.auth);
    let payload: string | undefined;
    if (ro.json !== undefined || ro.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = ro.json ?? JSON.stringify(ro.body);
    }
    const ctrl = new AbortController();
    const outer = this.opts.signal;
    const onOuterAbort = () => ctrl.abort();
    if (outer) {
      if (outer.aborted) throw new SyncError('aborted');
      outer.addEventListener('abort', onOuterAbort, { once: true });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, ro.timeoutMs ?? this.timeoutMs);
    try {
      let res: Response;
      try {
        // 'omit': the Authorization header carries the credentials; no cookies cross origins.
        res = await this.fetchFn(url, { method, headers, body: payload, signal: ctrl.signal, credentials: 'omit', cache: 'no-store' });
      } catch (e) {
        if (timedOut) throw new SyncError('timeout', `${method} ${path}`);
        if (outer?.aborted) throw new SyncError('aborted');
        throw new SyncError('network', `${method} ${path}: ${e instanceof Error ? e.message : String(e)}`);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        if (timedOut) throw new SyncError('timeout', `${method} ${path} (body)`);
        if (outer?.aborted) throw new SyncError('aborted');
        throw new SyncError('bad-response', `${method} ${path}: ${e instanceof Error ? e.message : String(e)}`, res.status);
      }
      let body: unknown = null;
      if (text.length) {
        try {
          body = JSON.parse(text);
        } catch {
          // A cut-off answer: a 2xx with broken JSON is transient (retry), an error page is reported as its status.
          if (res.ok) throw new SyncError('bad-response', `${method} ${path}: ${text.length} bytes of invalid JSON`, res.status);
        }
      }
      // 202: accepted by fewer nodes than the quorum (cluster) — the write is stored; treat as success.
      if (res.ok || ro.accept?.includes(res.status)) return { status: res.status, body: body as T };
      const reason = body && typeof body === 'object' ? `${(body as { error?: string }).error ?? ''}: ${(body as { reason?: string }).reason ?? ''}` : text.slice(0, 200);
      throw new SyncError(codeForStatus(res.status), `${method} ${path} → ${res.status} ${reason}`, res.status);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }
}
