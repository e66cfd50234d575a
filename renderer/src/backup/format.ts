/**
 * The station backup file: a readable header line (format, thana, checksum, key derivation)
 * followed by the gzip-compressed, AES-GCM-encrypted database. The checksum covers the encrypted
 * bytes, so a damaged file is told apart from a wrong passphrase before anything is decrypted.
 *
 * Format 2 authenticates the header with the data: everything in it but the checksum is AES-GCM
 * additional data, so a header edited by hand (another thana's code, say) fails to decrypt like a
 * wrong passphrase. Format 1 files (no additional data) stay readable; their header is trusted for
 * nothing: restore checks the thana inside the decrypted data (db/backup.ts). The key derivation a
 * file asks for must lie in a fixed range, so a file cannot make the PC spin on 50 million rounds.
 */
import { bi, DomainError } from '@/domain/bilingual';

export const BACKUP_FORMAT = 'cyber-mitan-thana-backup';
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_KDF_ITERATIONS = 310_000;
/** The rounds a backup may ask for: what this app writes, with room either side, and no more. */
export const BACKUP_KDF_MIN_ITERATIONS = 100_000;
export const BACKUP_KDF_MAX_ITERATIONS = 2_000_000;

/** Tests make backups with few rounds; the app never lowers the floor. */
let kdfFloor = BACKUP_KDF_MIN_ITERATIONS;
export function setBackupKdfFloorForTests(n: number): void {
  kdfFloor = n;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  thana: string;
  thanaName: string;
  createdAt: string;
  appVersion: string;
  dbVersion: number;
  records: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** SHA-256 of the encrypted payload, hex. */
  sha256: string;
  bytes: number;
}

type AuthenticatedHeader = Omit<BackupHeader, 'sha256' | 'bytes'>;

/** The header without its checksum, as bytes: the AES-GCM additional data of format 2. */
function additionalData(header: BackupHeader | AuthenticatedHeader): Uint8Array<ArrayBuffer> {
  const { sha256: _sha, bytes: _bytes, ...rest } = header as BackupHeader;
  return enc.encode(JSON.stringify(rest));
}

export interface BackupContent {
  dbVersion: number;
  tables: Record<string, unknown[]>;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function hex(buf: ArrayBuffer | Uint8Array): string {
  return Array.from(buf instanceof Uint8Array ? buf : new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

function unhex(s: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function pipeThrough(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

export function assertPassphrase(passphrase: string): void {
  if (passphrase.trim().length < 8)
    throw new DomainError(
      'backup.passphrase',
      bi('बैकअप पासफ़्रेज़ कम से कम 8 अक्षरों का हो', 'The backup passphrase must be at least 8 characters'),
    );
}

export async function encodeBackup(
  content: BackupContent,
  meta: Pick<BackupHeader, 'thana' | 'thanaName' | 'createdAt' | 'appVersion' | 'records'>,
  passphrase: string,
  iterations = BACKUP_KDF_ITERATIONS,
): Promise<Uint8Array> {
  assertPassphrase(passphrase);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const plain = await pipeThrough(enc.encode(JSON.stringify(content)), new CompressionStream('gzip'));
  const authenticated: AuthenticatedHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    thana: meta.thana,
    thanaName: meta.thanaName,
    createdAt: meta.createdAt,
    appVersion: meta.appVersion,
    records: meta.records,
    dbVersion: content.dbVersion,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: hex(salt) },
    cipher: { name: 'AES-GCM', iv: hex(iv) },
  };
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(authenticated) }, key, plain));
  const header: BackupHeader = { ...authenticated, sha256: hex(await crypto.subtle.digest('SHA-256', cipher)), bytes: cipher.length };
  const head = enc.encode(JSON.stringify(header) + '\n');
  const out = new Uint8Array(head.length + cipher.length);
  out.set(head, 0);
  out.set(cipher, head.length);
  return out;
}

const damaged = () =>
  new DomainError('backup.damaged', bi('बैकअप फ़ाइल खराब है या अधूरी है; कुछ नहीं बदला गया', 'The backup file is damaged or incomplete; nothing was changed'));

