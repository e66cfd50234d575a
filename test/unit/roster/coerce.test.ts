import { describe, expect, it } from 'vitest';
import { normText, plainValue } from '../../../renderer/src/import/cells';
import { coerceCell, excelSerialToDate, matchOption, parseDateLoose } from '../../../renderer/src/import/coerce';
import { parseCsv, decodeText } from '../../../renderer/src/import/csv';
import { detectHeader, headingsOf, proposeMapping } from '../../../renderer/src/import/header';
import { createRefResolver, placeRefKey, teamRefKey } from '../../../renderer/src/import/refs';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { GENDERS, MITAN_CATEGORIES } from '../../../renderer/src/domain/roster/rules';
import type { FieldDef } from '../../../renderer/src/domain/registers/types';
import { TODAY } from './fixture';

const field = (key: string) => mitanRegister.fields.find((f) => f.key === key) as FieldDef;

describe('Reading cells', () => {
  it('unwraps rich text, formulas, hyperlinks and errors', () => {
    expect(plainValue({ richText: [{ text: 'राम ' }, { text: 'कुमार' }] })).toBe('राम कुमार');
    expect(plainValue({ formula: 'A1+1', result: 31 })).toBe(31);
    expect(plainValue({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(plainValue({ formula: 'TODAY()', result: new Date('2026-01-02T00:00:00Z') })).toEqual(new Date('2026-01-02T00:00:00Z'));
    expect(plainValue({ text: 'सक्रिय', hyperlink: 'https://x' })).toBe('सक्रिय');
    expect(plainValue({ error: '#N/A' })).toBeNull();
    expect(plainValue(undefined)).toBeNull();
  });

  it('normalises headings: NFC, case, numbering, punctuation', () => {
    expect(normText('(3) मोबाइल नं.')).toBe('मोबाइल नं');
    expect(normText('1. Name')).toBe('name');
    expect(normText('  Father’s / Husband’s  NAME ')).toBe('father s husband s name');
    expect(normText('ग्राम/वार्ड')).toBe('ग्राम वार्ड');
    // A decomposed nukta (क + ़) equals the precomposed letter after NFC.
    expect(normText('फ़ोन')).toBe(normText('फ\u093Cोन'));
  });
});

describe('Dates as stations type them', () => {
  it.each([
    [new Date(Date.UTC(2024, 4, 2)), '2024-05-02'],
    [new Date('2024-05-01T18:30:00Z'), '2024-05-01'], // a local-midnight IST date: Excel shows 01-05
    [45414, '2024-05-02'],
    ['45414', '2024-05-02'],
    ['02-05-2024', '2024-05-02'],
    ['2/5/2024', '2024-05-02'],
    ['02/05/24', '2024-05-02'],
    ['02.05.2024', '2024-05-02'],
    ['02 - 05 - 2024', '2024-05-02'],
    ['2024-05-02', '2024-05-02'],
    ['2 May 2024', '2024-05-02'],
    ['02-May-24', '2024-05-02'],
    ['May 2, 2024', '2024-05-02'],
    ['2 मई 2024', '2024-05-02'],
    ['१५ अगस्त १९८५', '1985-08-15'],
    ['०२-०५-२०२४', '2024-05-02'],
    ['Thu May 02 2024 05:30:00 GMT+0530 (India Standard Time)', '2024-05-02'],
    ['02052024', '2024-05-02'],
    ['05/06/98', '1998-06-05'],
  ])('%s → %s', (input, out) => {
    expect(parseDateLoose(input, TODAY)).toBe(out);
  });

  it('refuses what is not a date', () => {
    for (const v of ['31-02-2024', 'कल', '13/13/2024', '', true, 0]) expect(parseDateLoose(v as never, TODAY)).toBeNull();
    expect(excelSerialToDate(60)).toBe('1900-02-28');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    // An unreadable date is passed on as text, so validation explains it.
    expect(coerceCell(field('dob'), 'पता नहीं', TODAY)).toEqual({ value: 'पता नहीं' });
  });
});

describe('Numbers, mobiles, yes/no and choices', () => {
  it('reads numbers stored as text, with Hindi digits or words after them', () => {
    expect(coerceCell(field('age'), '35', TODAY).value).toBe(35);
    expect(coerceCell(field('age'), '३५ वर्ष', TODAY).value).toBe(35);
    expect(coerceCell(field('age'), '35 years', TODAY).value).toBe(35);
    expect(coerceCell(field('age'), 35.0000000001, TODAY).value).toBe(35);
    expect(coerceCell(field('age'), 'पैंतीस', TODAY).value).toBe('पैंतीस');
  });

  it('accepts mobiles as numbers, +91, spaces and full scientific notation; flags digits Excel cut off', () => {
    expect(coerceCell(field('mobile'), 9876543210, TODAY)).toEqual({ value: 9876543210 });
    expect(coerceCell(field('mobile'), '9.87654321E+09', TODAY).problem).toBeUndefined();
    expect(coerceCell(field('mobile'), '9.876543211E+09', TODAY).problem).toBeUndefined();
    expect(coerceCell(field('mobile'), '9.87654E+09', TODAY).problem?.hi).toContain('वैज्ञानिक');
    expect(coerceCell(field('mobile'), '9.19876E+11', TODAY).problem?.en).toContain('scientific');
  });

  it('keeps only digits of an ID number and never trusts a cut-off one', () => {
    expect(coerceCell(field('idLast4'), 123456789012, TODAY).value).toBe('123456789012');
    expect(coerceCell(field('idLast4'), '1.23457E+11', TODAY).problem).toBeDefined();
    expect(coerceCell(field('idLast4'), '1.23456789012E+11', TODAY).value).toBe('123456789012');
  });

  it('reads हाँ/नहीं in their spellings and refuses anything else', () => {
    for (const y of ['हाँ', 'हां', 'Yes', 'Y', '1', '✓', true, 1]) expect(coerceCell(field('whatsapp'), y, TODAY).value, String(y)).toBe(true);
    for (const n of ['नहीं', 'नही', 'No', 'n', '0', false, 0]) expect(coerceCell(field('whatsapp'), n, TODAY).value, String(n)).toBe(false);
    expect(coerceCell(field('whatsapp'), 'शायद', TODAY).problem?.hi).toContain('हाँ या नहीं');
  });

  it('matches choices in Hindi, English, codes and common synonyms', () => {
    expect(matchOption(GENDERS, 'M')).toBe('male');
    expect(matchOption(GENDERS, 'स्त्री')).toBe('female');
    expect(matchOption(GENDERS, 'FEMALE')).toBe('female');
    expect(matchOption(MITAN_CATEGORIES, 'छात्रा')).toBe('student');
    expect(matchOption(MITAN_CATEGORIES, 'सरपंच')).toBe('public-rep');
    expect(matchOption(MITAN_CATEGORIES, 'Teacher / शिक्षक')).toBe('teacher');
    expect(matchOption(MITAN_CATEGORIES, 'अंतरिक्ष यात्री')).toBeNull();
  });
});

describe('Header and mapping', () => {
  it('takes a bilingual two-line header and maps English headings the Hindi line left open', () => {
    const rows = [
      ['साइबर मितान पंजी', 'साइबर मितान पंजी', 'साइबर मितान पंजी', 'साइबर मितान पंजी', 'साइबर मितान पंजी'],
      ['नाम', 'पिता का नाम', 'संपर्क सूत्र', 'ग्राम', 'Remarks'],
      ['Name', "Father's name", 'Mobile No.', 'Village', 'Remarks'],
      ['राम', 'श्याम', 9876543210, 'बेलतरा', ''],
    ];
    const guess = detectHeader(mitanRegister, rows)!;
    expect(guess).toMatchObject({ index: 1, extra: [2] });
    expect(proposeMapping(mitanRegister, rows, guess, 5)).toEqual(['name', 'relativeName', 'mobile', 'placeId', 'remarks']);
    expect(headingsOf(rows, guess, 5)).toEqual(['नाम / Name', "पिता का नाम / Father's name", 'संपर्क सूत्र / Mobile No.', 'ग्राम / Village', 'Remarks']);
  });

  it('prefers the longest heading: "पिता का नाम" is not the name, "मोबाइल नंबर (व्हाट्सएप)" is the mobile', () => {
    const rows = [['मितान का पूरा नाम', 'पिता का नाम', 'मोबाइल नंबर (व्हाट्सएप)', 'जन्म तिथि (dd-mm-yyyy)']];
    expect(proposeMapping(mitanRegister, rows, detectHeader(mitanRegister, rows), 4)).toEqual(['name', 'relativeName', 'mobile', 'dob']);
  });

  it('finds no header in a sheet of data only', () => {
    expect(detectHeader(mitanRegister, [['राम', 9876543210], ['श्याम', 9876543211]])).toBeNull();
  });
});

describe('Teams and villages by name', () => {
  it('matches teams by number in any spelling, or by name', () => {
    for (const s of ['3', 'दल 3', 'दल क्र. 3', 'Team-03', 'टीम नं 3']) expect(teamRefKey(s), s).toBe('#3');
    const r = createRefResolver('team', [
      { id: 't3', data: { teamNo: 3, name: 'शिवाजी नगर' } },
      { id: 't4', data: { teamNo: 4, name: 'बेलतरा' } },
    ]);
    expect(r.resolve('दल 3')).toEqual({ id: 't3' });
    expect(r.resolve(4)).toEqual({ id: 't4' });
    expect(r.resolve('शिवाजी नगर')).toEqual({ id: 't3' });
    expect(r.resolve('दल 5')).toHaveProperty('problem');
  });

  it('matches villages and wards by name, with or without prefixes', () => {
    expect(placeRefKey('Ward No. 5')).toBe(placeRefKey('वार्ड क्रमांक 5'));
    expect(placeRefKey('ग्राम बेलतरा')).toBe('बेलतरा');
    const r = createRefResolver('place', [
      { id: 'p1', data: { name: 'बेलतरा' } },
      { id: 'p2', data: { name: 'करगी' } },
      { id: 'p3', data: { name: 'ग्राम करगी' } },
    ]);
    expect(r.resolve('गाँव बेलतरा')).toEqual({ id: 'p1' });
    expect(r.resolve('करगी')).toHaveProperty('problem'); // two entries share the name
    const adding = createRefResolver('place', [], { addUnknown: (name) => ({ name, isNew: true }) });
    expect(adding.resolve('नया गाँव')).toEqual({ id: 'new:नया गाँव', isNew: true });
    expect(adding.resolve('नया  गाँव')).toEqual({ id: 'new:नया गाँव', isNew: true });
    expect([...adding.added.values()]).toHaveLength(1);
  });
});

describe('CSV', () => {
  it('splits on the separator the file uses and keeps quoted separators and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","1\n2"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', '1\n2'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads UTF-8 with a BOM and Excel UTF-16, and explains an ANSI file', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('नाम')]))).toBe('नाम');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([0x0928, 0x093e, 0x092e]).buffer)]);
    expect(decodeText(utf16)).toBe('नाम');
    expect(() => decodeText(new Uint8Array([0x4e, 0xe4, 0x6d]))).toThrow(/UTF-8/);
  });
});

describe('Files that cannot be read', () => {
  it('explains an old .xls, a damaged workbook and a non-UTF-8 CSV in Hindi and English', async () => {
    const { readSpreadsheet } = await import('../../../renderer/src/import/read');
    await expect(readSpreadsheet(new Uint8Array([1, 2, 3]), 'roster.xls')).rejects.toMatchObject({ code: 'import.fileType' });
    await expect(readSpreadsheet(new Uint8Array([80, 75, 3, 4, 0, 0]), 'roster.xlsx')).rejects.toMatchObject({ code: 'import.unreadable' });
    await expect(readSpreadsheet(new Uint8Array([0x4e, 0xe4, 0x6d]), 'roster.csv')).rejects.toMatchObject({ code: 'csv.encoding' });
  });
});
