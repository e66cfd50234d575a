/**
 * Secrets of this PC (the backup passphrase, the hub credentials), encrypted by the operating
 * system through safeStorage (DPAPI on Windows: readable only by the same Windows user) and
 * kept in <userData>/secrets.json. A secret is never written in plain text: when the OS cannot
 * encrypt, setting one is refused with a clear error.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretName, SecretSetRequest } from '../renderer/src/bridge/contract';
import { SECRET_NAMES } from '../renderer/src/bridge/contract';
import { IpcError } from './envelope';
import { writeFileAtomic } from './backupsAtomicWrite';

export const SECRETS_FILE = 'secrets.json';
export const MAX_SECRET_CHARS = 4096;

/** Encryption by the OS, behind our own port so the store can be tested with a fake. */
export interface SecretCipher {
  available(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<string>;
}

/**
 * The parts of Electron's safeStorage used here. The async methods arrived in Electron 42 and
 * the sync ones go in 46; both write the same bytes, so a secret saved by one reads with the other.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable?: () => Promise<boolean> | boolean;
  encryptStringAsync?: (plainText: string) => Promise<Buffer>;
  decryptStringAsync?: (encrypted: Buffer) => Promise<{ result: string; shouldReEncrypt?: boolean } | string>;
  isEncryptionAvailable?: () => boolean;
  encryptString?: (plainText: string) => Buffer;
  decryptString?: (encrypted: Buffer) => string;
  getSelectedStorageBackend?: () => string;
}

/**
 * The async API when this Electron has it, the sync one otherwise (Electron 40 and 41).
 * On Linux without a keyring, safeStorage falls back to a fixed key ('basic_text'): that is
 * plain text in disguise, so it counts as unavailable.
 */
export function safeStorageCipher(ss: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  const hasAsync = typeof ss.encryptStringAsync === 'function' && typeof ss.decryptStringAsync === 'function';
  const weakBackend = () => platform === 'linux' && ss.getSelectedStorageBackend?.() === 'basic_text';
  return {
    async available() {
      if (hasAsync) {
        // Electron 42 answers a boolean, 43 and later a Promise.
        const ok = await Promise.resolve(ss.isAsyncEncryptionAvailable?.() ?? false);
        return ok && !weakBackend();
      }
      return (ss.isEncryptionAvailable?.() ?? false) && !weakBackend();
    },
    async encrypt(plain) {
      if (hasAsync) return ss.encryptStringAsync!(plain);
      if (!ss.encryptString) throw new Error('safeStorage has no encryption');
      return ss.encryptString(plain);
    },
    async decrypt(encrypted) {
      if (hasAsync) {
        const out = await ss.decryptStringAsync!(encrypted);
        return typeof out === 'string' ? out : out.result;
      }
      if (!ss.decryptString) throw new Error('safeStorage has no decryption');
      return ss.decryptString(encrypted);
    },
  };
}

export function parseSecretName(value: unknown): SecretName {
  const name = SECRET_NAMES.find((n) => n === value);
  if (!name) throw new IpcError('invalid-argument', 'unknown secret');
  return name;
}

export function parseSecretSetRequest(value: unknown): SecretSetRequest {
  if (typeof value !== 'object' || value === null) throw new IpcError('invalid-argument', 'secretSet needs a request object');
  const { name, value: secret } = value as Record<string, unknown>;
  if (typeof secret !== 'string' || secret.length === 0) throw new IpcError('invalid-argument', 'a secret must be non-empty text');
  if (secret.length > MAX_SECRET_CHARS) throw new IpcError('invalid-argument', 'the secret is too long');
  return { name: parseSecretName(name), value: secret };
}

interface SecretsFile {
  version: 1;
  /** name → base64 of the OS-encrypted bytes */
  secrets: Partial<Record<SecretName, string>>;
}

export class SecretStore {
  constructor(
    private readonly userData: string,
    private readonly cipher: SecretCipher,
  ) {}

  private get file(): string {
    return join(this.userData, SECRETS_FILE);
  }

  private async load(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} };
      throw err;
    }
    const parsed = JSON.parse(text) as Partial<SecretsFile>;
    return { version: 1, secrets: typeof parsed.secrets === 'object' && parsed.secrets !== null ? parsed.secrets : {} };
  }

  private async save(data: SecretsFile): Promise<void> {
    await mkdir(this.userData, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(data, null, 2));
  }

  async get(name: SecretName): Promise<string | null> {
    const stored = (await this.load()).secrets[name];
    if (stored === undefined) return null;
    if (!(await this.cipher.available())) throw unavailable();
    try {
      return await this.cipher.decrypt(Buffer.from(stored, 'base64'));
    } catch {
      // Another Windows user, a reinstalled OS, or a copied profile: the OS key is not this one.
      throw new IpcError('secret-unreadable', 'This secret was saved by another user or PC; set it again');
    }
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (!(await this.cipher.available())) throw unavailable();
    const encrypted = await this.cipher.encrypt(value);
    const data = await this.load();
    data.secrets[name] = encrypted.toString('base64');
    await this.save(data);
  }

  async clear(name: SecretName): Promise<void> {
    const data = await this.load();
    if (!(name in data.secrets)) return;
    delete data.secrets[name];
    await this.save(data);
  }
}

function unavailable(): IpcError {
  return new IpcError('secrets-unavailable', 'This PC cannot encrypt secrets (no OS key store); nothing was saved');
}
