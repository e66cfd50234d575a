/**
 * The update policy driving the REAL electron-updater check and download logic (NsisUpdater
 * with a test AppAdapter and Node's HTTP client; no Electron needed) against a local update
 * server on 127.0.0.1 that serves latest.yml and a small fake installer.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { NodeHttpExecutor } from 'builder-util';
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import type { UpdateCheckRequest } from '../../renderer/src/bridge/contract';
import { UpdateService, type UpdateLog } from '../../electron/updater';
import { createUpdaterEngine } from '../../electron/updaterEngine';

const INSTALLER = 'Cyber Mitan Thana Desk Setup 1.0.1.exe';
const INSTALLER_BYTES = Buffer.from('MZ — not really an installer, only bytes with a known sha512 '.repeat(200));
const SHA512 = createHash('sha512').update(INSTALLER_BYTES).digest('base64');

interface UpdateServer {
  url: string;
  requests: string[];
  latestYml: string;
  installer: Buffer;
  close(): Promise<void>;
}

function latestYml(version: string, extra = ''): string {
  const file = encodeURIComponent(INSTALLER);
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${SHA512}`,
    `    size: ${INSTALLER_BYTES.length}`,
    `path: ${file}`,
    `sha512: ${SHA512}`,
    "releaseDate: '2026-11-20T05:00:00.000Z'",
    'releaseNotes: "शिकायत रजिस्टर में सुधार / Complaint register fixes"',
    extra,
  ].join('\n');
}

async function startServer(): Promise<UpdateServer> {
  const state: UpdateServer = { url: '', requests: [], latestYml: latestYml('1.0.1'), installer: INSTALLER_BYTES, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    state.requests.push(path);
    if (path === '/latest.yml') {
      res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(state.latestYml);
    } else if (path === `/${INSTALLER}`) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': state.installer.length }).end(state.installer);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/**
 * Node's HTTP client with the `download` that ElectronHttpExecutor has and NodeHttpExecutor
 * lacks (electron-builder's own updater tests add the same).
 */
class TestHttpExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error === null || error === undefined ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      );
    });
  }
}

let dir: string;
let server: UpdateServer;
let updater: NsisUpdater;
let service: UpdateService;
let log: { info: Mock<UpdateLog['info']>; warn: Mock<UpdateLog['warn']>; error: Mock<UpdateLog['error']> };
let downloadedEvents: unknown[];
let errorEvents: unknown[];

/** A packaged app at version `version`, as electron-updater sees it. */
function testApp(version: string, updateConfigPath: string): AppAdapter {
  return {
    version,
    name: 'Cyber Mitan Thana Desk',
    isPackaged: true,
    appUpdateConfigPath: updateConfigPath,
    userDataPath: join(dir, 'userData'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}

const PUBLISHER = 'CN=Bilaspur Police, O=Govt of Chhattisgarh, C=IN';
/** What the test's signature check answers: null = signed by PUBLISHER, else the reason it is not. */
let signatureProblem: string | null = null;
let signatureChecks: string[][] = [];

async function newUpdater(version = '1.0.0', builtInFeed = 'http://127.0.0.1:9/never/', publisher: string | null = PUBLISHER): Promise<void> {
  const appUpdateYml = join(dir, 'app-update.yml');
  const signedBy = publisher ? `publisherName:\n  - ${publisher}\n` : '';
  await writeFile(appUpdateYml, `provider: generic\nurl: ${builtInFeed}\nupdaterCacheDirName: cmtd-updater-test\n${signedBy}`);
  updater = new NsisUpdater(null, testApp(version, appUpdateYml));
  // Internal hooks electron-builder's own tests use: Windows metadata, and Node's HTTP client.
  Object.assign(updater, { _testOnlyOptions: { platform: 'win32' }, httpExecutor: new TestHttpExecutor() });
  // Windows' Authenticode check (PowerShell) stands in as a function the test answers.
  signatureChecks = [];
  updater.verifyUpdateCodeSignature = async (names) => {
    signatureChecks.push(names);
    return signatureProblem;
  };
  downloadedEvents = [];
  errorEvents = [];
  updater.on('update-downloaded', (e) => downloadedEvents.push(e));
  updater.on('error', (e) => errorEvents.push(e));
  log = { info: vi.fn<UpdateLog['info']>(), warn: vi.fn<UpdateLog['warn']>(), error: vi.fn<UpdateLog['error']>() };
  service = new UpdateService(createUpdaterEngine(updater, log), log);
}

function request(over: Partial<UpdateCheckRequest> = {}): UpdateCheckRequest {
  return { feedUrl: server.url, thana: 'BSPKOTA', metered: false, autoDownload: false, ...over };
}

async function cachedFiles(): Promise<string[]> {
  const found: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else found.push(e.name);
    }
  }
  await walk(join(dir, 'cache'));
  return found;
}

