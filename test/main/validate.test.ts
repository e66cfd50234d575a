import { describe, expect, it } from 'vitest';
import { IpcError } from '../../electron/envelope';
import {
  MAX_FILE_NAME_CHARS,
  parseExternalUrl,
  parseFolderKind,
  parsePrintPdfRequest,
  parseSaveFileRequest,
  sanitizeFileName,
  withExtension,
} from '../../electron/validate';

describe('sanitizeFileName', () => {
  it('keeps a Hindi name as it is, including the joiners that shape conjuncts', () => {
    expect(sanitizeFileName('मितान रजिस्टर — बिलासपुर 2025.xlsx')).toBe('मितान रजिस्टर — बिलासपुर 2025.xlsx');
    expect(sanitizeFileName('क्\u200Dष.pdf')).toBe('क्\u200Dष.pdf');
    expect(sanitizeFileName('क्\u200Cष.pdf')).toBe('क्\u200Cष.pdf');
  });

  it('never returns a path', () => {
    for (const raw of ['../../Windows/System32/x.dll', '..\\..\\x.exe', '/etc/passwd', 'C:\\x.txt', '\\\\server\\share\\x']) {
      const name = sanitizeFileName(raw);
      expect(name, raw).not.toMatch(/[/\\:]/);
      expect(name.startsWith('.'), raw).toBe(false);
    }
    expect(sanitizeFileName('रजिस्टर 01/2025.xlsx')).toBe('रजिस्टर 01-2025.xlsx');
  });

  it('removes characters Windows refuses, control characters and direction overrides', () => {
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.xlsx')).toBe('a_b_c_d_e_f_g_h.xlsx');
    expect(sanitizeFileName('report\u0000\u0007\n.xlsx')).toBe('report.xlsx');
    expect(sanitizeFileName('invoice\u202Excsl.exe')).toBe('invoicexcsl.exe');
  });

  it('drops hidden-file dots and the trailing dots and spaces Windows would drop', () => {
    expect(sanitizeFileName('..hidden')).toBe('hidden');
    expect(sanitizeFileName('name. . ')).toBe('name');
    expect(sanitizeFileName('  a   b  ')).toBe('a b');
  });

  it('renames the device names Windows reserves', () => {
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('nul.txt')).toBe('_nul.txt');
    expect(sanitizeFileName('com1.xlsx')).toBe('_com1.xlsx');
    expect(sanitizeFileName('console.xlsx')).toBe('console.xlsx');
  });

  it('shortens a long name but keeps its extension', () => {
    const name = sanitizeFileName(`${'रजिस्टर'.repeat(50)}.xlsx`);
    expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('falls back to a name when nothing is left', () => {
    expect(sanitizeFileName('')).toBe('thana-desk');
    expect(sanitizeFileName('...')).toBe('thana-desk');
    expect(sanitizeFileName('\u0000', 'report')).toBe('report');
  });
});

describe('request checks', () => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (err) {
      return err instanceof IpcError ? err.code : 'not an IpcError';
    }
  };

  it('adds .pdf to a print name only when missing', () => {
    expect(withExtension('roster', 'pdf')).toBe('roster.pdf');
    expect(withExtension('roster.PDF', 'pdf')).toBe('roster.PDF');
    expect(parsePrintPdfRequest({ html: '<p>', suggestedName: '../roster' }).suggestedName).toBe('-roster.pdf');
  });

  it('accepts a well-formed save request, sanitising its name', () => {
    const data = new Uint8Array([1]);
    expect(parseSaveFileRequest({ suggestedName: 'a/b.csv', data, mimeType: 'text/csv', filters: [{ name: 'CSV', extensions: ['csv'] }] })).toEqual({
      suggestedName: 'a-b.csv',
      data,
      mimeType: 'text/csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('accepts a Buffer, which is a Uint8Array', () => {
    expect(code(() => parseSaveFileRequest({ suggestedName: 'a', data: Buffer.from('x'), mimeType: '', filters: [] }))).toBeUndefined();
  });

  it('refuses requests of the wrong shape with invalid-argument', () => {
    expect(code(() => parseSaveFileRequest(null))).toBe('invalid-argument');
    expect(code(() => parseSaveFileRequest([]))).toBe('invalid-argument');
    expect(code(() => parseSaveFileRequest({ suggestedName: 'a', data: new ArrayBuffer(1), mimeType: '', filters: [] }))).toBe('invalid-argument');
    expect(code(() => parseSaveFileRequest({ suggestedName: 'a', data: new Uint8Array(1), mimeType: 1, filters: [] }))).toBe('invalid-argument');
    expect(code(() => parsePrintPdfRequest({ html: '<p>', suggestedName: 'x'.repeat(2000) }))).toBe('invalid-argument');
  });

  it('knows the three folders and no other', () => {
    expect(['userData', 'backups', 'downloads'].map(parseFolderKind)).toEqual(['userData', 'backups', 'downloads']);
    expect(code(() => parseFolderKind('UserData'))).toBe('invalid-argument');
    expect(code(() => parseFolderKind({ toString: () => 'userData' }))).toBe('invalid-argument');
  });

  it('passes allowed links and refuses others with forbidden-url', () => {
    expect(parseExternalUrl('https://i4c.mha.gov.in/')).toBe('https://i4c.mha.gov.in/');
    expect(code(() => parseExternalUrl('https://example.com/'))).toBe('forbidden-url');
    expect(code(() => parseExternalUrl(['https://i4c.mha.gov.in/']))).toBe('invalid-argument');
  });
});
