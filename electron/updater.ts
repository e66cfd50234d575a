/**
 * When and how the app updates itself: the policy, behind the project's own interface, with
 * electron-updater kept behind an `UpdateEngine` port (./updaterEngine.ts) so this file can be
 * tested with a fake as well as with the real library.
 *
 * - The renderer asks to check, with the server URL from settings, the thana code and whether
 *   the line is metered. Nothing is downloaded without the user's "download", except on an
 *   unmetered line when the in-charge chose automatic downloads.
 * - The user chooses when to restart; an update not installed by then installs when the app closes.
 * - A check that fails (offline, server down, no update folder yet) is logged and stays quiet.
 * - A release may name the thanas it is for (`thanas:` in latest.yml); other thanas never see it.
 * - Only the district's signed installers: https feeds only (loopback excepted, for tests), and a
 *   Windows build made without the publisher name refuses to update at all and says why (an update
 *   it cannot check the signature of could come from anyone who can answer on the feed's address).
 */
import { isSecureUpdateUrl, type UpdateCheckRequest, type UpdatePhase, type UpdateRefusal, type UpdateStatus } from '../renderer/src/bridge/contract';
import { IpcError } from './envelope';

export const MAX_FEED_URL_CHARS = 2048;

/** What a release says about itself, as far as the policy cares. */
export interface ReleaseInfo {
  version: string;
  /** Thana codes this release is for; absent: every thana. */
  thanas?: unknown;
}

export interface UpdateOffer {
  version: string;
  releaseNotes?: string;
}

/** What the installer itself says about where updates come from and who signs them. */
export interface InstallerTrust {
  /**
   * The certificate subjects an update must be signed by (app-update.yml `publisherName`);
   * empty: none built in. null: this platform's updater checks no signature (Linux AppImage/deb).
   */
  publisherNames: string[] | null;
  /** The update server built into the installer; null: none. */
  builtInFeed: string | null;
}

/** The port over the updater library. */
export interface UpdateEngine {
  /** Read once per check; a failure to read counts as "no publisher". */
  trust(): Promise<InstallerTrust>;
  /** The district's update folder; null: the one built into the installer. */
  setFeedUrl(url: string | null): void;
  /** Asked by the engine, for every release it finds, whether this PC may have it. */
  setRolloutFilter(filter: (info: ReleaseInfo) => boolean | Promise<boolean>): void;
  /** 'inactive': the library does not update this build (not packaged). */
  check(): Promise<UpdateOffer | null | 'inactive'>;
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quit, install silently, start again. */
  quitAndInstall(): void;
}

export interface UpdateLog {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

function invalid(message: string): IpcError {
  return new IpcError('invalid-argument', message);
}

/** An https (loopback: http) folder URL without credentials, ending in '/', or null for the built-in one. */
export function parseFeedUrl(value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > MAX_FEED_URL_CHARS) throw invalid('the update server must be a URL');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid('the update server must be a URL');
  }
  if (!isSecureUpdateUrl(url)) throw invalid('the update server must be an https URL');
  if (url.username || url.password) throw invalid('the update server URL must not carry a password');
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export function parseUpdateCheckRequest(value: unknown): UpdateCheckRequest {
  if (typeof value !== 'object' || value === null) throw invalid('updateCheck needs a request object');
  const r = value as Record<string, unknown>;
  if (typeof r.thana !== 'string' || !/^[A-Z0-9]{0,12}$/.test(r.thana)) throw invalid('bad thana code');
  if (typeof r.metered !== 'boolean' || typeof r.autoDownload !== 'boolean') throw invalid('metered and autoDownload must be true or false');
  return { feedUrl: parseFeedUrl(r.feedUrl), thana: r.thana, metered: r.metered, autoDownload: r.autoDownload };
}

/**
 * Whether a release is for this thana. No list: for everyone. A list (YAML array, or a
 * comma-separated string): only for the thanas on it. Anything else is a mistake on the
 * server, and a mistake must not send a release to every thana: refused.
 */
export function isReleaseForThana(info: ReleaseInfo, thana: string): boolean {
  const list = info.thanas;
  if (list === undefined || list === null) return true;
  const codes = typeof list === 'string' ? list.split(/[\s,]+/) : Array.isArray(list) ? list : null;
  if (codes === null || !codes.every((c) => typeof c === 'string' || typeof c === 'number')) return false;
  const wanted = thana.trim().toUpperCase();
  return wanted !== '' && codes.some((c) => String(c).trim().toUpperCase() === wanted);
}

/** Why this build must not update itself, or null when it may. */
export function refusalOf(trust: InstallerTrust, feedUrl: string | null): UpdateRefusal | null {
  if (trust.publisherNames !== null && trust.publisherNames.length === 0) return 'unsigned-build';
  if (feedUrl === null && trust.builtInFeed !== null && !(URL.canParse(trust.builtInFeed) && isSecureUpdateUrl(new URL(trust.builtInFeed))))
    return 'insecure-feed';
  return null;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EPIPE',
]);

/** Offline, server down or unreachable: things that pass without anyone doing anything. */
export function isNetworkError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (typeof e.statusCode === 'number' && (e.statusCode >= 500 || e.statusCode === 408)) return true;
  return typeof e.message === 'string' && /net::ERR_|socket hang up|timed? ?out|ECONN|ENOTFOUND|EAI_AGAIN/i.test(e.message);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The release a status is about, without its phase, progress or error. */
