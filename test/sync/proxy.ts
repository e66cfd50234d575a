/**
 * A fault-injecting HTTP proxy in front of the test hub. It forwards every request and, when a rule
 * matches, breaks the exchange the way real networks and real CouchDB do:
 *
 * - status:         answer 401/403/413/500/502/503… without forwarding;
 * - drop-response:  forward (the hub applies the write) and then close the connection unanswered;
 * - reset:          close the connection before forwarding;
 * - cut:            forward, send the headers and half the body, then close;
 * - truncate:       forward, answer 200 with only half of the JSON (a well-formed HTTP answer);
 * - hang:           never answer;
 * - delay:          answer after `ms`;
 * - replay-changes: every `_changes` row twice (a replayed feed);
 * - rewind-changes: serve `_changes` from `since=0` whatever the client asked (a rewound feed);
 * - transform:      rewrite the JSON answer;
 * - restatus:       forward, then answer the hub's body with another status (e.g. 202 from a cluster).
 *
 * With `opaqueSeqs` on, every sequence the hub sends is rewritten into a CouchDB-3-like opaque
 * string ("12-g1AAAA…", with characters that need URL encoding), and a `since` that is not one of
 * those strings (or 0/now) is refused with 400: a client that does arithmetic on seqs fails loudly.
 * `refuse()` stops listening (connection refused) until `accept()`.
 *
 * `shape({ kbit, rttMs })` makes it a slow link (a thana's line): every exchange waits half the round
 * trip each way, and every byte in each direction goes through one shared pipe of `kbit` kbit/s.
 * `wire` counts requests and bytes both ways (request and status lines, headers, bodies).
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'drop-response' }
  | { kind: 'reset' }
  | { kind: 'cut' }
  | { kind: 'truncate' }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  | { kind: 'replay-changes' }
  | { kind: 'rewind-changes' }
  | { kind: 'transform'; fn: (body: unknown) => unknown }
  | { kind: 'restatus'; status: number };

export interface Match {
  method?: string;
  path: RegExp;
}

interface Rule extends Match {
  fault: Fault;
  times: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  at: number;
  fault: Fault['kind'] | null;
  /** For _bulk_docs: the ids sent. */
  ids?: string[];
}

const OPAQUE = /^(\d+)-g1AAAA[A-Za-z0-9+/=_-]*$/;

export function opaqueSeq(n: number): string {
  // base64-ish tail with '+', '/' and '=': a client must URL-encode it to get it back intact.
  const tail = Buffer.from(`seq:${n}:${'x'.repeat(n % 7)}`).toString('base64');
  return `${n}-g1AAAA${tail}+/=`;
}

function unOpaque(v: string): string | null {
  const m = OPAQUE.exec(v);
  return m ? m[1]! : null;
}

/** A link's speed: kbit/s each way, and the round-trip time added to every exchange. */
export interface LinkShape {
  kbit: number;
  rttMs: number;
}

export interface WireCount {
  requests: number;
  bytesUp: number;
  bytesDown: number;
}

/** Bytes of an HTTP/1.1 message head: the first line, each header line, the blank line. */
function headBytes(first: string, headers: Record<string, string | string[] | number | undefined>): number {
  let n = Buffer.byteLength(first) + 2 + 2;
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) n += Buffer.byteLength(`${k}: ${String(one)}`) + 2;
  }
  return n;
}

export class FaultProxy {
  readonly log: LoggedRequest[] = [];
  opaqueSeqs = false;
  readonly wire: WireCount = { requests: 0, bytesUp: 0, bytesDown: 0 };
  private link: LinkShape | null = null;
  /** When each direction of the shaped link is free again (ms, Date.now clock). */
  private freeAt = { up: 0, down: 0 };
  private rules: Rule[] = [];
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private port = 0;

