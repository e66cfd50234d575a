/**
 * A fake of the parts of the `electron` module the main process and preload use. It
 * records what the code under test asked for (window options, IPC handlers, protocol
 * registrations, dialogs, shell calls) and lets a test drive events.
 *
 * Use in a test file:
 *   const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
 *   vi.mock('electron', () => fake.module);
 *   beforeEach(() => fake.reset());
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** The event object Electron passes to will-navigate and friends. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface WindowOpenDetails {
  url: string;
}

type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionHandler | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: PermissionHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener) => {
      this.beforeRequest = listener;
    },
  };
  /** What the permission handler answers for `permission`, or null when there is none. */
  async askPermission(permission: string): Promise<boolean | null> {
    const handler = this.permissionRequestHandler;
    if (!handler) return null;
    return new Promise((resolve) => handler({}, permission, resolve));
  }
  /** Whether the session lets a request to `url` through (true when nothing filters). */
  async allowsRequest(url: string): Promise<boolean> {
    const listener = this.beforeRequest;
    if (!listener) return true;
    return new Promise((resolve) => listener({ url }, (r) => resolve(!r.cancel)));
  }
}

export interface FakeElectronState {
  ready: boolean;
  lockGranted: boolean;
  isPackaged: boolean;
  paths: Record<string, string>;
  saveDialogResult: { canceled: boolean; filePath?: string };
  openDialogResult: { canceled: boolean; filePaths: string[] };
  /** What safeStorage.isAsyncEncryptionAvailable() answers. */
  encryptionAvailable: boolean;
  openPathResult: string;
  pdfBytes: Uint8Array;
  /** When set, loadFile rejects with it (like did-fail-load). */
  loadFileError: Error | null;
  /** When set, printToPDF rejects with it. */
  printError: Error | null;
  /** Runs inside loadFile, while the page is loading: a test's look at the moment of loading. */
  whileLoading: ((file: string, session: FakeSession) => Promise<void>) | null;
}

function initialState(): FakeElectronState {
  return {
    ready: false,
    lockGranted: true,
    isPackaged: false,
    paths: { userData: '/fake/userData', downloads: '/fake/Downloads', temp: '/fake/temp' },
    saveDialogResult: { canceled: true },
    openDialogResult: { canceled: true, filePaths: [] },
    encryptionAvailable: true,
    openPathResult: '',
    pdfBytes: new TextEncoder().encode('%PDF-1.7 fake'),
    loadFileError: null,
    printError: null,
    whileLoading: null,
  };
}

