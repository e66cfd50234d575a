/**
 * Certificates and consent forms for the views: read what they print, build the document, name
 * the file. Prints of these (names, mobiles) are audited like the roster's when they are printed
 * (`auditDocumentPrint`, after the bridge printed them).
 */
import type { StationContext } from '@/db/context';
import { logRead } from '@/db/repository';
import { issueCertificates } from '@/db/training';
import { istDate } from '@/domain/dates';
import type { Actor, StoredRecord } from '@/domain/records';
import { complaintRegister } from '@/domain/registers/complaint';
import { mitanRegister } from '@/domain/registers/mitan';
import { assertCan, can } from '@/domain/roles';
import { bi, DomainError } from '@/domain/bilingual';
import { getRecord } from '@/db/repository';
import type { PrintFont } from '../print/printView';
import { dbRefLabels } from '../refLabels';
import { caseSheetHtml, type CaseSheetProfile } from './caseSheet';
import { certificatesHtml, type CertificateProfile } from './certificate';
import { consentFormsHtml, type ConsentProfile } from './consentForm';

export interface DocumentPrint {
  html: string;
  fileName: string;
  /** Sheets printed. */
  rows: number;
  subtitle: string;
  /** The one entry printed (a complaint's case sheet), for the audit row. */
  recordId?: string;
}

async function labels(ctx: StationContext, mitans: StoredRecord[]) {
  const refs = dbRefLabels(ctx);
  const ids = (k: string) => [...new Set(mitans.map((m) => m.data[k]).filter((x): x is string => typeof x === 'string' && !!x))];
  await Promise.all([refs.load('place', ids('placeId')), refs.load('team', ids('teamId'))]);
  return {
    place: (m: StoredRecord) => (typeof m.data.placeId === 'string' ? refs.label('place', m.data.placeId) : ''),
    team: (m: StoredRecord) => (typeof m.data.teamId === 'string' ? refs.label('team', m.data.teamId) : ''),
  };
}

const thanaSlug = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '').trim().replace(/\s+/g, '-') || 'thana';

/** Issue (or reuse) the certificates of the Mitans given and build their sheets, in the order given. */
export async function buildCertificates(req: { ctx: StationContext; actor: Actor; profile: CertificateProfile; mitanIds: string[]; fonts: PrintFont[] }): Promise<DocumentPrint> {
  const issued = await issueCertificates(req.ctx, req.actor, req.mitanIds);
  const l = await labels(req.ctx, issued.map((i) => i.mitan));
  const html = certificatesHtml(
    issued.map((i) => ({ mitan: i.mitan, number: i.number, issuedOn: i.issuedOn, place: l.place(i.mitan) })),
    req.profile,
    req.fonts,
  );
  const fresh = issued.filter((i) => i.fresh).length;
  return {
    html,
    fileName: `certificates_${thanaSlug(req.profile.thanaName)}_${istDate(req.ctx.now())}.pdf`,
    rows: issued.length,
    subtitle: `प्रमाण पत्र: ${issued.length} (नए ${fresh}) — ${issued.map((i) => i.number).join(', ')}`,
  };
}

/** Consent forms pre-filled for the Mitans given (none: one blank form). */
export async function buildConsentForms(req: { ctx: StationContext; actor: Actor; profile: ConsentProfile; mitanIds: string[]; fonts: PrintFont[] }): Promise<DocumentPrint> {
  assertCan(req.actor.role, 'register.export');
  const rows = (await req.ctx.db.mitan.bulkGet(req.mitanIds)).filter((m): m is StoredRecord => !!m && !m.cancelled);
  const l = await labels(req.ctx, rows);
  const html = consentFormsHtml(rows.map((m) => ({ mitan: m, team: l.team(m), place: l.place(m) })), req.profile, req.fonts);
  return {
    html,
    fileName: `consent-forms_${thanaSlug(req.profile.thanaName)}_${istDate(req.ctx.now())}.pdf`,
    rows: Math.max(rows.length, 1),
    subtitle: rows.length ? `सहमति पत्र: ${rows.map((m) => m.serial ?? '').join(', ')}` : 'सहमति पत्र (रिक्त) / blank consent form',
  };
}

/** After the print: who printed which Mitans' certificates or forms (personal data). */
export async function auditDocumentPrint(ctx: StationContext, actor: Actor, print: DocumentPrint): Promise<void> {
  await logRead(ctx, actor, mitanRegister, 'print', null, print.subtitle);
}

/**
 * One complaint's case sheet (प्रकरण पत्रक). The complainant's mobile is masked for roles that may
 * not see it in full, as on the screen.
 */
export async function buildCaseSheet(req: { ctx: StationContext; actor: Actor; profile: CaseSheetProfile; id: string; fonts: PrintFont[] }): Promise<DocumentPrint> {
  assertCan(req.actor.role, 'complaint.read');
  assertCan(req.actor.role, 'register.export');
  const rec = await getRecord(req.ctx, complaintRegister, req.id);
  if (!rec) throw new DomainError('not-found', bi('यह शिकायत नहीं मिली', 'This complaint was not found'));
  const refs = dbRefLabels(req.ctx);
  if (typeof rec.data.mitanId === 'string') await refs.load('mitan', [rec.data.mitanId]);
  const today = istDate(req.ctx.now());
  const html = caseSheetHtml(rec, {
    profile: req.profile,
    actor: req.actor,
    masked: !can(req.actor.role, 'complaint.unmasked'),
    printedOn: today,
    fonts: req.fonts,
    settings: req.ctx.settings(),
    refs,
  });
  const serial = rec.serial ?? rec.id;
  return {
    html,
    fileName: `case-sheet_${serial.replace(/[\\/:*?"<>|]+/g, '-')}_${thanaSlug(req.profile.thanaName)}_${today}.pdf`,
    rows: 1,
    subtitle: `प्रकरण पत्रक / case sheet: ${serial}`,
    recordId: rec.id,
  };
}

/** After the print of a case sheet: who printed which complaint (personal data). */
export async function auditCaseSheetPrint(ctx: StationContext, actor: Actor, print: DocumentPrint): Promise<void> {
  await logRead(ctx, actor, complaintRegister, 'print', print.recordId ?? null, print.subtitle);
}