  constructor(private readonly target: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 1000;
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(port, '127.0.0.1', () => res());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  /** Break the next `times` requests matching `match`. */
  on(match: Match, fault: Fault, times = 1): this {
    this.rules.push({ ...match, fault, times });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** A slow link from now on (null: full speed again). */
  shape(link: LinkShape | null): this {
    this.link = link;
    return this;
  }

  /** Half a round trip, then `bytes` through the shared pipe of one direction. */
  private async travel(dir: 'up' | 'down', bytes: number): Promise<void> {
    if (!this.link) return;
    await new Promise((r) => setTimeout(r, this.link!.rttMs / 2));
    const start = Math.max(Date.now(), this.freeAt[dir]);
    const end = start + (bytes * 8) / this.link.kbit;
    this.freeAt[dir] = end;
    const wait = end - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  count(match: Match): number {
    return this.log.filter((l) => (!match.method || l.method === match.method) && match.path.test(l.path)).length;
  }

  /** Stop listening: the client now gets "connection refused". */
  async refuse(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const sock of this.sockets) sock.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  async accept(): Promise<void> {
    await this.start(this.port);
  }

  async close(): Promise<void> {
    await this.refuse();
  }

  private take(method: string, path: string): Fault | null {
    const i = this.rules.findIndex((r) => (!r.method || r.method === method) && r.path.test(path));
    if (i < 0) return null;
    const rule = this.rules[i]!;
    if (--rule.times <= 0) this.rules.splice(i, 1);
    return rule.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawPath = req.url ?? '/';
    const fault = this.take(method, rawPath);
    const entry: LoggedRequest = { method, path: rawPath, at: Date.now(), fault: fault?.kind ?? null };
    this.log.push(entry);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reqBody = Buffer.concat(chunks);
    const upBytes = headBytes(`${method} ${rawPath} HTTP/1.1`, req.headers) + reqBody.length;
    this.wire.requests++;
    this.wire.bytesUp += upBytes;
    await this.travel('up', upBytes);
    if (rawPath.includes('/_bulk_docs')) {
      try {
        entry.ids = (JSON.parse(reqBody.toString('utf8')) as { docs: { _id: string }[] }).docs.map((d) => d._id);
      } catch {
        /* not ours to judge */
      }
    }

    if (fault?.kind === 'reset') return void req.socket.destroy();
    if (fault?.kind === 'hang') return; // the socket stays open until the client gives up
    if (fault?.kind === 'status') {
      const body = JSON.stringify(fault.body ?? { error: 'injected', reason: `injected ${fault.status}` });
      res.writeHead(fault.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
      return;
    }

    let path = rawPath;
    const u = new URL(rawPath, 'http://proxy');
    if (u.pathname.endsWith('/_changes')) {
      const since = u.searchParams.get('since');
      if (this.opaqueSeqs && since !== null && since !== '0' && since !== 'now') {
        const n = unOpaque(since);
        if (n === null) {
          const body = JSON.stringify({ error: 'bad_request', reason: `since must be an opaque seq from this hub, got ${since}` });
          res.writeHead(400, { 'Content-Type': 'application/json' }).end(body);
          return;
        }
        u.searchParams.set('since', n);
      }
      if (fault?.kind === 'rewind-changes') u.searchParams.set('since', '0');
      path = u.pathname + u.search;
    }

    const upstream = new URL(this.target);
    const headers = { ...req.headers, host: upstream.host };
    delete headers['accept-encoding']; // plain bodies, so answers can be rewritten
    const answer = await new Promise<{ status: number; statusMessage: string; headers: IncomingMessage['headers']; body: Buffer } | null>((resolve) => {
      const out = request({ host: upstream.hostname, port: upstream.port, method, path, headers }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (d: Buffer) => parts.push(d));
        up.on('end', () => resolve({ status: up.statusCode ?? 502, statusMessage: up.statusMessage ?? '', headers: up.headers, body: Buffer.concat(parts) }));
        up.on('error', () => resolve(null));
      });
      out.on('error', () => resolve(null));
      out.end(reqBody);
    });
    if (!answer) return void req.socket.destroy();
    if (fault?.kind === 'drop-response') return void req.socket.destroy();

    let body = answer.body;
    const isJson = String(answer.headers['content-type'] ?? '').includes('json') || body[0] === 0x7b || body[0] === 0x5b;
    if (isJson && (this.opaqueSeqs || fault?.kind === 'replay-changes' || fault?.kind === 'transform')) {
      try {
        let json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        if (fault?.kind === 'transform') json = fault.fn(json) as Record<string, unknown>;
        if (u.pathname.endsWith('/_changes') && Array.isArray(json.results)) {
          if (fault?.kind === 'replay-changes') json.results = [...json.results, ...json.results];
          if (this.opaqueSeqs) {
            for (const r of json.results as { seq?: unknown }[]) if (typeof r.seq === 'number') r.seq = opaqueSeq(r.seq);
            if (typeof json.last_seq === 'number') json.last_seq = opaqueSeq(json.last_seq);
          }
        }
        if (this.opaqueSeqs && typeof json.update_seq === 'number') json.update_seq = opaqueSeq(json.update_seq);
        body = Buffer.from(JSON.stringify(json));
      } catch {
        /* not JSON after all: pass through */
      }
    }
    const outHeaders: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) outHeaders[k] = v;
    if (fault?.kind === 'truncate') {
      const half = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
      res.writeHead(200, { ...outHeaders, 'Content-Length': half.length }).end(half);
      return;
    }
    if (fault?.kind === 'cut') {
      res.writeHead(answer.status, { ...outHeaders, 'Content-Length': body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    const status = fault?.kind === 'restatus' ? fault.status : answer.status;
    const downBytes = headBytes(`HTTP/1.1 ${status} ${answer.statusMessage}`, { ...outHeaders, 'Content-Length': body.length }) + body.length;
    this.wire.bytesDown += downBytes;
    await this.travel('down', downBytes);
    res.writeHead(fault?.kind === 'restatus' ? fault.status : answer.status, { ...outHeaders, 'Content-Length': body.length }).end(body);
  }
}
