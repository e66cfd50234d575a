import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { mitanRegister, teamTotalKey } from '../../../renderer/src/domain/registers/mitan';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { readTotals } from '../../../renderer/src/db/repository';
import { createMitan, teamStrengths } from '../../../renderer/src/db/roster';
import { openImport, prepareImport, rejectsFile, writeImport } from '../../../renderer/src/import/session';
import { REJECT_COLUMNS } from '../../../renderer/src/import/rejects';
import type { RejectedRow } from '../../../renderer/src/import/plan';
import { mitanInput, seedRoster, station, writer } from './fixture';
import { excelSerial, generatedRows, HEADINGS, rosterWorkbook, type Cell } from './workbooks';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** One row per case a real roster throws at the import; the comment says what it tests. */
function messyRows(): Cell[][] {
  return [
    // 1 good: Date objects, mobile as a number, team by number, village by name, Aadhaar typed in full
    [1, 'राम कुमार', 'श्याम लाल', 'पुरुष', d(1990, 5, 2), null, 9876543210, 'हाँ', 1, 'बेलतरा', 'स्वयंसेवक', d(2026, 2, 1), excelSerial(2026, 2, 20), 'आधार', 123456789012, 'सक्रिय'],
    // 2 good: text date dd-mm-yyyy, mobile in scientific notation, "दल 2", "ग्राम …" prefix, gender "M", rich text name
    [2, { richText: [{ text: 'Sunita ' }, { font: { bold: true }, text: 'Sahu' }] }, 'Ramesh Sahu', 'F', '05-06-1990', null, '9.87654322E+09', 'no', 'दल 2', 'ग्राम करगीकला', 'Student', '01-02-2026', null, null, null, 'Active'],
    // 3 good: dd/mm/yy, +91 with spaces, team "Team-02", "Ward No. 5", formula age, dd.mm.yyyy consent, hyperlink status
    [3, 'Mohan Das', 'Hari Das', 'पु', '07/08/95', { formula: '2026-1995', result: 31 }, '+91 98111 22233', 'Y', 'Team-02', 'Ward No. 5', 'शिक्षक', '01.02.2026', '20-02-2026', null, null, { text: 'सक्रिय', hyperlink: 'https://example.org' }],
    // 4 under 18
    [4, 'बालक', 'पिता', 'पुरुष', null, 16, 9811111111, 'हाँ', 1, 'बेलतरा', 'छात्र', d(2026, 2, 1), null, 'Aadhaar', '2345 6789 0123', 'सक्रिय'],
    // 5 bad mobile
    [5, 'गलत मोबाइल', 'पिता', 'पुरुष', null, 30, '12345', 'हाँ', 1, 'बेलतरा', 'स्वयंसेवक', d(2026, 2, 1), null, null, null, 'सक्रिय'],
    // 6 no consent date
    [6, 'बिना सहमति', 'पिता', 'महिला', null, 30, 9811111112, 'हाँ', 1, 'बेलतरा', 'स्वयंसेवक', null, null, null, null, 'सक्रिय'],
    // 7 same mobile as row 1, written with a leading 0
    [7, 'दोहराव', 'पिता', 'पुरुष', null, 30, '09876543210', 'हाँ', 1, 'बेलतरा', 'स्वयंसेवक', d(2026, 2, 1), null, null, null, 'सक्रिय'],
    // 8 blank row (cells present but empty)
    ['', null, '  '],
    // 9 village not on the list
    [9, 'अज्ञात गाँव', 'पिता', 'पुरुष', null, 30, 9811111113, 'हाँ', 1, 'अज्ञातपुर', 'स्वयंसेवक', d(2026, 2, 1), null, null, null, 'सक्रिय'],
    // 10 team that does not exist
    [10, 'अज्ञात दल', 'पिता', 'पुरुष', null, 30, 9811111114, 'हाँ', 9, 'बेलतरा', 'स्वयंसेवक', d(2026, 2, 1), null, null, null, 'सक्रिय'],
    // 11 mobile cut short by scientific notation
    [11, 'कटा नंबर', 'पिता', 'पुरुष', null, 30, '9.87654E+09', 'हाँ', 1, 'बेलतरा', 'स्वयंसेवक', d(2026, 2, 1), null, null, null, 'सक्रिय'],
    // 12 already on the roster (seeded before the import)
    [12, 'पहले से', 'पिता', 'पुरुष', null, 30, 9999999999, 'हाँ', 1, 'बेलतरा', 'स्वयंसेवक', d(2026, 2, 1), null, null, null, 'सक्रिय'],
    // 13 good: Devanagari digits, Hindi month name, numbers as text
    [13, 'गीता देवी', 'रमेश', 'महिला', '15 अगस्त 1985', null, '९८२२३३४४५५', 'हां', '१', 'बेलतरा', 'जनप्रतिनिधि', '०१-०२-२०२६', null, null, null, 'सक्रिय'],
    // 14 inactive without a reason
    [14, 'निष्क्रिय', 'पिता', 'पुरुष', null, 30, 9811111115, 'हाँ', 1, 'बेलतरा', 'स्वयंसेवक', d(2026, 2, 1), null, null, null, 'निष्क्रिय'],
  ];
}

