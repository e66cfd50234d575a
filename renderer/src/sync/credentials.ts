/**
 * Hub passwords of this PC. In the desktop app they are kept by the main process, encrypted by the
 * operating system (safeStorage, the bridge's 'hubCredentials' secret); in web mode the browser
 * bridge keeps them in memory only, so they are asked again after a reload. Never in IndexedDB,
 * never in localStorage, never in a synced record.
 *
 * One secret holds both purposes: the station's own account and, on a district PC, the district
 * reader's account.
 */
import type { Bridge } from '@/bridge/contract';

export interface HubCredentials {
  /** Server root without credentials. */
  url: string;
  username: string;
  password: string;
}

export type CredentialPurpose = 'station' | 'district';

export interface CredentialStore {
  /** True when the password survives a restart (desktop app). */
  readonly persistent: boolean;
  get(purpose: CredentialPurpose): Promise<HubCredentials | null>;
  set(purpose: CredentialPurpose, c: HubCredentials): Promise<void>;
  clear(purpose: CredentialPurpose): Promise<void>;
}

type Stored = Partial<Record<CredentialPurpose, HubCredentials>>;

function valid(v: unknown): v is HubCredentials {
  const c = v as Partial<HubCredentials> | null;
  return !!c && typeof c.url === 'string' && typeof c.username === 'string' && typeof c.password === 'string';
}

function parse(raw: string | null): Stored {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const out: Stored = {};
    for (const k of ['station', 'district'] as const) if (valid(v[k])) out[k] = v[k];
    return out;
  } catch {
    return {};
  }
}

export function bridgeCredentialStore(bridge: Pick<Bridge, 'secretGet' | 'secretSet' | 'secretClear'>, persistent: boolean): CredentialStore {
  const read = async () => parse(await bridge.secretGet('hubCredentials'));
  const write = async (s: Stored) => {
    if (!s.station && !s.district) await bridge.secretClear('hubCredentials');
    else await bridge.secretSet({ name: 'hubCredentials', value: JSON.stringify(s) });
  };
  return {
    persistent,
    async get(purpose) {
      return (await read())[purpose] ?? null;
    },
    async set(purpose, c) {
      const s = await read();
      s[purpose] = { url: c.url, username: c.username, password: c.password };
      await write(s);
    },
    async clear(purpose) {
      const s = await read();
      delete s[purpose];
      await write(s);
    },
  };
}

/** For tests and tools: a store in memory. */
export function memoryCredentialStore(): CredentialStore {
  const s: Stored = {};
  return {
    persistent: false,
    async get(purpose) {
      return s[purpose] ?? null;
    },
    async set(purpose, c) {
      s[purpose] = { ...c };
    },
    async clear(purpose) {
      delete s[purpose];
    },
  };
}
