import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { BRIDGE_GLOBAL, IPC } = await import('../../renderer/src/bridge/contract');

let bridge: Record<string, unknown>;

const NO_ARGUMENT = new Set([
  'appInfo',
  'backupList',
  'backupPickFile',
  'backupFolders',
  'backupChooseSecondFolder',
  'backupForgetSecondFolder',
  'updateStatus',
  'updateDownload',
  'updateDefer',
  'updateInstall',
]);

beforeAll(async () => {
  await import('../../electron/preload');
  const exposed = fake.exposed.get(BRIDGE_GLOBAL);
  if (typeof exposed !== 'object' || exposed === null) throw new Error('the preload exposed no bridge');
  bridge = { ...exposed };
});

describe('the preload', () => {
  it('exposes one object, under the contract name', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...fake.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
  });

  it('exposes exactly the methods of the contract, all functions', () => {
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(IPC).sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('exposes nothing that could reach any channel or listen to the main process', () => {
    for (const name of ['invoke', 'send', 'sendSync', 'on', 'once', 'postMessage', 'ipcRenderer', 'removeListener']) {
      expect(bridge).not.toHaveProperty(name);
    }
  });

  it.each(Object.entries(IPC))('%s calls only its own channel %s, passing its argument through', async (method, channel) => {
    fake.ipcRenderer.invoke.mockClear();
    const call = bridge[method];
    if (typeof call !== 'function') throw new Error(`${method} is not a function`);
    const answer: unknown = await call({ probe: method });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    const [usedChannel, ...args] = fake.ipcRenderer.invoke.mock.calls[0] ?? [];
    expect(usedChannel).toBe(channel);
    // Methods without an argument send none; every other method forwards exactly one.
    expect(args).toEqual(NO_ARGUMENT.has(method) ? [] : [{ probe: method }]);
    // The envelope from the main process reaches the renderer untouched.
    expect(answer).toEqual({ ok: true, data: { channel, args } });
  });
});