async function messyImport(opts: { addUnknownPlaces?: boolean } = {}) {
  const ctx = station();
  const seed = await seedRoster(ctx);
  await createMitan(ctx, writer, mitanInput({ name: 'पुराना मितान', mobile: '9999999999', teamId: seed.team1.id, placeId: seed.places[0]!.id }));
  const bytes = await rosterWorkbook(messyRows(), { repeatHeaderEvery: 7 });
  const session = await openImport(mitanRegister, bytes, 'कोटा-मितान.xlsx');
  const progress: number[] = [];
  const plan = await prepareImport(ctx, session, { ...opts, onProgress: (done) => progress.push(done) });
  return { ctx, seed, bytes, session, plan, progress };
}

describe('Import of an Excel roster', () => {
  it('finds the sheet and the header row below merged titles, and maps Hindi headings to fields', async () => {
    const { session } = await messyImport();
    expect(session.sheets[session.sheetIndex]!.name).toBe('मितान सूची');
    expect(session.header?.index).toBe(2); // third row read: the blank row 3 is not in the file
    expect(session.sheets[session.sheetIndex]!.rowNumbers[2]).toBe(4);
    expect(session.mapping).toEqual([
      null,
      'name',
      'relativeName',
      'gender',
      'dob',
      'age',
      'mobile',
      'whatsapp',
      'teamId',
      'placeId',
      'category',
      'consentDate',
      'trainingDate',
      'idType',
      'idLast4',
      'status',
    ]);
    expect(session.headings[1]).toBe('(1) नाम');
  });

  it('accepts the good rows, explains every bad one, skips blank and repeated header rows, and writes nothing yet', async () => {
    const { ctx, plan } = await messyImport();
    expect(plan.skippedBlank).toBe(1);
    expect(plan.skippedHeaders).toBe(2); // the "1 2 3" row and the header repeated at row 7
    expect(plan.accepted.map((r) => r.data.name)).toEqual(['राम कुमार', 'Sunita Sahu', 'Mohan Das', 'गीता देवी']);
    const [ram, sunita, mohan, gita] = plan.accepted.map((r) => r.data);
    expect(ram).toMatchObject({ dob: '1990-05-02', mobile: '9876543210', whatsapp: true, consentDate: '2026-02-01', trainingDate: '2026-02-20', idType: 'aadhaar', idLast4: '9012', area: 'rural', beat: 'बीट 2' });
    expect(JSON.stringify(plan.accepted.map((r) => r.data))).not.toContain('123456789012');
    expect(sunita).toMatchObject({ dob: '1990-06-05', mobile: '9876543220', gender: 'female', whatsapp: false, category: 'student', status: 'active' });
    expect(mohan).toMatchObject({ dob: '1995-08-07', age: 31, mobile: '9811122233', consentDate: '2026-02-01', area: 'urban' });
    expect(gita).toMatchObject({ dob: '1985-08-15', mobile: '9822334455', category: 'public-rep' });
    const reasons: Record<number, RejectedRow> = Object.fromEntries(plan.rejected.map((r) => [Number(r.cells[0]), r]));
    expect(Object.keys(reasons).map(Number).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 9, 10, 11, 12, 14]);
    expect(reasons[4]!.reasons[0]!.hi).toContain('18 वर्ष से कम');
    expect(reasons[5]!.reasons[0]!.en).toContain('Mobile number is not valid');
    expect(reasons[6]!.reasons[0]!.hi).toContain('सहमति');
    expect(reasons[7]).toMatchObject({ kind: 'duplicate-file' });
    expect(reasons[7]!.reasons[0]!.hi).toContain('पंक्ति 6'); // Excel row of राम कुमार
    expect(reasons[9]!.reasons[0]!.hi).toContain('"अज्ञातपुर" सूची में नहीं है');
    expect(reasons[10]!.reasons[0]!.en).toContain('Team "9" is not on the list');
    expect(reasons[11]!.reasons[0]!.en).toContain('scientific notation');
    expect(reasons[12]).toMatchObject({ kind: 'duplicate-register' });
    expect(reasons[12]!.reasons[0]!.hi).toContain('BSPKOTA/2026/0001');
    expect(reasons[14]!.reasons.map((x) => x.en).join(' ')).toContain('Reason for status');
    expect(await ctx.db.mitan.count()).toBe(1);
  });

  it('writes all accepted rows in one go with serials, audit and team totals', async () => {
    const { ctx, seed, session, plan } = await messyImport();
    const result = await writeImport(ctx, writer, session, plan);
    expect(result.created.map((c) => c.record.serial)).toEqual(['2026/0002', '2026/0003', '2026/0004', '2026/0005']);
    expect(await ctx.db.mitan.count()).toBe(5);
    const imports = await ctx.db.audit.where('action').equals('import').toArray();
    expect(imports).toHaveLength(1);
    expect(imports[0]!.summary).toContain('4 जोड़े / added (2026/0002–2026/0005)');
    expect(imports[0]).toMatchObject({ userId: writer.userId, recordType: 'mitan' });
    expect((imports[0]!.after as { ids: unknown }).ids).toEqual({ first: result.created[0]!.record.id, last: result.created[3]!.record.id });
    // One summary row for the import, not one per row; each entry's history names its maker.
    expect(await ctx.db.audit.where('action').equals('create').count()).toBe(3 + 2 + 1);
    expect(result.created[0]!.record.history[0]).toMatchObject({ kind: 'create', by: writer.userId, initials: writer.initials });
    const totals = await readTotals(ctx, [teamTotalKey(seed.team1.id), teamTotalKey(seed.team2.id)]);
    expect(totals.get(teamTotalKey(seed.team1.id))).toEqual({ total: 3, active: 3, trained: 1 });
    expect(totals.get(teamTotalKey(seed.team2.id))).toEqual({ total: 2, active: 2, trained: 1 });
    expect((await teamStrengths(ctx, [seed.team2])).get(seed.team2.id)).toMatchObject({ active: 2, target: 25, gap: 23 });
  });

  it('re-importing the same file adds nothing', async () => {
    const { ctx, session, plan } = await messyImport();
    await writeImport(ctx, writer, session, plan);
    const again = await prepareImport(ctx, session);
    expect(again.accepted).toEqual([]);
    expect(again.rejected.filter((r) => r.kind === 'duplicate-register').map((r) => r.cells[0])).toEqual([1, 2, 3, 12, 13]);
    expect(again.rejected.find((r) => r.cells[0] === 7)?.kind).toBe('duplicate-file');
    const e = await writeImport(ctx, writer, session, again).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect(await ctx.db.mitan.count()).toBe(5);
  });

  it('writes all or nothing: a clash found while writing leaves the registers untouched', async () => {
    const { ctx, seed, session, plan } = await messyImport();
    // Someone saves Sunita's mobile by hand between the preview and the confirmation.
    await createMitan(ctx, writer, mitanInput({ mobile: '9876543220', teamId: seed.team1.id, placeId: seed.places[0]!.id }));
    const before = { mitans: await ctx.db.mitan.count(), audit: await ctx.db.audit.count(), serials: await ctx.db.serials.toArray() };
    const e = await writeImport(ctx, writer, session, plan).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('duplicate');
    expect(await ctx.db.mitan.count()).toBe(before.mitans);
    expect(await ctx.db.audit.count()).toBe(before.audit);
    expect(await ctx.db.serials.toArray()).toEqual(before.serials);
  });

  it('can add villages not on the list as new places marked isNew, in the same transaction', async () => {
    const { ctx, session, plan } = await messyImport({ addUnknownPlaces: true });
    expect(plan.accepted.map((r) => r.data.name)).toContain('अज्ञात गाँव');
    expect(plan.added.place?.map((p) => p.data.name)).toEqual(['अज्ञातपुर']);
    const result = await writeImport(ctx, writer, session, plan);
    const place = result.added.place![0]!.record;
    expect(place.data).toMatchObject({ name: 'अज्ञातपुर', isNew: true, kind: 'village', area: 'rural' });
    const mitan = result.created.find((c) => c.record.data.name === 'अज्ञात गाँव')!.record;
    expect(mitan.data.placeId).toBe(place.id);
    expect(await ctx.db.place.count()).toBe(4);
  });

  it('gives back the rejected rows as a workbook with the original columns and the reason in Hindi and English', async () => {
    const { session, plan } = await messyImport();
    const file = await rejectsFile(session, plan);
    expect(file.name).toBe('कोटा-मितान-अस्वीकृत-rejected.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...HEADINGS, REJECT_COLUMNS.row, REJECT_COLUMNS.hi, REJECT_COLUMNS.en]);
    expect(ws.rowCount).toBe(1 + plan.rejected.length);
    const byNo = new Map<number, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 1) byNo.set(Number(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    const underAge = byNo.get(4)!;
    expect(underAge[1]).toBe('बालक');
    expect(underAge[6]).toBe(9811111111);
    expect(underAge[HEADINGS.length]).toBe(9); // source row in the sheet
    expect(String(underAge[HEADINGS.length + 1])).toContain('18 वर्ष से कम');
    expect(String(underAge[HEADINGS.length + 2])).toContain('under 18');
    // No full Aadhaar number in any file the app writes.
    expect(underAge[14]).toBe('XXXXXXXX0123');
    // Dates come back as the same calendar dates.
    expect((byNo.get(6)![11] as Date | null) ?? null).toBeNull();
    expect((byNo.get(5)![11] as Date).toISOString().slice(0, 10)).toBe('2026-02-01');
  });

  it('a corrected rejects workbook imports again: the added reason columns are ignored', async () => {
    const { ctx, session, plan } = await messyImport();
    await writeImport(ctx, writer, session, plan);
    const file = await rejectsFile(session, plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === 4) row.getCell(6).value = 19; // the writer corrects the age
    });
    const fixed = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const s2 = await openImport(mitanRegister, fixed, 'fixed.xlsx');
    expect(s2.mapping.slice(HEADINGS.length)).toEqual([null, null, null]);
    const p2 = await prepareImport(ctx, s2);
    expect(p2.accepted.map((r) => r.data.name)).toEqual(['बालक']);
    expect(p2.accepted[0]!.data).toMatchObject({ age: 19, idType: 'aadhaar', idLast4: '0123' });
  });

  it('reads a CSV saved from Excel (UTF-8 with BOM, semicolons, quotes)', async () => {
    const ctx = station();
    await seedRoster(ctx);
    const csv =
      '\uFEFFनाम;पिता का नाम;लिंग;आयु;मोबाइल;दल;ग्राम;श्रेणी;सहमति दिनांक;स्थिति;रिमार्क\r\n' +
      'राधा;"किशन ""लाल""";महिला;25;9.87654321E+09;1;बेलतरा;स्वयंसेवक;01/02/26;सक्रिय;"दो\nपंक्ति"\r\n' +
      ';;;;;;;;;;\r\n';
    const session = await openImport(mitanRegister, new TextEncoder().encode(csv), 'roster.csv');
    const plan = await prepareImport(ctx, session);
    expect(plan.rejected).toEqual([]);
    expect(plan.accepted[0]!.data).toMatchObject({ relativeName: 'किशन "लाल"', mobile: '9876543210', consentDate: '2026-02-01', remarks: 'दो पंक्ति' });
  });

  it('imports a 5,000-row roster in chunks with progress, gap-free serials, and no duplicates on re-import', async () => {
    const ctx = station();
    await seedRoster(ctx);
    const rows = generatedRows(5000);
    rows[100]![6] = 9100000000 + 50; // a duplicate within the file
    rows[200]![5] = 15; // under 18
    rows[200]![4] = null;
    const bytes = await rosterWorkbook(rows, { repeatHeaderEvery: 1000 });
    const session = await openImport(mitanRegister, bytes, 'big.xlsx');
    const progress: number[] = [];
    const plan = await prepareImport(ctx, session, { onProgress: (done) => progress.push(done) });
    expect(plan.skippedHeaders).toBe(1 + 4);
    expect(plan.accepted).toHaveLength(4998);
    expect(plan.rejected.map((r) => [r.cells[0], r.kind])).toEqual([
      [101, 'duplicate-file'],
      [201, 'invalid'],
    ]);
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toBe(progress.reduce((a, b) => Math.max(a, b)));
    const result = await writeImport(ctx, writer, session, plan);
    expect(result.created.at(-1)!.record.serial).toBe('2026/4998');
    expect(await ctx.db.mitan.count()).toBe(4998);
    const again = await prepareImport(ctx, session);
    expect(again.accepted).toHaveLength(0);
    expect(await ctx.db.mitan.count()).toBe(4998);
  }, 240_000); // fake-indexeddb is slow on a busy 2-core machine
});

