/**
 * One import from a picked file, step by step as the writer sees it: read the file and guess
 * (sheet, header row, column mapping) → the writer adjusts → plan (validate everything, write
 * nothing) → the writer confirms → write in one transaction; rejected rows as a workbook.
 */
import type { Actor } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import type { RecordData } from '@/domain/validation';
import type { StationContext } from '@/db/context';
import { commitImport, existingKeys, refTargets, type CommitResult } from '@/db/import';
import { validationContext } from '@/db/repository';
import { yieldToEventLoop } from '@/domain/timeslice';
import { detectHeader, headingScore, headingsOf, proposeMapping, type HeaderGuess } from './header';
import { convertLegacyColumns, legacyColumns, type LegacyColumn } from './legacy';
import { planImport, type ImportPlan } from './plan';
import { importProfile } from './profiles';
import { bestSheet, readSpreadsheet, warmReader, type SheetRows } from './read';
import { createRefResolver, placeRefKey, type RefResolver } from './refs';
import { rejectsWorkbook } from './rejects';

export interface ImportSession {
  def: RegisterDef;
  fileName: string;
  /** The sheets as read from the file. */
  original: SheetRows[];
  /** The sheets as imported: legacy-font columns converted when `legacyOn`. */
  sheets: SheetRows[];
  sheetIndex: number;
  /** Columns of the chosen sheet typed in a legacy font (Kruti Dev / DevLys, Chanakya), with examples. */
  legacy: LegacyColumn[];
  /** Convert them to Unicode (the writer may say no). */
  legacyOn: boolean;
  header: HeaderGuess | null;
  /** Column headings as read (joined over a bilingual second header row). */
  headings: string[];
  /** Field key per column, null = ignore; the writer may change it. */
  mapping: (string | null)[];
}

export function sheetOf(s: ImportSession): SheetRows {
  return s.sheets[s.sheetIndex]!;
}

function guess(session: ImportSession): ImportSession {
  const legacy = legacyColumns(session.original[session.sheetIndex]!);
  const sheets = session.original.map((s, i) => (i === session.sheetIndex && session.legacyOn ? convertLegacyColumns(s, legacy) : s));
  return guessHeader({ ...session, sheets, legacy });
}

function guessHeader(session: ImportSession): ImportSession {
  const sheet = sheetOf(session);
  const header = detectHeader(session.def, sheet.rows);
  return { ...session, header, headings: headingsOf(sheet.rows, header, sheet.width), mapping: proposeMapping(session.def, sheet.rows, header, sheet.width) };
}

export async function openImport(def: RegisterDef, bytes: Uint8Array, fileName: string): Promise<ImportSession> {
  const original = await readSpreadsheet(bytes, fileName);
  // Each step looks at thousands of cells: a pause between them keeps every one a short task.
  await yieldToEventLoop();
  let sheetIndex = 0;
  if (original.length > 1) {
    // The best sheet is chosen on converted headings too: a roster may be all in Kruti Dev or Chanakya.
    const converted = original.map((s) => convertLegacyColumns(s, legacyColumns(s)));
    await yieldToEventLoop();
    sheetIndex = bestSheet(def, converted);
    await yieldToEventLoop();
  }
  return guess({ def, fileName, original, sheets: original, sheetIndex, legacy: [], legacyOn: true, header: null, headings: [], mapping: [] });
}

/** The writer accepts or refuses the conversion of the legacy-font columns. */
export function chooseLegacy(session: ImportSession, on: boolean): ImportSession {
  return guess({ ...session, legacyOn: on });
}

export function chooseSheet(session: ImportSession, sheetIndex: number): ImportSession {
  return guess({ ...session, sheetIndex });
}

/** The writer says which row holds the headings (0-based index into the sheet's rows). */
export function chooseHeaderRow(session: ImportSession, index: number): ImportSession {
  const sheet = sheetOf(session);
  const header: HeaderGuess = { index, score: Math.max(1, headingScore(session.def, sheet.rows[index] ?? [])), extra: [] };
  return { ...session, header, headings: headingsOf(sheet.rows, header, sheet.width), mapping: proposeMapping(session.def, sheet.rows, header, sheet.width) };
}

const transliteration = () => import('@/domain/text/transliterate');

/**
 * The import screen calls this when it opens and after each file: the reader (a worker loading
 * exceljs) starts, and the transliteration that matches place names across scripts is loaded,
 * while the writer picks the file, not after.
 */
export async function warmImport(): Promise<void> {
  await Promise.all([warmReader(), transliteration()]);
}

export interface PrepareOptions {
  /** Values for fields no column gives (e.g. all rows to one team). */
  defaults?: RecordData;
  /** Villages not on the master list are added (marked isNew) instead of rejecting the row. */
  addUnknownPlaces?: boolean;
  /** Names (as the file writes them) the writer said are not the place their sound matched. */
  refusedMatches?: string[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function prepareImport(ctx: StationContext, session: ImportSession, opts: PrepareOptions = {}): Promise<ImportPlan> {
  const profile = importProfile(session.def.type);
  const resolvers: Record<string, RefResolver> = {};
  // Place names are also matched across scripts (Sanscript is loaded only for an import).
  const soundKey = profile.refTypes.includes('place') ? (await transliteration()).soundKey : undefined;
  const targets = await Promise.all(profile.refTypes.map((type) => refTargets(ctx, type)));
  for (const [i, type] of profile.refTypes.entries()) {
    const newRef = opts.addUnknownPlaces && type === 'place' ? profile.newRef?.[type] : undefined;
    resolvers[type] = createRefResolver(type, targets[i]!, {
      ...(newRef ? { addUnknown: newRef } : {}),
      ...(type === 'place' && soundKey ? { soundKey, refused: new Set((opts.refusedMatches ?? []).map(placeRefKey)) } : {}),
    });
  }
  return planImport({
    def: session.def,
    sheet: sheetOf(session),
    header: session.header,
    mapping: session.mapping,
    defaults: { ...profile.defaults, ...opts.defaults },
    resolvers,
    uniqueKeys: profile.uniqueKeys,
    existing: (keys) => existingKeys(ctx, session.def, keys, (r) => [r.serial ? `${r.thana}/${r.serial}` : '', String(r.data.name ?? '')].filter(Boolean).join(' ')),
    completeRow: profile.completeRow,
    validation: validationContext(ctx),
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
}

export async function writeImport(ctx: StationContext, actor: Actor, session: ImportSession, plan: ImportPlan): Promise<CommitResult> {
  const unique: Record<string, string[]> = { [session.def.type]: importProfile(session.def.type).uniqueKeys };
  for (const type of Object.keys(plan.added)) unique[type] = importProfile(type).uniqueKeys;
  // Every cross-script match the rows use was confirmed on screen: each is remembered as the place's alias.
  return commitImport(ctx, actor, session.def, plan, { fileName: session.fileName, unique, aliases: plan.matches });
}

/** The rejected rows as an xlsx the writer can correct and import again. */
export async function rejectsFile(session: ImportSession, plan: ImportPlan): Promise<{ name: string; data: Uint8Array }> {
  const base = session.fileName.replace(/\.[^.]+$/, '');
  const maskColumns = session.mapping.flatMap((key, col) => (key && session.def.fields.find((f) => f.key === key)?.type === 'last4' ? [col] : []));
  return { name: `${base}-अस्वीकृत-rejected.xlsx`, data: await rejectsWorkbook(session.headings, plan.rejected, { maskColumns }) };
}
