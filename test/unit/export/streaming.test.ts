// The streaming writer's package: a valid ZIP (CRC and sizes in the descriptors agree with the
// content), well-formed XML whatever a writer typed, and the parts Excel needs.
import { describe, expect, it } from 'vitest';
import { crc32 as nodeCrc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { bi } from '../../../renderer/src/domain/bilingual';
import type { SheetSpec } from '../../../renderer/src/export/sheet';
import { createWorkbookWriter } from '../../../renderer/src/export/xlsx/writer';
import { crc32 } from '../../../renderer/src/export/xlsx/zip';
import { zipEntries, zipText } from './unzip';

const spec: SheetSpec = {
  sheetName: "नोट्स: 'A/B' [परीक्षण]",
  district: 'बिलासपुर',
  thana: 'कोटा & सकरी',
  title: bi('परीक्षण पंजी', 'Test register <1>'),
  subtitle: 'अवधि: "सभी"',
  columns: [
    { label: bi('क्र.', 'S. No.'), kind: 'text', width: 6, total: false },
    { label: bi('विवरण', 'Details'), kind: 'text', width: 30, total: false },
    { label: bi('संख्या', 'Count'), kind: 'int', width: 10, total: true },
  ],
  printedOn: '20-11-2026',
  signatures: null,
};

async function write(rows: string[]): Promise<Uint8Array> {
  const writer = await createWorkbookWriter({ mode: 'streaming', created: new Date('2026-11-20T05:30:00Z') });
  const sheet = await writer.addSheet(spec);
  rows.forEach((text, i) => sheet.addRow({ cells: [String(i + 1), text, i] }));
  await sheet.close({ cells: ['योग / Total', null, 3] });
  return writer.finish();
}

describe('the streaming writer', () => {
  it('computes the same CRC-32 as zlib', () => {
    const bytes = new TextEncoder().encode('साइबर मितान — थाना डेस्क '.repeat(1000));
    expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    expect(crc32(bytes.subarray(100), crc32(bytes.subarray(0, 100)))).toBe(nodeCrc32(bytes));
  });

  it('writes a ZIP whose descriptors match the content', async () => {
    const data = await write(['a', 'b']);
    const entries = zipEntries(data);
    expect([...entries.keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    const buf = Buffer.from(data);
    // Every local entry is followed by a data descriptor with the CRC and sizes of its content.
    let at = 0;
    for (;;) {
      if (buf.readUInt32LE(at) !== 0x04034b50) break;
      const nameLen = buf.readUInt16LE(at + 26);
      const name = buf.toString('utf8', at + 30, at + 30 + nameLen);
      const start = at + 30 + nameLen;
      const desc = buf.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start);
      const content = entries.get(name)!;
      expect(buf.readUInt32LE(desc + 4), name).toBe(nodeCrc32(content));
      expect(buf.readUInt32LE(desc + 8), name).toBe(desc - start);
      expect(buf.readUInt32LE(desc + 12), name).toBe(content.length);
      at = desc + 16;
    }
    expect(at).toBeGreaterThan(0);
  });

  it('keeps the text of any entry readable: markup characters escaped, control characters dropped, spaces and new lines kept', async () => {
    const tricky = ['<b>R&D</b> "quoted" \'single\'', '  leading and trailing  ', 'line one\nline two', 'bell\u0007 and nul\u0000 gone', ']]> &amp; &lt;'];
    const data = await write(tricky);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('नोट्स A B परीक्षण');
    expect([7, 8, 9, 10, 11].map((r) => ws.getCell(`B${r}`).value)).toEqual([tricky[0], tricky[1], tricky[2], 'bell and nul gone', tricky[4]]);
    expect(ws.getCell('A1').value).toBe('जिला बिलासपुर, थाना कोटा & सकरी');
    expect(ws.getCell('A2').value).toBe('परीक्षण पंजी / Test register <1>');
    expect(ws.headerFooter.oddFooter).toContain('थाना कोटा && सकरी');
    expect(ws.getCell('C12').value).toBe(3);
    const workbookXml = zipText(data, 'xl/workbook.xml');
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'नोट्स A B परीक्षण'!$A:$A,'नोट्स A B परीक्षण'!$4:$6</definedName>`);
    expect(zipText(data, 'xl/worksheets/sheet1.xml')).toContain('<printOptions horizontalCentered="1"/>');
  });

  it('writes two sheets side by side (a register and its "All fields" sheet), and refuses to finish with one open', async () => {
    const writer = await createWorkbookWriter({ mode: 'streaming' });
    const first = await writer.addSheet(spec);
    const second = await writer.addSheet({ ...spec, sheetName: 'दूसरी' });
    for (let i = 1; i <= 1500; i++) {
      first.addRow({ cells: [String(i), 'x', i] });
      second.addRow({ cells: [String(i), 'y', 2 * i] });
      if (i % 500 === 0) await Promise.all([first.flush(), second.flush()]);
    }
    await first.close(null);
    await expect(writer.finish()).rejects.toThrow(/Close the sheets/);
    await second.close(null);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writer.finish()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['नोट्स A B परीक्षण', 'दूसरी']);
    expect(wb.worksheets[1]!.getCell('B7').value).toBe('y');
    expect(wb.worksheets[1]!.getCell('C1506').value).toBe(3000);
    expect(wb.worksheets[0]!.getCell('C1506').value).toBe(1500);
    expect(wb.worksheets[1]!.pageSetup.printTitlesRow).toBe('4:6');
  });
});
