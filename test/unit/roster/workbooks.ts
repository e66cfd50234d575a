/** Messy roster workbooks, made the way stations make them, for the import tests and the bench. */
import ExcelJS from 'exceljs';

export const HEADINGS = [
  'क्र.',
  '(1) नाम',
  'पिता/पति का नाम',
  'लिंग',
  'जन्मतिथि',
  'आयु',
  'मोबाइल नं.',
  'व्हाट्सएप',
  'दल क्रमांक',
  'ग्राम/वार्ड',
  'श्रेणी',
  'सहमति दिनांक',
  'प्रशिक्षण दिनांक',
  'पहचान पत्र',
  'आधार नंबर',
  'स्थिति',
];

export function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export type Cell = ExcelJS.CellValue;

/** A sheet with two merged title rows, a blank row, the headings and a "1 2 3 …" row above the data. */
export async function rosterWorkbook(rows: Cell[][], opts: { repeatHeaderEvery?: number; headings?: string[] } = {}): Promise<Uint8Array> {
  const headings = opts.headings ?? HEADINGS;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('सूचना').addRow(['यह शीट केवल जानकारी के लिए है']);
  const ws = wb.addWorksheet('मितान सूची');
  ws.addRow(['थाना कोटा, जिला बिलासपुर (छ.ग.)']);
  ws.addRow(['साइबर मितान पंजी — दल विवरण']);
  ws.mergeCells(1, 1, 1, headings.length);
  ws.mergeCells(2, 1, 2, headings.length);
  ws.addRow([]);
  ws.addRow(headings);
  ws.addRow(headings.map((_, i) => i + 1));
  rows.forEach((r, i) => {
    if (opts.repeatHeaderEvery && i > 0 && i % opts.repeatHeaderEvery === 0) ws.addRow(headings);
    const row = ws.addRow(r);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd-mm-yyyy';
    });
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** n generated roster rows: names, mobiles 9100000000+i, teams 1/2, the three seeded villages. */
export function generatedRows(n: number, start = 0): Cell[][] {
  const villages = ['बेलतरा', 'करगीकला', 'वार्ड क्रमांक 5'];
  const out: Cell[][] = [];
  for (let k = start; k < start + n; k++) {
    out.push([
      k + 1,
      k % 2 ? `Ramesh Kumar ${k}` : `सीता बाई ${k}`,
      k % 2 ? `Shyam Lal ${k}` : `मोहन लाल ${k}`,
      k % 2 ? 'पुरुष' : 'महिला',
      k % 3 === 0 ? new Date(Date.UTC(1980 + (k % 20), k % 12, 1 + (k % 28))) : k % 3 === 1 ? `${String(1 + (k % 28)).padStart(2, '0')}-0${1 + (k % 9)}-19${70 + (k % 25)}` : null,
      k % 3 === 2 ? 20 + (k % 40) : null,
      k % 4 === 0 ? `9.${String(9100000000 + k).slice(1)}E+09` : 9100000000 + k,
      k % 2 ? 'हाँ' : 'नहीं',
      `दल ${1 + (k % 2)}`,
      villages[k % 3],
      k % 5 ? 'स्वयंसेवक' : 'छात्र',
      excelSerial(2026, 2, 1 + (k % 28)),
      k % 2 ? new Date(Date.UTC(2026, 1, 20)) : null,
      null,
      null,
      'सक्रिय',
    ]);
  }
  return out;
}
