// A small register and a thana for the export tests: a fresh database per test, entries made,
// corrected and cancelled through the repository like the app does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { StationContext } from '../../../renderer/src/db/context';
import { cancelRecord, correctRecord, createRecord } from '../../../renderer/src/db/repository';
import { StationDb } from '../../../renderer/src/db/schema';
import { bi } from '../../../renderer/src/domain/bilingual';
import type { Actor } from '../../../renderer/src/domain/records';
import type { RegisterDef } from '../../../renderer/src/domain/registers/types';
import { DEVANAGARI_RANGE, LATIN_RANGE, type PrintFont } from '../../../renderer/src/export/print/printView';

/** 20 Nov 2026, 11:00 IST. */
export const NOW = new Date('2026-11-20T05:30:00.000Z');

export const PROFILE = {
  district: 'बिलासपुर',
  thanaName: 'कोटा',
  nodalName: 'सुनीता वर्मा',
  nodalRank: 'उप निरीक्षक',
  inchargeName: 'राजेश साहू',
  inchargeRank: 'निरीक्षक',
};

export const writer: Actor = { userId: 'u-writer', name: 'रामकुमार कश्यप', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'रक' };
export const nodal: Actor = { userId: 'u-nodal', name: 'सुनीता वर्मा', rank: 'उप निरीक्षक', role: 'nodal', initials: 'सव' };
export const viewer: Actor = { userId: 'u-viewer', name: 'District Viewer', rank: '', role: 'district-viewer', initials: 'DV' };

export const STATUSES = [
  { value: 'open', label: bi('लंबित', 'Pending') },
  { value: 'done', label: bi('निस्तारित', 'Disposed') },
];

/** A register with every kind of printed value; stored in the 'outreach' table. */
export const sessionRegister: RegisterDef = {
  type: 'outreach',
  title: bi('परीक्षण सत्र पंजी', 'Test session register'),
  printTitle: bi('साइबर जागरूकता सत्र पंजी', 'Cyber awareness session register'),
  serial: true,
  serialDateField: 'date',
  schemaVersion: 1,
  auditReads: true,
  searchFields: ['place'],
  late: { dateField: 'date', days: 7 },
  fields: [
    { key: 'date', label: bi('दिनांक', 'Date'), type: 'date', required: true, print: { order: 1, width: 12 } },
    { key: 'place', label: bi('ग्राम/वार्ड', 'Village/ward'), type: 'text', required: true, print: { order: 2, width: 20 } },
    { key: 'people', label: bi('जागरूक व्यक्ति', 'People reached'), type: 'int', print: { order: 3, width: 10 } },
    { key: 'age', label: bi('वक्ता की आयु', "Speaker's age"), type: 'int', print: { order: 4, width: 8, total: false } },
    { key: 'amount', label: bi('राशि (₹)', 'Amount (₹)'), type: 'money', print: { order: 5, width: 14 } },
    { key: 'status', label: bi('स्थिति', 'Status'), type: 'select', options: STATUSES, print: { order: 6, width: 10 } },
    { key: 'mobile', label: bi('मोबाइल', 'Mobile'), type: 'mobile', personal: true, print: { order: 7, width: 12 } },
    { key: 'note', label: bi('अभ्युक्ति', 'Remarks'), type: 'longtext', print: { order: 8, width: 18 } },
    { key: 'internal', label: bi('आंतरिक', 'Internal'), type: 'text' },
  ],
};

export function makeCtx(now: Date = NOW): StationContext {
  return {
    db: new StationDb(`t-${crypto.randomUUID()}`),
    thana: 'BSPKOTA',
    pcSeries: '',
    now: () => now,
    settings: () => ({}),
  };
}

export async function dropCtx(ctx: StationContext | undefined): Promise<void> {
  if (!ctx) return;
  ctx.db.close();
  await ctx.db.delete();
}

/**
 * Four entries: a plain one, one whose place and amount were corrected, one cancelled, and one
 * entered late (its date is 19 days before "now").
 */
export async function seedSessions(ctx: StationContext) {
  const a = await createRecord(ctx, writer, sessionRegister, {
    date: '2026-11-14',
    place: 'सेमरताल',
    people: 120,
    age: 41,
    amount: 1234567_89,
    status: 'open',
    mobile: '9876543210',
    note: 'स्कूल में सत्र',
  });
  const b = await createRecord(ctx, writer, sessionRegister, { date: '2026-11-15', place: 'कोनी', people: 80, age: 35, amount: 5000_00, status: 'done' });
  await correctRecord(ctx, writer, sessionRegister, b.record.id, { place: 'बिरकोना', amount: 6000_50 }, 'गलत ग्राम लिखा गया था');
  const c = await createRecord(ctx, writer, sessionRegister, { date: '2026-11-16', place: 'मंगला', people: 999, age: 50, amount: 100_00, status: 'open' });
  await cancelRecord(ctx, nodal, sessionRegister, c.record.id, 'दोहरी प्रविष्टि');
  const d = await createRecord(ctx, writer, sessionRegister, { date: '2026-11-01', place: 'सीपत', people: 45, age: 29, amount: 0, status: 'done' });
  return { a: a.record, b: b.record, c: c.record, d: d.record };
}

const require = createRequire(import.meta.url);

/** The bundled print font, read from the package the app bundles it from. */
export function nodePrintFonts(): PrintFont[] {
  const file = (name: string) => readFileSync(require.resolve(`@fontsource/noto-sans-devanagari/files/${name}`));
  return [
    { weight: 400, unicodeRange: DEVANAGARI_RANGE, woff2: new Uint8Array(file('noto-sans-devanagari-devanagari-400-normal.woff2')) },
    { weight: 600, unicodeRange: DEVANAGARI_RANGE, woff2: new Uint8Array(file('noto-sans-devanagari-devanagari-600-normal.woff2')) },
    { weight: 400, unicodeRange: LATIN_RANGE, woff2: new Uint8Array(file('noto-sans-devanagari-latin-400-normal.woff2')) },
    { weight: 600, unicodeRange: LATIN_RANGE, woff2: new Uint8Array(file('noto-sans-devanagari-latin-600-normal.woff2')) },
  ];
}
