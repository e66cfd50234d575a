/**
 * The update policy with a fake engine (every path, no server), its argument checks, and
 * the update channels of the bridge.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcEventFrom } from './fake-electron';
import type { UpdateCheckRequest } from '../../renderer/src/bridge/contract';
import type { InstallerTrust, ReleaseInfo, UpdateEngine, UpdateLog, UpdateOffer } from '../../electron/updater';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { IPC } = await import('../../renderer/src/bridge/contract');
const { isNetworkError, isReleaseForThana, parseFeedUrl, parseUpdateCheckRequest, UpdateService } = await import('../../electron/updater');
const { installUpdateService } = await import('../../electron/updaterIpc');
const ipc = await import('../../electron/ipc');

/** A hand-driven engine: each check answers the next queued result; a download waits for the test. */
class FakeEngine implements UpdateEngine {
  feed: string | null | undefined = undefined;
  installer: InstallerTrust = { publisherNames: ['CN=Bilaspur Police, O=Govt of Chhattisgarh, C=IN'], builtInFeed: 'https://hub.bilaspur.lan/updates/' };
  filter: ((info: ReleaseInfo) => boolean | Promise<boolean>) | null = null;
  releases: (ReleaseInfo & { releaseNotes?: string })[] = [];
  checkError: unknown = null;
  inactive = false;
  checks = 0;
  downloads = 0;
  installs = 0;
  private finishDownload: ((err?: unknown) => void) | null = null;
  private progress: ((p: number) => void) | null = null;

  async trust(): Promise<InstallerTrust> {
    return this.installer;
  }
  setFeedUrl(url: string | null): void {
    this.feed = url;
  }
  setRolloutFilter(filter: (info: ReleaseInfo) => boolean | Promise<boolean>): void {
    this.filter = filter;
  }
  async check(): Promise<UpdateOffer | null | 'inactive'> {
    this.checks++;
    await Promise.resolve();
    if (this.checkError) throw this.checkError;
    if (this.inactive) return 'inactive';
    const release = this.releases.at(-1);
    if (!release || !(await this.filter!(release))) return null;
    return { version: release.version, ...(release.releaseNotes ? { releaseNotes: release.releaseNotes } : {}) };
  }
  download(onProgress: (percent: number) => void): Promise<void> {
    this.downloads++;
    this.progress = onProgress;
    return new Promise((resolve, reject) => {
      this.finishDownload = (err) => (err ? reject(err) : resolve());
    });
  }
  reportProgress(p: number): void {
    this.progress?.(p);
  }
  completeDownload(err?: unknown): void {
    this.finishDownload?.(err);
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

function quietLog() {
  return { info: vi.fn<UpdateLog['info']>(), warn: vi.fn<UpdateLog['warn']>(), error: vi.fn<UpdateLog['error']>() };
}

function request(over: Partial<UpdateCheckRequest> = {}): UpdateCheckRequest {
  return { feedUrl: 'https://hub.bilaspur.lan/updates/', thana: 'BSPKOTA', metered: false, autoDownload: false, ...over };
}

let engine: FakeEngine;
let log: ReturnType<typeof quietLog>;
let service: InstanceType<typeof UpdateService>;

beforeEach(() => {
  engine = new FakeEngine();
  engine.releases = [{ version: '1.0.1', releaseNotes: 'सुधार' }];
  log = quietLog();
  service = new UpdateService(engine, log, () => new Date('2026-11-20T05:00:00Z'));
});

describe('updates only from the district, signed', () => {
  it('a Windows build made without the publisher name refuses to update and says why, without asking the server', async () => {
    engine.installer = { publisherNames: [], builtInFeed: 'https://hub.bilaspur.lan/updates/' };
    expect(await service.check(request({ autoDownload: true }))).toEqual({ phase: 'refused', refusal: 'unsigned-build' });
    expect(engine.checks).toBe(0);
    expect(service.download()).toMatchObject({ phase: 'refused' });
    expect(engine.downloads).toBe(0);
    expect(() => service.install()).toThrow();
  });

  it('an installer that cannot say who signs it counts as unsigned', async () => {
    engine.trust = () => Promise.reject(new Error('ENOENT: app-update.yml'));
    expect(await service.check(request())).toMatchObject({ phase: 'refused', refusal: 'unsigned-build' });
    expect(engine.checks).toBe(0);
  });

  it('a built-in plain-http server is refused when Settings name none; an https one in Settings is used', async () => {
    engine.installer = { publisherNames: null, builtInFeed: 'http://hub.bilaspur.lan/updates/' };
    expect(await service.check(request({ feedUrl: null }))).toEqual({ phase: 'refused', refusal: 'insecure-feed' });
    expect(await service.check(request({ feedUrl: 'https://hub.bilaspur.lan/updates/' }))).toMatchObject({ phase: 'available' });
  });

  it('a platform without signature checks (Linux) updates over https', async () => {
    engine.installer = { publisherNames: null, builtInFeed: 'https://hub.bilaspur.lan/updates/' };
    expect(await service.check(request({ feedUrl: null }))).toMatchObject({ phase: 'available' });
  });
});

describe('parseFeedUrl', () => {
  it.each([
    ['https://hub.bilaspur.lan/updates', 'https://hub.bilaspur.lan/updates/'],
    ['http://127.0.0.1:8080/thana-desk/', 'http://127.0.0.1:8080/thana-desk/'],
    ['http://localhost:8080/u', 'http://localhost:8080/u/'],
    ['  https://hub.bilaspur.lan/u/?x=1#top ', 'https://hub.bilaspur.lan/u/'],
  ])('accepts %s as %s', (input, out) => expect(parseFeedUrl(input)).toBe(out));

  it('takes null or an empty text as "the built-in server"', () => {
    expect(parseFeedUrl(null)).toBeNull();
    expect(parseFeedUrl('')).toBeNull();
  });

  it.each([
    'http://10.12.0.5:8080/thana-desk/',
    'http://hub.bilaspur.lan/updates/',
    'file:///C:/updates/',
    'ftp://hub/updates/',
    'javascript:alert(1)',
    'https://admin:secret@hub.bilaspur.lan/updates/',
    'hub.bilaspur.lan/updates',
    `https://hub/${'a'.repeat(3000)}`,
    42,
    {},
  ])('refuses %s', (input) => {
    expect(() => parseFeedUrl(input)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });

  it('checks the whole check request', () => {
    expect(parseUpdateCheckRequest(request({ feedUrl: 'https://x.lan/u' }))).toEqual(request({ feedUrl: 'https://x.lan/u/' }));
    for (const bad of [null, request({ thana: 'bsp kota' }), { ...request(), metered: 'yes' }, { ...request(), autoDownload: undefined }]) {
      expect(() => parseUpdateCheckRequest(bad)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    }
  });
});

describe('isReleaseForThana', () => {
  it.each([
    [undefined, 'BSPKOTA', true],
    [null, 'BSPKOTA', true],
    [['BSPKOTA', 'BSPTAKHT'], 'BSPKOTA', true],
    [['bspkota'], 'BSPKOTA', true],
    [['BSPTAKHT'], 'BSPKOTA', false],
    ['BSPKOTA, BSPTAKHT', 'BSPTAKHT', true],
    [[], 'BSPKOTA', false],
    [['BSPKOTA'], '', false],
    [42, 'BSPKOTA', false],
    [{ BSPKOTA: true }, 'BSPKOTA', false],
    [[{ code: 'BSPKOTA' }], 'BSPKOTA', false],
  ])('thanas %j for %s → %s', (thanas, thana, expected) => {
    expect(isReleaseForThana({ version: '1.0.1', thanas }, thana)).toBe(expected);
  });
});

describe('isNetworkError', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:80'), { code: 'ECONNREFUSED' }), true],
    [Object.assign(new Error('getaddrinfo ENOTFOUND hub'), { code: 'ENOTFOUND' }), true],
    [new Error('net::ERR_INTERNET_DISCONNECTED'), true],
    [Object.assign(new Error('Bad gateway'), { statusCode: 502 }), true],
    [Object.assign(new Error('Not found'), { statusCode: 404 }), false],
    [Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }), false],
    ['offline', false],
  ])('%s → %s', (err, expected) => expect(isNetworkError(err)).toBe(expected));
});

