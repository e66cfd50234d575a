import { afterEach, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { checkFileSize, IMPORT_LIMITS } from '../../../renderer/src/import/limits';
import { closeReader, readSpreadsheet, warmReader } from '../../../renderer/src/import/read';
import { zipParts } from './zip';

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('मितान');
  ws.addRow(['नाम', 'मोबाइल']);
  fill(ws);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('Import limits, checked before a workbook is parsed (issue 14 §7)', () => {
  afterEach(() => {
    closeReader();
    vi.unstubAllGlobals();
  });

  it('refuses a file over the size limit and says the limit in Hindi and English', () => {
    expect(() => checkFileSize(IMPORT_LIMITS.fileBytes + 1)).toThrow(DomainError);
    try {
      checkFileSize(30 * 1024 * 1024);
    } catch (e) {
      expect((e as DomainError).bilingual.hi).toContain('अधिकतम 25 MB');
      expect((e as DomainError).bilingual.en).toContain('files up to 25 MB');
    }
    expect(() => checkFileSize(1024)).not.toThrow();
  });

  it('refuses a 9 KB workbook that would expand to 6.5 million cells, from its cell references', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell(400, 16384).value = 'x'; // XFD400: 400 rows × 16,384 columns
    });
    expect(bytes.length).toBeLessThan(10 * 1024);
    const err = await refusal(readSpreadsheet(bytes, 'bomb.xlsx'));
    expect(err.code).toBe('import.limit.columns');
    expect(err.bilingual.hi).toContain('अधिकतम 200 स्तंभ');
    expect(err.bilingual.en).toContain('at most 200 columns');
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell(150_000, 1).value = 'x';
    });
    const err = await refusal(readSpreadsheet(bytes, 'rows.xlsx'));
    expect(err.code).toBe('import.limit.rows');
    expect(err.bilingual.en).toContain('at most 1,00,000 rows');
  });

  it('refuses a valid workbook whose shared-strings part unpacks to 151 MB, from the zip directory alone', async () => {
    const zip = await JSZip.loadAsync(await workbook((ws) => ws.addRow(['राम', 9826100001])));
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, data: await f.async('uint8array') })));
    const big = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'a'.repeat(151 * 1024 * 1024)}</t></si></sst>`;
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    strings.data = Buffer.from(big);
    const bytes = zipParts(parts);
    expect(bytes.length).toBeLessThan(IMPORT_LIMITS.fileBytes);
    const err = await refusal(readSpreadsheet(bytes, 'strings.xlsx'));
    expect(err.code).toBe('import.limit.part');
    expect(err.bilingual.en).toContain('"xl/sharedStrings.xml" of the file unpacks to 151 MB; at most 64 MB');
  }, 30_000);

  it('a workbook within the limits is read as before', async () => {
    const sheets = await readSpreadsheet(await workbook((ws) => ws.addRow(['राम', 9826100001])), 'ok.xlsx');
    expect(sheets[0]!.rows[1]).toEqual(['राम', 9826100001]);
  });

  /** A Worker stand-in (Node has none) that answers each posted file with `answer`. */
  function fakeWorker(started: string[], answer: (w: EventTarget) => void) {
    vi.stubGlobal(
      'Worker',
      class extends EventTarget {
        constructor(url: URL) {
          super();
          started.push(String(url));
          setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { kind: 'ready' } })), 0);
        }
        postMessage() {
          setTimeout(() => answer(this), 0);
        }
        terminate() {}
      },
    );
  }

  it('a worker that dies is reported, and the file is not read again on the window thread', async () => {
    const started: string[] = [];
    fakeWorker(started, (w) => w.dispatchEvent(new Event('error', { cancelable: true })));
    const bytes = await workbook((ws) => ws.addRow(['राम', 9826100001]));
    const err = await refusal(readSpreadsheet(bytes, 'x.xlsx', { workerFromBytes: 0 }));
    expect(started).toHaveLength(1);
    expect(err.code).toBe('import.workerFailed');
    expect(err.bilingual.hi).toContain('रुक गई');
  });

  it("the worker's size refusal comes back as the same bilingual message, and the reader started ahead is the one used", async () => {
    const started: string[] = [];
    fakeWorker(started, (w) =>
      w.dispatchEvent(new MessageEvent('message', { data: { kind: 'refused', code: 'import.limit.rows', bilingual: { hi: 'शीट में बहुत पंक्तियाँ', en: 'Too many rows' } } })),
    );
    await warmReader();
    const err = await refusal(readSpreadsheet(await workbook((ws) => ws.addRow(['राम'])), 'x.xlsx'));
    expect(started).toHaveLength(1);
    expect(err.code).toBe('import.limit.rows');
    expect(err.bilingual).toEqual({ hi: 'शीट में बहुत पंक्तियाँ', en: 'Too many rows' });
  });
});