describe('Import of the villages and wards master list', () => {
  it('imports places from a sheet with English headings and skips names already listed', async () => {
    const ctx = station();
    await seedRoster(ctx);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Villages');
    ws.addRow(['List of villages — Kota']);
    ws.mergeCells('A1:D1');
    ws.addRow(['S.No.', 'Village/Ward name', 'Urban/Rural', 'Beat']);
    ws.addRow([1, 'बेलतरा', 'Rural', 'बीट 2']);
    ws.addRow([2, 'Ratanpur', 'Rural', 'बीट 3']);
    ws.addRow([3, 'वार्ड 12', 'शहरी', 'बीट 1']);
    ws.addRow([4, 'Ratanpur', 'Rural', 'बीट 3']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const session = await openImport(placeRegister, bytes, 'villages.xlsx');
    expect(session.mapping).toEqual([null, 'name', 'area', 'beat']);
    const plan = await prepareImport(ctx, session, { defaults: { kind: 'village' } });
    expect(plan.accepted.map((r) => r.data.name)).toEqual(['Ratanpur', 'वार्ड 12']);
    expect(plan.rejected.map((r) => r.kind)).toEqual(['duplicate-register', 'duplicate-file']);
    await writeImport(ctx, writer, session, plan);
    expect(await ctx.db.place.count()).toBe(5);
    expect((await prepareImport(ctx, session, { defaults: { kind: 'village' } })).accepted).toHaveLength(0);
  });
});
