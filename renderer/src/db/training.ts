/**
 * Training sessions and certificates (issue 16 item 6). A session is entered once: the training
 * register's entry and the training date, venue and trainer of every Mitan present are written in
 * ONE transaction (each Mitan's change is a correction in their history, naming the session), so
 * a session is never half-applied. Certificates get gap-free numbers per thana, PC series and year,
 * drawn and written to the Mitans' entries in one transaction too.
 */
import { bi, DomainError, type Issue } from '@/domain/bilingual';
import { istDate } from '@/domain/dates';
import type { Actor, StoredRecord } from '@/domain/records';
import { isTrained } from '@/domain/roster/rules';
import { mitanRegister } from '@/domain/registers/mitan';
import { trainerLine, trainingMitanKey, trainingRegister } from '@/domain/registers/training';
import { assertCan } from '@/domain/roles';
import type { RecordData } from '@/domain/validation';
import type { StationContext } from './context';
import { correctRecord, createRecord, formatSerial } from './repository';

export interface TrainingSaved {
  record: StoredRecord;
  /** Mitans whose roster entry now carries this training. */
  updated: StoredRecord[];
  /** Mitans already trained earlier: listed as present, their first training kept. */
  alreadyTrained: StoredRecord[];
  warnings: Issue[];
}

const nameOf = (m: StoredRecord) => `${String(m.data.name ?? '')} (${m.serial ?? m.id})`;

function mitanError(m: StoredRecord, e: unknown): never {
  if (e instanceof DomainError)
    throw new DomainError(e.code, bi(`${nameOf(m)}: ${e.bilingual.hi}`, `${nameOf(m)}: ${e.bilingual.en}`), e.issues);
  throw e;
}

/** Present Mitans, each live; a missing or cancelled one refuses the session. */
async function presentMitans(ctx: StationContext, ids: string[]): Promise<StoredRecord[]> {
  const rows = await ctx.db.mitan.bulkGet(ids);
  return rows.map((m, i) => {
    if (!m) throw new DomainError('not-found', bi(`उपस्थित मितान पंजी में नहीं मिला (${ids[i]})`, `A Mitan present is not on the roster (${ids[i]})`));
    if (m.cancelled) throw new DomainError('cancelled', bi(`${nameOf(m)} की प्रविष्टि निरस्त है`, `${nameOf(m)}: the entry is cancelled`));
    return m;
  });
}

/**
 * Save a training session and write it into each present Mitan's training fields, all or nothing.
 * A Mitan already trained on an earlier date keeps that date (the first training counts; the
 * session still lists them as present).
 */
export async function recordTrainingSession(ctx: StationContext, actor: Actor, input: RecordData): Promise<TrainingSaved> {
  assertCan(actor.role, 'record.create');
  assertCan(actor.role, 'record.correct');
  const { db } = ctx;
  return db.transaction('rw', [db.training, db.mitan, db.syncStates, db.serials, db.audit, db.totals], async () => {
    const ids = Array.isArray(input.mitanIds) ? [...new Set(input.mitanIds.map(String))] : [];
    const mitans = await presentMitans(ctx, ids);
    const { record, warnings } = await createRecord(ctx, actor, trainingRegister, input);
    const d = record.data;
    const reason = `प्रशिक्षण सत्र ${record.serial ?? ''} (${String(d.date)}) / training session`;
    const patch = { trainingDate: d.date, trainingVenue: d.venue, trainer: trainerLine(d) };
    const updated: StoredRecord[] = [];
    const alreadyTrained: StoredRecord[] = [];
    for (const m of mitans) {
      if (isTrained(m.data) && String(m.data.trainingDate) <= String(d.date)) {
        alreadyTrained.push(m);
        continue;
      }
      try {
        updated.push((await correctRecord(ctx, actor, mitanRegister, m.id, patch, reason)).record);
      } catch (e) {
        mitanError(m, e);
      }
    }
    return { record, updated, alreadyTrained, warnings };
  });
}

/** The training sessions a Mitan was present at, newest first. */
export async function trainingsOfMitan(ctx: StationContext, mitanId: string): Promise<StoredRecord[]> {
  const rows = await ctx.db.training.where('keys').equals(trainingMitanKey(mitanId)).toArray();
  return rows.filter((r) => !r.cancelled).sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)));
}

// ─── Certificates (प्रमाण पत्र) ──────────────────────────────────────────────────────────

export interface IssuedCertificate {
  mitan: StoredRecord;
  number: string;
  issuedOn: string;
  /** Issued now (false: issued before, printed again with the same number). */
  fresh: boolean;
}

/** The certificate number: thana, year of issue, PC series and a gap-free number ('BSPKOTA/2026/0007'). */
export function certificateNumber(thana: string, year: number, pcSeries: string, no: number): string {
  return `${thana}/${formatSerial(year, pcSeries, no)}`;
}

/**
 * Certificates for the Mitans given (trained, live): those without one get the next numbers and
 * their roster entry records the number and date (one correction each), all in one transaction;
 * those with one keep it (a reprint). An untrained or cancelled Mitan refuses the batch.
 */
export async function issueCertificates(ctx: StationContext, actor: Actor, mitanIds: string[]): Promise<IssuedCertificate[]> {
  assertCan(actor.role, 'record.correct');
  const { db } = ctx;
  const today = istDate(ctx.now());
  return db.transaction('rw', [db.mitan, db.syncStates, db.serials, db.audit, db.totals], async () => {
    const mitans = await presentMitans(ctx, [...new Set(mitanIds)]);
    const untrained = mitans.filter((m) => !isTrained(m.data));
    if (untrained.length)
      throw new DomainError(
        'certificate.untrained',
        bi(`प्रशिक्षण दर्ज नहीं, प्रमाण पत्र नहीं बन सकता: ${untrained.map(nameOf).join(', ')}`, `No training recorded, no certificate: ${untrained.map(nameOf).join(', ')}`),
      );
    const year = Number(today.slice(0, 4));
    const key = `certificate:${year}${ctx.pcSeries ? `:${ctx.pcSeries}` : ''}`;
    const row = (await db.serials.get(key)) ?? { key, last: 0 };
    const out: IssuedCertificate[] = [];
    for (const m of mitans) {
      if (typeof m.data.certificateNo === 'string' && m.data.certificateNo) {
        out.push({ mitan: m, number: m.data.certificateNo, issuedOn: String(m.data.certificateDate ?? ''), fresh: false });
        continue;
      }
      const number = certificateNumber(ctx.thana, year, ctx.pcSeries, ++row.last);
      try {
        const next = await correctRecord(ctx, actor, mitanRegister, m.id, { certificate: true, certificateNo: number, certificateDate: today }, `प्रमाण पत्र ${number} जारी / certificate issued`);
        out.push({ mitan: next.record, number, issuedOn: today, fresh: true });
      } catch (e) {
        mitanError(m, e);
      }
    }
    await db.serials.put(row);
    return out;
  });
}
