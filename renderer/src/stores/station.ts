/**
 * The station as the renderer sees it: the open database, the thana profile, this PC's settings,
 * and who is signed in. Views get the StationContext and the Actor from here and call the
 * repositories in src/db with them.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { StationContext } from '@/db/context';
import { StationDb } from '@/db/schema';
import { readPcSettings, readProfile, readThanaOptions, DEFAULT_PC_SETTINGS, type PcSettings } from '@/db/settings';
import type { Actor } from '@/domain/records';
import { can, type Permission } from '@/domain/roles';
import type { ThanaProfile } from '@/domain/setup';
import { auditRow } from '@/db/repository';
import { setCampaignSpelling } from '@/i18n/spelling';
import { districtPcCode, readDistrictProfile } from '@/db/district';
import type { DistrictProfile } from '@/domain/districtProfile';

/** The IndexedDB database name; fixed forever, like the app:// origin (design §3.6). */
export const STATION_DB_NAME = 'cyber-mitan-thana';

export const useStationStore = defineStore('station', () => {
  const db = shallowRef<StationDb | null>(null);
  const profile = ref<ThanaProfile | null>(null);
  /** Set on a district office's PC (issue #15): then there is no thana profile. */
  const district = ref<DistrictProfile | null>(null);
  const pc = ref<PcSettings>({ ...DEFAULT_PC_SETTINGS });
  const options = ref<Record<string, unknown>>({});
  const actor = ref<Actor | null>(null);
  const locked = ref(false);
  const ready = ref(false);

  async function open(name = STATION_DB_NAME): Promise<void> {
    if (db.value) return;
    const d = new StationDb(name);
    await d.open();
    db.value = d;
    await reload();
    ready.value = true;
    // Ask the browser not to evict the registers under storage pressure.
    await globalThis.navigator?.storage?.persist?.().catch(() => false);
  }

  async function reload(): Promise<void> {
    if (!db.value) return;
    profile.value = await readProfile(db.value);
    district.value = profile.value ? null : await readDistrictProfile(db.value);
    setCampaignSpelling(profile.value?.campaignName ?? district.value?.campaignName);
    pc.value = await readPcSettings(db.value);
    options.value = await readThanaOptions(db.value);
  }

  const ctx = computed<StationContext>(() => {
    if (!db.value) throw new Error('Station database is not open');
    const d = db.value;
    return {
      db: d,
      thana: profile.value?.thanaCode ?? (district.value ? districtPcCode(district.value) : ''),
      pcSeries: pc.value.pcSeries,
      now: () => new Date(),
      settings: () => ({ ...(profile.value ?? district.value ?? {}), ...options.value }),
    };
  });

  const needsSetup = computed(() => ready.value && !profile.value && !district.value);

  function allowed(p: Permission): boolean {
    return can(actor.value?.role, p);
  }

  function signedIn(a: Actor): void {
    actor.value = a;
    locked.value = false;
  }

  async function signOut(): Promise<void> {
    if (actor.value && db.value) await db.value.audit.add(auditRow(ctx.value, actor.value, 'signout', { summary: actor.value.name }));
    actor.value = null;
    locked.value = false;
  }

  /** Idle lock: the person stays known, but must enter the PIN again. */
  function lock(): void {
    if (actor.value) locked.value = true;
  }

  return { db, profile, district, pc, options, actor, locked, ready, ctx, needsSetup, open, reload, allowed, signedIn, signOut, lock };
});
