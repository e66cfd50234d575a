/**
 * Checks of everything the renderer sends. The renderer is our own code, but it shows
 * text typed by people and read from imported files, so its requests are checked like input.
 */
import type { FileFilter, FolderKind, PrintPdfRequest, SaveFileRequest } from '../renderer/src/bridge/contract';
import { isAllowedExternalUrl } from '../renderer/src/bridge/contract';
import { IpcError } from './envelope';

export const MAX_FILE_BYTES = 500 * 1024 * 1024;
export const MAX_HTML_CHARS = 200 * 1024 * 1024;
export const MAX_FILE_NAME_CHARS = 120;
export const MAX_URL_CHARS = 2048;
export const FOLDER_KINDS: readonly FolderKind[] = ['userData', 'backups', 'downloads'];

function invalid(message: string): IpcError {
  return new IpcError('invalid-argument', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function boundedString(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw invalid(`${what} must be text`);
  if (value.length > max) throw invalid(`${what} is too long`);
  return value;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A file name that is safe on Windows and never a path. Devanagari is kept as it is,
 * including ZWJ/ZWNJ, which change how conjuncts are written.
 */
export function sanitizeFileName(raw: string, fallback = 'thana-desk'): string {
  let name = raw
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    // Direction overrides can make "evil\u202Exslx.exe" read as "evilexe.xlsx".
    .replace(/\p{Bidi_Control}/gu, '')
    .replace(/[/\\]/g, '-')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    // No hidden files and no "..", and Windows drops trailing dots and spaces anyway.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const chars = Array.from(name);
  if (chars.length > MAX_FILE_NAME_CHARS) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = chars.slice(0, MAX_FILE_NAME_CHARS - ext.length).join('').trimEnd() + ext;
  }
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return name === '' ? fallback : name;
}

export function withExtension(name: string, ext: string): string {
  return name.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? name : `${name}.${ext}`;
}

function isUint8Array(value: unknown): value is Uint8Array {
  // Not instanceof: a Uint8Array from another realm is still one.
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

function parseFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value) || value.length > 16) throw invalid('filters must be a short list');
  return value.map((f: unknown) => {
    if (!isRecord(f)) throw invalid('a filter must be an object');
    const name = boundedString(f.name, 'filter name', 100);
    if (!Array.isArray(f.extensions) || f.extensions.length === 0 || f.extensions.length > 16) {
      throw invalid('filter extensions must be a short list');
    }
    const extensions = f.extensions.map((e: unknown) => {
      if (typeof e !== 'string' || !/^(\*|[A-Za-z0-9]{1,16})$/.test(e)) throw invalid('bad filter extension');
      return e;
    });
    return { name, extensions };
  });
}

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  if (!isRecord(value)) throw invalid('saveFile needs a request object');
  if (!isUint8Array(value.data)) throw invalid('data must be a Uint8Array');
  if (value.data.byteLength > MAX_FILE_BYTES) throw invalid('file is larger than 500 MB');
  return {
    suggestedName: sanitizeFileName(boundedString(value.suggestedName, 'suggestedName', 1000)),
    data: value.data,
    mimeType: boundedString(value.mimeType, 'mimeType', 255),
    filters: parseFilters(value.filters),
  };
}

export function parsePrintPdfRequest(value: unknown): PrintPdfRequest {
  if (!isRecord(value)) throw invalid('printToPdf needs a request object');
  const html = boundedString(value.html, 'html', MAX_HTML_CHARS);
  const name = sanitizeFileName(boundedString(value.suggestedName, 'suggestedName', 1000));
  return { html, suggestedName: withExtension(name, 'pdf') };
}

function isFolderKind(value: unknown): value is FolderKind {
  return FOLDER_KINDS.some((kind) => kind === value);
}

export function parseFolderKind(value: unknown): FolderKind {
  if (!isFolderKind(value)) throw invalid('unknown folder');
  return value;
}

export function parseExternalUrl(value: unknown): string {
  const url = boundedString(value, 'url', MAX_URL_CHARS);
  if (!isAllowedExternalUrl(url)) throw new IpcError('forbidden-url', 'This link is not allowed');
  return url;
}