/** Read and check the header and checksum without the passphrase. */
export async function readBackupHeader(file: Uint8Array): Promise<{ header: BackupHeader; payload: Uint8Array<ArrayBuffer> }> {
  const nl = file.indexOf(10);
  if (nl < 0 || nl > 64 * 1024) throw damaged();
  let header: BackupHeader;
  try {
    header = JSON.parse(dec.decode(file.subarray(0, nl))) as BackupHeader;
  } catch {
    throw damaged();
  }
  if (header.format !== BACKUP_FORMAT)
    throw new DomainError('backup.format', bi('यह साइबर मितान थाना डेस्क की बैकअप फ़ाइल नहीं है', 'This is not a Cyber Mitan Thana Desk backup file'));
  if (header.formatVersion > BACKUP_FORMAT_VERSION)
    throw new DomainError(
      'backup.version',
      bi('यह बैकअप ऐप के नए संस्करण का है; पहले ऐप अपडेट करें', 'This backup was made by a newer version of the app; update the app first'),
    );
  assertKdf(header);
  const payload = new Uint8Array(file.subarray(nl + 1));
  if (payload.length !== header.bytes) throw damaged();
  if (hex(await crypto.subtle.digest('SHA-256', payload)) !== header.sha256) throw damaged();
  return { header, payload };
}

const HEX = (n: number) => new RegExp(`^[0-9a-f]{${n}}$`);

/** Key derivation and cipher parameters a file may ask for; anything else is refused before any work. */
function assertKdf(header: BackupHeader): void {
  const { kdf, cipher } = header as Partial<BackupHeader>;
  const ok =
    typeof kdf === 'object' && kdf !== null && kdf.name === 'PBKDF2' && kdf.hash === 'SHA-256' &&
    Number.isInteger(kdf.iterations) && kdf.iterations >= kdfFloor && kdf.iterations <= BACKUP_KDF_MAX_ITERATIONS &&
    typeof kdf.salt === 'string' && HEX(32).test(kdf.salt) &&
    typeof cipher === 'object' && cipher !== null && cipher.name === 'AES-GCM' && typeof cipher.iv === 'string' && HEX(24).test(cipher.iv);
  if (!ok)
    throw new DomainError(
      'backup.kdf',
      bi(
        `बैकअप फ़ाइल की कुंजी-सेटिंग मान्य सीमा (${BACKUP_KDF_MIN_ITERATIONS.toLocaleString('en-IN')}–${BACKUP_KDF_MAX_ITERATIONS.toLocaleString('en-IN')} चक्र, PBKDF2-SHA-256, AES-GCM) से बाहर है; फ़ाइल बदली गई है या खराब है; कुछ नहीं बदला गया`,
        `The backup file's key settings are outside the allowed range (${BACKUP_KDF_MIN_ITERATIONS.toLocaleString('en-IN')}–${BACKUP_KDF_MAX_ITERATIONS.toLocaleString('en-IN')} rounds, PBKDF2-SHA-256, AES-GCM); the file was altered or is damaged; nothing was changed`,
      ),
    );
}

export async function decodeBackup(file: Uint8Array, passphrase: string): Promise<{ header: BackupHeader; content: BackupContent }> {
  const { header, payload } = await readBackupHeader(file);
  const key = await deriveKey(passphrase, unhex(header.kdf.salt), header.kdf.iterations);
  let plain: Uint8Array<ArrayBuffer>;
  try {
    // Format 1 had no additional data; a format-2 file relabelled as 1 still fails here.
    const params: AesGcmParams = { name: 'AES-GCM', iv: unhex(header.cipher.iv), ...(header.formatVersion >= 2 ? { additionalData: additionalData(header) } : {}) };
    plain = new Uint8Array(await crypto.subtle.decrypt(params, key, payload));
  } catch {
    // The checksum matched, so the bytes are intact: the key is wrong, or the header was edited.
    throw new DomainError(
      'backup.passphrase.wrong',
      bi('बैकअप पासफ़्रेज़ गलत है, या फ़ाइल का शीर्ष भाग बदला गया है; कुछ नहीं बदला गया', 'Wrong backup passphrase, or the file’s header was altered; nothing was changed'),
    );
  }
  const json = await pipeThrough(plain, new DecompressionStream('gzip'));
  return { header, content: JSON.parse(dec.decode(json)) as BackupContent };
}