export function createFakeElectron() {
  let state = initialState();
  let resolveReady: () => void = () => {};
  let readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const sessions = new Map<string, FakeSession>();
  let defaultSession = new FakeSession('');

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: WindowOpenDetails) => { action: 'allow' | 'deny' }) | null = null;
    loadedFile: string | null = null;
    /** The file's content at the time it was loaded (it may be deleted afterwards). */
    loadedFileContent: string | null = null;
    printOptions: unknown[] = [];
    constructor(readonly session: FakeSession) {
      super();
    }
    setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'allow' | 'deny' }): void {
      this.windowOpenHandler = handler;
    }
    async loadFile(path: string): Promise<void> {
      this.loadedFile = path;
      this.loadedFileContent = await readFile(path, 'utf8');
      await state.whileLoading?.(path, this.session);
      if (state.loadFileError) throw state.loadFileError;
      this.emit('did-finish-load');
    }
    async printToPDF(options: unknown): Promise<Uint8Array> {
      this.printOptions.push(options);
      if (state.printError) throw state.printError;
      return state.pdfBytes;
    }
    /** Emits a navigation-like event and says whether the app let it happen. */
    navigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
      const e = new FakeEvent(url);
      this.emit(event, e, url);
      return !e.defaultPrevented;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    static focused: FakeBrowserWindow | null = null;
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return FakeBrowserWindow.focused;
    }
    readonly webContents: FakeWebContents;
    visible = false;
    minimized = false;
    destroyed = false;
    loadedUrl: string | null = null;
    readonly show = vi.fn(() => {
      this.visible = true;
    });
    readonly focus = vi.fn(() => {
      FakeBrowserWindow.focused = this;
    });
    readonly restore = vi.fn(() => {
      this.minimized = false;
    });
    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      const ses = options.webPreferences?.session;
      this.webContents = new FakeWebContents(ses instanceof FakeSession ? ses : defaultSession);
      FakeBrowserWindow.instances.push(this);
    }
    isVisible(): boolean {
      return this.visible;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
      this.emit('closed');
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
    }
  }

  const appEvents = new EventEmitter();
  const app = {
    on: (event: string, listener: Listener) => {
      appEvents.on(event, listener as (...args: unknown[]) => void);
      return app;
    },
    emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    requestSingleInstanceLock: vi.fn(() => state.lockGranted),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(() => {
      if (state.ready) throw new Error('app.enableSandbox() after ready');
    }),
    whenReady: () => readyPromise,
    isReady: () => state.ready,
    getPath: vi.fn((name: string) => {
      const path = state.paths[name];
      if (path === undefined) throw new Error(`fake app.getPath: no path for ${name}`);
      return path;
    }),
    getVersion: () => '9.8.7',
    getName: () => 'Cyber Mitan Thana Desk',
    get isPackaged() {
      return state.isPackaged;
    },
  };

  /** Each registerSchemesAsPrivileged call, and whether the app was ready by then. */
  const privilegedSchemes: { schemes: unknown[]; appWasReady: boolean }[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
      privilegedSchemes.push({ schemes, appWasReady: state.ready });
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      if (!state.ready) throw new Error('protocol.handle before app ready');
      protocolHandlers.set(scheme, handler);
    }),
  };

  type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
  const ipcHandlers = new Map<string, IpcHandler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: IpcHandler) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    }),
  };

  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => state.saveDialogResult),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => state.openDialogResult),
  };

  /** The async safeStorage API (Electron 42+); "encryption" is a reversible marker, never plain text. */
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(async () => state.encryptionAvailable),
    encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${Buffer.from(plain, 'utf8').toString('hex')}`)),
    decryptStringAsync: vi.fn(async (encrypted: Buffer) => {
      const text = encrypted.toString('utf8');
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { shouldReEncrypt: false, result: Buffer.from(text.slice(4), 'hex').toString('utf8') };
    }),
  };

  const shell = {
    openExternal: vi.fn(async (_url: string) => {}),
    openPath: vi.fn(async (_path: string) => state.openPathResult),
  };

  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  };

  const session = {
    get defaultSession() {
      return defaultSession;
    },
    fromPartition: vi.fn((partition: string) => {
      let s = sessions.get(partition);
      if (!s) {
        s = new FakeSession(partition);
        sessions.set(partition, s);
      }
      return s;
    }),
  };

  /** What the preload exposed, by global name. */
  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed.set(key, api);
    }),
  };
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, data: { channel, args } })),
  };

  const module = { app, protocol, ipcMain, dialog, shell, Menu, session, safeStorage, contextBridge, ipcRenderer, BrowserWindow: FakeBrowserWindow };
  const mocks = [
    app.requestSingleInstanceLock,
    app.quit,
    app.exit,
    app.enableSandbox,
    app.getPath,
    protocol.registerSchemesAsPrivileged,
    protocol.handle,
    ipcMain.handle,
    dialog.showSaveDialog,
    dialog.showMessageBox,
    dialog.showOpenDialog,
    safeStorage.isAsyncEncryptionAvailable,
    safeStorage.encryptStringAsync,
    safeStorage.decryptStringAsync,
    shell.openExternal,
    shell.openPath,
    Menu.buildFromTemplate,
    Menu.setApplicationMenu,
    session.fromPartition,
    contextBridge.exposeInMainWorld,
    ipcRenderer.invoke,
  ];

  return {
    module,
    get state() {
      return state;
    },
    app,
    protocol,
    ipcMain,
    dialog,
    shell,
    Menu,
    session,
    safeStorage,
    contextBridge,
    ipcRenderer,
    BrowserWindow: FakeBrowserWindow,
    privilegedSchemes,
    protocolHandlers,
    ipcHandlers,
    exposed,
    sessions,
    /** Fires 'ready': app.whenReady() resolves. */
    async becomeReady(): Promise<void> {
      state.ready = true;
      resolveReady();
      appEvents.emit('ready');
      await new Promise((resolve) => setImmediate(resolve));
    },
    reset(): void {
      state = initialState();
      readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
      sessions.clear();
      defaultSession = new FakeSession('');
      appEvents.removeAllListeners();
      FakeBrowserWindow.instances = [];
      FakeBrowserWindow.focused = null;
      privilegedSchemes.length = 0;
      protocolHandlers.clear();
      ipcHandlers.clear();
      exposed.clear();
      for (const m of mocks) m.mockClear();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** An IPC event as sent by a frame showing `url` (or by a destroyed frame, when null). */
export function ipcEventFrom(url: string | null, sender: unknown = {}): { senderFrame: { url: string } | null; sender: unknown } {
  return { senderFrame: url === null ? null : { url }, sender };
}
