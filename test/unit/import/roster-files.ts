/**
 * Roster workbooks shaped like the ones thanas keep (issue 17), for the unit and e2e tests:
 * two merged title rows, a Hindi and an English header row, a blank row, a repeated header in
 * the middle, dates as serials and as text, mobiles in scientific notation, a signature at the foot,
 * and no team or consent column. 6 good rows, 4 bad ones.
 */
import ExcelJS from 'exceljs';

const HINDI = ['क्र.', 'नाम', 'पिता/पति का नाम', 'लिंग', 'जन्मतिथि', 'आयु', 'मोबाइल नंबर', 'ग्राम/वार्ड', 'श्रेणी', 'प्रशिक्षण दिनांक'];
const ENGLISH = ['S.No.', 'Name', "Father's/Husband's name", 'Gender', 'Date of birth', 'Age', 'Mobile number', 'Village/Ward', 'Category', 'Training date'];

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** The 10 data rows: which are good and why the others are refused. */
export const ISSUE_ROWS: { cells: ExcelJS.CellValue[]; good: boolean; why?: string }[] = [
  { cells: [1, 'सीमा यादव', 'राम यादव', 'महिला', serial(1998, 4, 12), null, '9.826100001E+09', 'सकरी', 'छात्र', serial(2026, 2, 20)], good: true },
  { cells: [2, 'अनिल वर्मा', 'सुरेश वर्मा', 'पुरुष', '05-06-1990', null, 9826100002, 'बेलतरा', 'स्वयंसेवक', '20-02-2026'], good: true },
  { cells: [3, 'गोपाल साहू', 'मोहन साहू', 'पुरुष', null, 40, '+91 98261 00003', 'ग्राम सकरी', 'शिक्षक', null], good: true },
  { cells: [4, 'बालक', 'पिता', 'पुरुष', null, 16, 9826100004, 'बेलतरा', 'छात्र', null], good: false, why: '18' },
  { cells: [5, 'गलत नंबर', 'पिता', 'पुरुष', null, 30, '12345', 'बेलतरा', 'स्वयंसेवक', null], good: false, why: 'Mobile number is not valid' },
  { cells: [6, 'रीता बाई', 'मोहन', 'महिला', '1985-01-15', null, '9.82610E+09', 'बेलतरा', 'स्वयंसेवक', null], good: false, why: 'scientific notation' },
  { cells: [7, 'कमला देवी', 'रामू', 'महिला', null, 45, 9826100007, 'सकरी', 'जनप्रतिनिधि', null], good: true },
  { cells: [8, 'दोहराव', 'पिता', 'पुरुष', null, 30, 9826100002, 'बेलतरा', 'स्वयंसेवक', null], good: false, why: 'row' },
  { cells: [9, 'सुरेश पटेल', 'हरि पटेल', 'पुरुष', '12/03/1980', null, 9826100009, 'बेलतरा', 'स्वयंसेवक', null], good: true },
  { cells: [10, 'ममता साहू', 'दिनेश साहू', 'महिला', null, 33, 9826100010, 'सकरी', 'स्वयंसेवक', null], good: true },
];

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The roster at the top of issue 17. */
export async function issueRosterWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('मितान सूची');
  ws.addRow(['कार्यालय थाना कोटा, जिला बिलासपुर (छ.ग.)']);
  ws.addRow(['साइबर मितान सूची — वर्ष 2026']);
  ws.mergeCells(1, 1, 1, HINDI.length);
  ws.mergeCells(2, 1, 2, HINDI.length);
  ws.addRow(HINDI);
  ws.addRow(ENGLISH);
  ISSUE_ROWS.forEach((r, i) => {
    if (i === 3) ws.addRow([]); // a blank row
    if (i === 6) ws.addRow(HINDI); // the header again, as on a second printed page
    ws.addRow(r.cells);
  });
  ws.addRow([]);
  ws.addRow([null, 'हस्ताक्षर', null, null, null, null, 'थाना प्रभारी', 'थाना कोटा']);
  ws.addRow([null, 'दिनांक: 25-11-2026']);
  return bytesOf(wb);
}

/** The same people typed in Kruti Dev 010 (names and villages), with Hindi headings typed in the font too. */
export const KRUTI_ROWS: [string, string, string, number, number, string][] = [
  ["jes'k dqekj lkgw", "';ke yky lkgw", 'iq#"k', 34, 9826200001, 'ldjh'],
  ['lquhrk oekZ', "fd'kksj oekZ", 'efgyk', 29, 9826200002, 'csyrjk'],
];
export const KRUTI_NAMES = ['रमेश कुमार साहू', 'सुनीता वर्मा'];

/** A roster typed in a legacy font: a sheet, a merged title row, a header row, the rows numbered from 1. */
function legacyRosterWorkbook(sheet: string, title: string, header: string[], rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, 7);
  ws.addRow(header);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  return bytesOf(wb);
}

export function krutiRosterWorkbook(): Promise<Uint8Array> {
  return legacyRosterWorkbook('lwph', 'Fkkuk dksVk & lkbcj ferku lwph', ['Ø-', 'uke', 'firk dk uke', 'fyax', 'vk;q', 'eksckby uacj', 'xzke'], KRUTI_ROWS);
}

/**
 * The same kind of roster typed in Chanakya, headings included: every cell as an independent
 * Unicode → Chanakya converter (ErParmod/hindi-font-converter) writes it.
 */
export const CHANAKYA_ROWS: [string, string, string, number, number, string][] = [
  ['ÚU×ðàæ ·¤é×æÚU âæãê', 'àØæ× ÜæÜ âæãê', 'ÂéL¤á', 34, 9826400001, 'â·¤ÚUè'],
  ['âéÙèÌæ ØæÎß', 'ç·¤àæôÚU ØæÎß', '×çãÜæ', 29, 9826400002, 'ÕðÜÌÚUæ'],
];
export const CHANAKYA_NAMES = ['रमेश कुमार साहू', 'सुनीता यादव'];

export function chanakyaRosterWorkbook(): Promise<Uint8Array> {
  return legacyRosterWorkbook('âê¿è', 'ÍæÙæ ·¤ôÅUæ - âæ§ÕÚU ç×ÌæÙ âê¿è', ['S.No.', 'Ùæ×', 'çÂÌæ ·¤æ Ùæ×', 'çÜ´»', '¥æØé', '×ôÕæ§Ü Ù´ÕÚU', '»ýæ×'], CHANAKYA_ROWS);
}

/** Villages written in Latin letters, as an English-medium office writes them. */
export async function latinVillagesWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mitans');
  ws.addRow(['S.No.', 'Name', 'Father name', 'Gender', 'Age', 'Mobile', 'Village']);
  ws.addRow([1, 'Pooja Sahu', 'Ramesh Sahu', 'F', 24, 9826300001, 'Sakri']);
  ws.addRow([2, 'Vikas Yadav', 'Mohan Yadav', 'M', 31, 9826300002, 'Beltara']);
  ws.addRow([3, 'Ajay Patel', 'Hari Patel', 'M', 27, 9826300003, 'Sakri']);
  return bytesOf(wb);
}