function offerOf(s: UpdateStatus): Omit<UpdateStatus, 'phase'> {
  return {
    ...(s.version ? { version: s.version } : {}),
    ...(s.releaseNotes ? { releaseNotes: s.releaseNotes } : {}),
    ...(s.checkedAt ? { checkedAt: s.checkedAt } : {}),
  };
}

export class UpdateService {
  private status: UpdateStatus = { phase: 'idle' };
  private thana = '';
  private deferredVersion: string | null = null;
  private checking: Promise<UpdateStatus> | null = null;
  private downloading: Promise<void> | null = null;

  constructor(
    private readonly engine: UpdateEngine,
    private readonly log: UpdateLog = console,
    private readonly now: () => Date = () => new Date(),
  ) {
    engine.setRolloutFilter((info) => {
      const ok = isReleaseForThana(info, this.thana);
      if (!ok) this.log.info(`update ${info.version} is limited to other thanas; not offered to ${this.thana || '(no thana)'}`);
      return ok;
    });
  }

  current(): UpdateStatus {
    return { ...this.status };
  }

  private set(phase: UpdatePhase, extra: Omit<UpdateStatus, 'phase'> = {}): UpdateStatus {
    this.status = { phase, ...extra };
    return this.current();
  }

  check(req: UpdateCheckRequest): Promise<UpdateStatus> {
    // An update in hand is not dropped for another check.
    if (this.status.phase === 'downloading' || this.status.phase === 'downloaded') return Promise.resolve(this.current());
    this.checking ??= this.runCheck(req).finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(req: UpdateCheckRequest): Promise<UpdateStatus> {
    this.thana = req.thana;
    const before = this.status;
    const refusal = refusalOf(
      await this.engine.trust().catch((err: unknown): InstallerTrust => {
        this.log.warn(`the installer's update settings could not be read: ${describe(err)}`);
        return { publisherNames: [], builtInFeed: null };
      }),
      req.feedUrl,
    );
    if (refusal) {
      this.log.warn(`updates refused: ${refusal}`);
      return this.set('refused', { refusal });
    }
    this.set('checking', { checkedAt: before.checkedAt });
    let offer: UpdateOffer | null | 'inactive';
    try {
      this.engine.setFeedUrl(req.feedUrl);
      offer = await this.engine.check();
    } catch (err) {
      // Quiet by design: offline for days is normal at a thana, and the user can do nothing about it.
      (isNetworkError(err) ? this.log.info : this.log.warn)(`update check failed (not shown to the user): ${describe(err)}`);
      const checkedAt = this.now().toISOString();
      // An update already offered stays offered; anything else goes back to rest.
      if (before.phase === 'available' || before.phase === 'deferred') return this.set(before.phase, { ...offerOf(before), checkedAt });
      return this.set('idle', { checkedAt });
    }
    const checkedAt = this.now().toISOString();
    if (offer === 'inactive') return this.set('unsupported');
    if (offer === null) return this.set('idle', { checkedAt });
    const found = { version: offer.version, ...(offer.releaseNotes ? { releaseNotes: offer.releaseNotes } : {}), checkedAt };
    if (offer.version === this.deferredVersion) return this.set('deferred', found);
    this.set('available', found);
    if (req.autoDownload && !req.metered) this.startDownload();
    return this.current();
  }

  /** The user said "download" (also after a failed attempt, or after "later"). */
  download(): UpdateStatus {
    const { phase } = this.status;
    if ((phase === 'available' || phase === 'deferred' || phase === 'failed') && this.status.version) this.startDownload();
    return this.current();
  }

  private startDownload(): void {
    const keep = offerOf(this.status);
    this.set('downloading', { ...keep, percent: 0 });
    this.downloading = this.engine
      .download((percent) => {
        if (this.status.phase === 'downloading') this.status = { ...this.status, percent: Math.max(0, Math.min(100, Math.round(percent))) };
      })
      .then(() => {
        this.set('downloaded', { ...keep, percent: 100 });
      })
      .catch((err: unknown) => {
        if (isNetworkError(err)) {
          this.log.info(`update download interrupted (not shown as an error): ${describe(err)}`);
          this.set('available', keep);
        } else {
          this.log.error('update download failed', err);
          this.set('failed', { ...keep, message: describe(err) });
        }
      })
      .finally(() => {
        this.downloading = null;
      });
  }

  /** The user said "later": not offered again in this session. A downloaded update still installs on quit. */
  defer(): UpdateStatus {
    if (this.status.phase === 'available' || this.status.phase === 'failed') {
      this.deferredVersion = this.status.version ?? null;
      this.set('deferred', offerOf(this.status));
    }
    return this.current();
  }

  install(): void {
    if (this.status.phase !== 'downloaded') throw new IpcError('no-update', 'No downloaded update to install');
    this.engine.quitAndInstall();
  }

  /** Resolves when a running download has finished (tests, and a clean shutdown). */
  async settled(): Promise<UpdateStatus> {
    await this.downloading;
    return this.current();
  }
}