const installerRequests = () => server.requests.filter((p) => p.endsWith('.exe'));

beforeEach(async () => {
  signatureProblem = null;
  dir = await mkdtemp(join(tmpdir(), 'thana-updater-'));
  server = await startServer();
  await newUpdater();
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('electron-updater behind the update policy', () => {
  it('offers 1.0.1 to 1.0.0, with its notes, and downloads nothing', async () => {
    const status = await service.check(request());
    expect(status).toMatchObject({ phase: 'available', version: '1.0.1', releaseNotes: expect.stringContaining('शिकायत') });
    expect(server.requests).toContain('/latest.yml');
    expect(installerRequests()).toEqual([]);
    expect(await cachedFiles()).toEqual([]);
  });

  it('offers nothing when the server has the running version', async () => {
    server.latestYml = latestYml('1.0.0');
    expect(await service.check(request())).toMatchObject({ phase: 'idle', checkedAt: expect.any(String) });
  });

  it('defers: "later" downloads nothing, and the same version is not offered again this session', async () => {
    await service.check(request());
    expect(service.defer()).toMatchObject({ phase: 'deferred', version: '1.0.1' });
    expect(await service.check(request())).toMatchObject({ phase: 'deferred', version: '1.0.1' });
    expect(installerRequests()).toEqual([]);
    expect(await cachedFiles()).toEqual([]);
    expect(downloadedEvents).toEqual([]);
  });

  it('accepts: "download" fetches the installer, checks its sha512, and it is ready to install', async () => {
    await service.check(request());
    expect(service.download()).toMatchObject({ phase: 'downloading', version: '1.0.1' });
    expect(await service.settled()).toMatchObject({ phase: 'downloaded', version: '1.0.1', percent: 100 });
    expect(installerRequests()).toEqual([`/${INSTALLER}`]);
    expect(downloadedEvents).toEqual([expect.objectContaining({ version: '1.0.1', downloadedFile: expect.stringContaining(INSTALLER) })]);
    const file = (downloadedEvents[0] as { downloadedFile: string }).downloadedFile;
    expect(await readFile(file)).toEqual(INSTALLER_BYTES);
    // A later check does not drop the update in hand.
    expect(await service.check(request())).toMatchObject({ phase: 'downloaded' });
  });

  it('refuses an installer whose sha512 does not match latest.yml, and says so after the user asked', async () => {
    server.installer = Buffer.from('a tampered installer');
    await service.check(request());
    service.download();
    const status = await service.settled();
    expect(status).toMatchObject({ phase: 'failed', version: '1.0.1', message: expect.stringMatching(/sha512|checksum/i) });
    expect(downloadedEvents).toEqual([]);
  });

  it('ignores an offline server: no error reaches the user, the check just comes back quiet', async () => {
    await server.close();
    const status = await service.check(request());
    expect(status).toMatchObject({ phase: 'idle', checkedAt: expect.any(String) });
    expect(errorEvents.length).toBeGreaterThan(0); // the library saw it …
    expect(log.error).not.toHaveBeenCalled(); // … and it was only logged, quietly
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('update check failed'));
  });

  it('keeps an offered update offered when a later check finds the server gone', async () => {
    await service.check(request());
    await server.close();
    expect(await service.check(request())).toMatchObject({ phase: 'available', version: '1.0.1' });
  });

  it('a release limited to some thanas reaches only them', async () => {
    server.latestYml = latestYml('1.0.1', 'thanas:\n  - BSPKOTA\n  - BSPTAKHT');
    expect(await service.check(request({ thana: 'BSPKOTA' }))).toMatchObject({ phase: 'available', version: '1.0.1' });

    await newUpdater();
    expect(await service.check(request({ thana: 'BSPSIPAT' }))).toMatchObject({ phase: 'idle' });
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('limited to other thanas'));

    server.latestYml = latestYml('1.0.1', 'thanas: 42');
    await newUpdater();
    expect(await service.check(request({ thana: 'BSPKOTA' }))).toMatchObject({ phase: 'idle' });
  });

  it("still honours the library's own staged rollout after the thana list", async () => {
    server.latestYml = latestYml('1.0.1', 'stagingPercentage: 0');
    expect(await service.check(request())).toMatchObject({ phase: 'idle' });
    server.latestYml = latestYml('1.0.1', 'stagingPercentage: 100');
    expect(await service.check(request())).toMatchObject({ phase: 'available' });
  });

  it('downloads by itself only on an unmetered line when automatic download is chosen', async () => {
    await service.check(request({ autoDownload: true, metered: true }));
    expect(service.current().phase).toBe('available');
    expect(installerRequests()).toEqual([]);

    await newUpdater();
    await service.check(request({ autoDownload: true, metered: false }));
    expect(await service.settled()).toMatchObject({ phase: 'downloaded' });
    expect(installerRequests()).toHaveLength(1);
  });

  it('uses the URL from settings over the one built into the installer, and the built-in one when none is set', async () => {
    // The built-in feed points nowhere: only the settings URL can find the update.
    expect(await service.check(request({ feedUrl: server.url }))).toMatchObject({ phase: 'available' });
    await newUpdater('1.0.0', server.url);
    expect(await service.check(request({ feedUrl: 'http://127.0.0.1:9/gone/' }))).toMatchObject({ phase: 'idle' });
    // The in-charge empties the setting: back to the built-in server.
    expect(await service.check(request({ feedUrl: null }))).toMatchObject({ phase: 'available' });
  });

  it('checks the installer is signed by the publisher built into the app', async () => {
    await service.check(request());
    service.download();
    expect(await service.settled()).toMatchObject({ phase: 'downloaded' });
    expect(signatureChecks).toEqual([[PUBLISHER]]);
  });

  it('refuses an installer not signed by the district', async () => {
    signatureProblem = 'signed by CN=Someone Else';
    await service.check(request());
    service.download();
    expect(await service.settled()).toMatchObject({ phase: 'failed', message: expect.stringMatching(/not signed/i) });
    expect(downloadedEvents).toEqual([]);
  });

  it('a Windows build without a publisher name refuses to update: it does not even ask the server', async () => {
    await newUpdater('1.0.0', 'http://127.0.0.1:9/never/', null);
    expect(await service.check(request({ autoDownload: true }))).toEqual({ phase: 'refused', refusal: 'unsigned-build' });
    expect(server.requests).toEqual([]);
    expect(await cachedFiles()).toEqual([]);
  });

  it('a plain-http update server built into the installer is refused (loopback only is allowed, for tests)', async () => {
    await newUpdater('1.0.0', 'http://hub.bilaspur.lan/updates/');
    expect(await service.check(request({ feedUrl: null }))).toEqual({ phase: 'refused', refusal: 'insecure-feed' });
  });
});