describe('UpdateService', () => {
  it('offers, then downloads only when asked, reports progress, and installs only when asked', async () => {
    expect(await service.check(request())).toEqual({ phase: 'available', version: '1.0.1', releaseNotes: 'सुधार', checkedAt: '2026-11-20T05:00:00.000Z' });
    expect(engine.feed).toBe('https://hub.bilaspur.lan/updates/');
    expect(engine.downloads).toBe(0);
    expect(() => service.install()).toThrow(expect.objectContaining({ code: 'no-update' }));

    expect(service.download()).toMatchObject({ phase: 'downloading', percent: 0 });
    engine.reportProgress(41.6);
    expect(service.current()).toMatchObject({ phase: 'downloading', percent: 42 });
    // Asking twice does not start a second download.
    service.download();
    expect(engine.downloads).toBe(1);

    engine.completeDownload();
    expect(await service.settled()).toMatchObject({ phase: 'downloaded', version: '1.0.1', percent: 100 });
    expect(engine.installs).toBe(0);
    service.install();
    expect(engine.installs).toBe(1);
  });

  it('downloads by itself only when the in-charge chose it and the line is not metered', async () => {
    await service.check(request({ autoDownload: true, metered: true }));
    expect(engine.downloads).toBe(0);
    await service.check(request({ autoDownload: false, metered: false }));
    expect(engine.downloads).toBe(0);
    await service.check(request({ autoDownload: true, metered: false }));
    expect(engine.downloads).toBe(1);
    expect(service.current().phase).toBe('downloading');
  });

  it('"later" hides this version for the session; a newer one is offered again', async () => {
    await service.check(request());
    expect(service.defer()).toMatchObject({ phase: 'deferred', version: '1.0.1' });
    expect(await service.check(request())).toMatchObject({ phase: 'deferred' });
    engine.releases.push({ version: '1.0.2' });
    expect(await service.check(request())).toMatchObject({ phase: 'available', version: '1.0.2' });
    expect(engine.downloads).toBe(0);
  });

  it('"later" after a download keeps it: it installs when the app closes', async () => {
    await service.check(request());
    service.download();
    engine.completeDownload();
    await service.settled();
    expect(service.defer()).toMatchObject({ phase: 'downloaded' });
  });

  it('does not check again while an update is downloading or downloaded', async () => {
    await service.check(request());
    service.download();
    expect(await service.check(request())).toMatchObject({ phase: 'downloading' });
    expect(engine.checks).toBe(1);
  });

  it('shares one check between callers that ask at the same time', async () => {
    const [a, b] = await Promise.all([service.check(request()), service.check(request())]);
    expect(a).toEqual(b);
    expect(engine.checks).toBe(1);
  });

  it('a failed check stays quiet, whatever the reason, and only logs', async () => {
    engine.checkError = Object.assign(new Error('getaddrinfo ENOTFOUND hub.bilaspur.lan'), { code: 'ENOTFOUND' });
    expect(await service.check(request())).toEqual({ phase: 'idle', checkedAt: '2026-11-20T05:00:00.000Z' });
    engine.checkError = Object.assign(new Error('Cannot parse update info from latest.yml'), { code: 'ERR_UPDATER_INVALID_UPDATE_INFO' });
    expect(await service.check(request())).toMatchObject({ phase: 'idle' });
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('a download cut by the network goes back to "available" quietly; any other failure is reported', async () => {
    await service.check(request());
    service.download();
    engine.completeDownload(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect(await service.settled()).toMatchObject({ phase: 'available', version: '1.0.1' });
    expect(log.error).not.toHaveBeenCalled();

    service.download();
    engine.completeDownload(new Error('New version 1.0.1 is not signed by the application owner'));
    expect(await service.settled()).toMatchObject({ phase: 'failed', version: '1.0.1', message: expect.stringContaining('not signed') });
    expect(log.error).toHaveBeenCalledTimes(1);

    // The user may try again.
    expect(service.download()).toMatchObject({ phase: 'downloading' });
  });

  it('says "unsupported" when the library does not update this build', async () => {
    engine.inactive = true;
    expect(await service.check(request())).toEqual({ phase: 'unsupported' });
  });

  it('passes the thana of the latest request to the rollout filter', async () => {
    engine.releases = [{ version: '1.0.1', thanas: ['BSPTAKHT'] }];
    expect(await service.check(request({ thana: 'BSPKOTA' }))).toMatchObject({ phase: 'idle' });
    expect(await service.check(request({ thana: 'BSPTAKHT' }))).toMatchObject({ phase: 'available' });
  });
});

describe('update channels', () => {
  const APP_PAGE = 'app://thana/index.html#/settings';

  beforeEach(() => {
    fake.reset();
    ipc.registerIpcHandlers();
  });

  function invoke(channel: string, sender: string, ...args: unknown[]): Promise<unknown> {
    return Promise.resolve(fake.ipcHandlers.get(channel)!(ipcEventFrom(sender), ...args));
  }

  it('answers "unsupported" when no updater is installed (a dev run), still checking the arguments', async () => {
    installUpdateService(null);
    expect(await invoke(IPC.updateCheck, APP_PAGE, request())).toEqual({ ok: true, data: { phase: 'unsupported' } });
    expect(await invoke(IPC.updateStatus, APP_PAGE)).toEqual({ ok: true, data: { phase: 'unsupported' } });
    expect(await invoke(IPC.updateCheck, APP_PAGE, request({ feedUrl: 'file:///etc/' }))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('drives the installed service: check, download, install', async () => {
    installUpdateService(service);
    try {
      expect(await invoke(IPC.updateCheck, APP_PAGE, request())).toMatchObject({ ok: true, data: { phase: 'available' } });
      expect(await invoke(IPC.updateDownload, APP_PAGE)).toMatchObject({ ok: true, data: { phase: 'downloading' } });
      expect(await invoke(IPC.updateInstall, APP_PAGE)).toMatchObject({ ok: false, error: { code: 'no-update' } });
      engine.completeDownload();
      await service.settled();
      expect(await invoke(IPC.updateStatus, APP_PAGE)).toMatchObject({ ok: true, data: { phase: 'downloaded' } });
      expect(await invoke(IPC.updateInstall, APP_PAGE)).toEqual({ ok: true, data: undefined });
      expect(engine.installs).toBe(1);
      // Another page cannot make the app restart.
      expect(await invoke(IPC.updateInstall, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(engine.installs).toBe(1);
    } finally {
      installUpdateService(null);
    }
  });
});
