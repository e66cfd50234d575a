/** Thana settings (synced profile) and this PC's own preferences (never synced). */
import { assertNoErrors, bi, DomainError } from '@/domain/bilingual';
import type { Actor } from '@/domain/records';
import { assertCan } from '@/domain/roles';
import { normalizeProfile, validateProfile, type ThanaProfile } from '@/domain/setup';
import { trustedActor } from './actor';
import type { StationContext } from './context';
import { auditRow } from './repository';
import type { StationDb } from './schema';

export interface PcSettings {
  /** Minutes without input before the app locks. */
  idleLockMinutes: number;
  /** '' for the thana's first PC; 'B-', 'C-' … for more PCs (serial series). */
  pcSeries: string;
}

export const DEFAULT_PC_SETTINGS: PcSettings = { idleLockMinutes: 10, pcSeries: '' };

export async function readProfile(db: StationDb): Promise<ThanaProfile | null> {
  return ((await db.settings.get('profile'))?.value as ThanaProfile | undefined) ?? null;
}

export async function readPcSettings(db: StationDb): Promise<PcSettings> {
  return { ...DEFAULT_PC_SETTINGS, ...(((await db.settings.get('pc'))?.value as Partial<PcSettings>) ?? {}) };
}

/** Thana-wide lists and options (outreach topics, idle days, targets …) kept by the in-charge. */
export async function readThanaOptions(db: StationDb): Promise<Record<string, unknown>> {
  return ((await db.settings.get('options'))?.value as Record<string, unknown>) ?? {};
}

export function validatedProfile(p: ThanaProfile): ThanaProfile {
  const profile = normalizeProfile(p);
  assertNoErrors(validateProfile(profile));
  return profile;
}

/** First-run setup writes the profile; the thana code can never change afterwards (it is in every id). */
export async function saveProfile(ctx: StationContext, claimed: Actor | null, p: ThanaProfile): Promise<ThanaProfile> {
  if (claimed) assertCan(claimed.role, 'settings.edit');
  const profile = validatedProfile(p);
  await ctx.db.transaction('rw', ctx.db.settings, ctx.db.audit, ctx.db.users, async () => {
    const actor = claimed ? await trustedActor(ctx, claimed, 'settings.edit') : null;
    const before = await readProfile(ctx.db);
    if (before && before.thanaCode !== profile.thanaCode)
      throw new DomainError('thanaCode.fixed', bi('थाना कोड सेटअप के बाद बदला नहीं जा सकता', 'The thana code cannot change after setup'));
    if (!before && actor)
      throw new DomainError('setup.missing', bi('पहले प्रारंभिक सेटअप पूरा करें', 'Complete the first-run setup first'));
    if (before && !actor) throw new DomainError('forbidden', bi('सेटिंग्स बदलने के लिए साइन इन करें', 'Sign in to change settings'));
    await ctx.db.settings.put({ key: 'profile', value: profile });
    await ctx.db.audit.add(
      auditRow({ ...ctx, thana: profile.thanaCode }, actor, before ? 'settings' : 'setup', { summary: profile.thanaName, before, after: profile }),
    );
  });
  return profile;
}

export async function savePcSettings(ctx: StationContext, claimed: Actor, s: PcSettings): Promise<void> {
  assertCan(claimed.role, 'settings.edit');
  if (!Number.isInteger(s.idleLockMinutes) || s.idleLockMinutes < 1 || s.idleLockMinutes > 120)
    throw new DomainError('idle', bi('निष्क्रियता लॉक 1 से 120 मिनट के बीच हो', 'The idle lock must be between 1 and 120 minutes'));
  if (!/^([A-Z]-)?$/.test(s.pcSeries))
    throw new DomainError('pcSeries', bi('पीसी श्रृंखला खाली या एक अक्षर और - हो (जैसे B-)', 'The PC series must be empty or one letter and - (e.g. B-)'));
  await ctx.db.transaction('rw', ctx.db.settings, ctx.db.audit, ctx.db.users, async () => {
    const actor = await trustedActor(ctx, claimed, 'settings.edit');
    await ctx.db.settings.put({ key: 'pc', value: s });
    await ctx.db.audit.add(auditRow(ctx, actor, 'settings', { summary: 'pc', after: s }));
  });
}

export async function saveThanaOptions(ctx: StationContext, claimed: Actor, patch: Record<string, unknown>): Promise<void> {
  assertCan(claimed.role, 'settings.edit');
  await ctx.db.transaction('rw', ctx.db.settings, ctx.db.audit, ctx.db.users, async () => {
    const actor = await trustedActor(ctx, claimed, 'settings.edit');
    const before = await readThanaOptions(ctx.db);
    await ctx.db.settings.put({ key: 'options', value: { ...before, ...patch } });
    await ctx.db.audit.add(auditRow(ctx, actor, 'settings', { summary: Object.keys(patch).join(', '), before, after: patch }));
  });
}
