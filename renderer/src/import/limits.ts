/**
 * What a picked file may be before it is parsed: its size, and for an .xlsx the sizes its zipped
 * parts unpack to (read from the zip's own directory, nothing unpacked) and the rows and columns
 * its sheets use (read by streaming through each sheet's XML, stopping at the first excess).
 * A 9 KB workbook that would expand to millions of cells, or a shared-strings part of 151 MB, is
 * refused before exceljs sees it.
 */
import { bi, DomainError } from '@/domain/bilingual';
import { groupIndian } from '@/domain/money';
import { SLICE_BUDGET_MS, timeSlicer } from '@/domain/timeslice';

export const IMPORT_LIMITS = {
  /** The file as picked (a 1-lakh-row roster is about 8 MB zipped). */
  fileBytes: 25 * 1024 * 1024,
  /** One part of the workbook, unpacked (a worksheet or the shared strings). */
  partBytes: 64 * 1024 * 1024,
  /** All parts together, unpacked. */
  totalBytes: 160 * 1024 * 1024,
  /** Parts in the zip. */
  parts: 2000,
  /** Rows of a sheet. */
  rows: 100_000,
  /** Columns of a sheet. */
  columns: 200,
} as const;

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const lakhs = groupIndian;

function tooLarge(code: string, hi: string, en: string): DomainError {
  return new DomainError(`import.limit.${code}`, bi(`${hi}। इसे छोटे भागों में बाँटकर आयात करें।`, `${en}. Split it into smaller files and import them one by one.`));
}

export function checkFileSize(bytes: number): void {
  if (bytes > IMPORT_LIMITS.fileBytes)
    throw tooLarge(
      'file',
      `फ़ाइल बहुत बड़ी है (${MB(bytes)}); अधिकतम ${MB(IMPORT_LIMITS.fileBytes)} की फ़ाइल पढ़ी जाती है`,
      `The file is too large (${MB(bytes)}); files up to ${MB(IMPORT_LIMITS.fileBytes)} are read`,
    );
}

export function checkSheetSize(rows: number, columns: number): void {
  if (rows > IMPORT_LIMITS.rows)
    throw tooLarge(
      'rows',
      `शीट में ${lakhs(IMPORT_LIMITS.rows)} से अधिक पंक्तियाँ हैं (पंक्ति ${lakhs(rows)} तक); अधिकतम ${lakhs(IMPORT_LIMITS.rows)} पंक्तियाँ पढ़ी जाती हैं`,
      `The sheet has more than ${lakhs(IMPORT_LIMITS.rows)} rows (up to row ${lakhs(rows)}); at most ${lakhs(IMPORT_LIMITS.rows)} rows are read`,
    );
  if (columns > IMPORT_LIMITS.columns)
    throw tooLarge(
      'columns',
      `शीट में ${IMPORT_LIMITS.columns} से अधिक स्तंभ हैं (स्तंभ ${columns} तक); अधिकतम ${IMPORT_LIMITS.columns} स्तंभ पढ़े जाते हैं`,
      `The sheet has more than ${IMPORT_LIMITS.columns} columns (up to column ${columns}); at most ${IMPORT_LIMITS.columns} columns are read`,
    );
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const damaged = () =>
  new DomainError('import.unreadable', bi('यह एक्सेल फ़ाइल पढ़ी नहीं जा सकी (खराब या पासवर्ड से सुरक्षित)', 'This Excel file could not be read (damaged or password protected)'));

/** The zip's central directory: every part's name and its sizes, packed and unpacked. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > IMPORT_LIMITS.parts)
    throw tooLarge('parts', `फ़ाइल में ${count} भाग हैं; अधिकतम ${IMPORT_LIMITS.parts}`, `The file has ${count} parts; at most ${IMPORT_LIMITS.parts}`);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged();
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      // 0xFFFFFFFF means a ZIP64 size (over 4 GB): far above every limit.
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Unpacked sizes within the limits, before anything is unpacked. */
export function checkZipParts(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > IMPORT_LIMITS.partBytes)
      throw tooLarge(
        'part',
        `फ़ाइल का भाग "${e.name}" खुलकर ${MB(e.size)} का होता है; अधिकतम ${MB(IMPORT_LIMITS.partBytes)}`,
        `The part "${e.name}" of the file unpacks to ${MB(e.size)}; at most ${MB(IMPORT_LIMITS.partBytes)}`,
      );
  }
  if (total > IMPORT_LIMITS.totalBytes)
    throw tooLarge(
      'total',
      `फ़ाइल खुलकर ${MB(total)} की होती है; अधिकतम ${MB(IMPORT_LIMITS.totalBytes)}`,
      `The file unpacks to ${MB(total)}; at most ${MB(IMPORT_LIMITS.totalBytes)}`,
    );
}

/** "AB" → 28 */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The XML of one zipped part, unpacked chunk by chunk (DecompressionStream: Chromium, workers, Node 20). */
async function* partText(bytes: Uint8Array, e: ZipEntry): AsyncGenerator<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = e.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged();
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const packed = bytes.subarray(start, start + e.compressedSize);
  const decoder = new TextDecoder();
  if (e.method === 0) {
    yield decoder.decode(packed);
    return;
  }
  if (e.method !== 8) throw damaged();
  const stream = new Blob([packed as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The last row and column each worksheet uses, read from its cells' references while streaming;
 * stops with a message at the first row or column over the limits. Pauses every `sliceMs` (on the
 * window's thread; a worker passes Infinity).
 */
export async function checkSheetExtents(bytes: Uint8Array, entries: ZipEntry[], sliceMs = SLICE_BUDGET_MS): Promise<void> {
  // Only rows (r="12") and cells (r="AB12") carry an r attribute in a worksheet.
  const ref = /\sr="([A-Z]*)(\d+)"/g;
  const slicer = timeSlicer(sliceMs);
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    let tail = '';
    let maxRow = 0;
    let maxCol = 0;
    for await (const chunk of partText(bytes, e)) {
      const text = tail + chunk;
      const cut = text.lastIndexOf('<');
      const scan = cut > 0 ? text.slice(0, cut) : text;
      tail = cut > 0 ? text.slice(cut) : '';
      ref.lastIndex = 0;
      let n = 0;
      for (let m = ref.exec(scan); m; m = ref.exec(scan)) {
        // A decompressed piece can hold a whole sheet: pause now and then (ref keeps its place).
        if (++n % 2000 === 0 && slicer.due()) await slicer.pause();
        const row = Number(m[2]);
        if (row > maxRow) maxRow = row;
        if (m[1]) {
          const col = columnNumber(m[1]);
          if (col > maxCol) maxCol = col;
        }
      }
      checkSheetSize(maxRow, maxCol);
    }
  }
}

/** Every check an .xlsx goes through before it is parsed (`sliceMs`: see checkSheetExtents). */
export async function checkWorkbook(bytes: Uint8Array, sliceMs = SLICE_BUDGET_MS): Promise<void> {
  checkFileSize(bytes.length);
  const entries = zipEntries(bytes);
  checkZipParts(entries);
  await checkSheetExtents(bytes, entries, sliceMs);
}
