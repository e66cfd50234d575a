/**
 * District mode (issue #9 §5): a district user signs in to the district database (read-only) and
 * the app pulls it into a SEPARATE local database ('cyber-mitan-district'), never into the
 * station's own. Thana-wise progress, consolidated registers and related complaints read from there.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { bridge, isDesktop } from '@/bridge';
import { bi, DomainError } from '@/domain/bilingual';
import { assertCan } from '@/domain/roles';
import { useStationStore } from '@/stores/station';
import { openDistrictDb, thanaProgress, type ThanaProgress } from '@/db/district';
import { readMeta, writeMeta } from '@/db/sync';
import type { StationDb } from '@/db/schema';
import { bridgeCredentialStore } from './credentials';
import { HubClient, normalizeHubUrl } from './http';
import { hubViews, type ViewReader } from './districtFigures';
import { checkDistrictAccount, JoinError } from './join';
import { SyncError, toSyncError } from './messages';
import { syncOnce, type SyncProgress, type SyncReport } from './replicator';
import { districtDbName } from './vdu';

export interface DistrictConfig {
  url: string;
  username: string;
  /** District name as provisioned (district_<name>). */
  district: string;
}

export const useDistrictStore = defineStore('district', () => {
  const station = useStationStore();
  const credentials = bridgeCredentialStore(bridge, isDesktop);
  const db = shallowRef<StationDb | null>(null);
  const config = ref<DistrictConfig | null>(null);
  const hasPassword = ref(false);
  const running = ref(false);
  const progress = ref<SyncProgress | null>(null);
  const error = shallowRef<SyncError | null>(null);
  const lastOkAt = ref<string | null>(null);
  const lastReport = shallowRef<SyncReport | null>(null);
  const thanas = shallowRef<ThanaProgress[]>([]);
  /** Bumped after each pull so lists reload. */
  const generation = ref(0);
  let controller: AbortController | null = null;

  async function open(): Promise<StationDb> {
    if (!db.value) {
      const d = openDistrictDb();
      await d.open();
      db.value = d;
    }
    config.value = (await readMeta<DistrictConfig>(db.value, 'hub')) ?? null;
    const c = await credentials.get('district').catch(() => null);
    hasPassword.value = !!c && !!config.value && c.url === config.value.url && c.username === config.value.username;
    lastOkAt.value = (await readMeta<{ at: string }>(db.value, 'lastOk'))?.at ?? null;
    thanas.value = await thanaProgress(db.value);
    return db.value;
  }

  async function save(url: string, username: string, password: string, district: string): Promise<void> {
    assertCan(station.actor?.role, 'district.view');
    const d = await open();
    let clean: string;
    try {
      clean = normalizeHubUrl(url);
    } catch (e) {
      const err = toSyncError(e);
      throw new DomainError(err.code, err.bilingual);
    }
    const name = district.trim().toLowerCase();
    if (!/^[a-z][a-z0-9_]{1,30}$/.test(name)) throw new DomainError('district', bi('जिले का नाम अंग्रेज़ी अक्षरों में लिखें (जैसे bilaspur)', 'Write the district name in English letters (e.g. bilaspur)'));
    if (!password) throw new DomainError('password', bi('पासवर्ड लिखें', 'Enter the password'));
    // The hub says whose account this is before anything is kept here: another district's account,
    // a thana PC's, or a district name the hub does not have is refused (sync/join.ts).
    try {
      await checkDistrictAccount({ url: clean, username, password, district: name });
    } catch (e) {
      if (e instanceof JoinError) throw new DomainError(`join.${e.code}`, e.bilingual);
      throw e;
    }
    const cfg: DistrictConfig = { url: clean, username: username.trim(), district: name };
    await credentials.set('district', { url: clean, username: cfg.username, password });
    await writeMeta(d, 'hub', cfg);
    config.value = cfg;
    hasPassword.value = true;
  }

  async function syncNow(): Promise<void> {
    assertCan(station.actor?.role, 'district.view');
    if (running.value) return;
    const d = await open();
    const c = await credentials.get('district').catch(() => null);
    error.value = null;
    if (!config.value || !c) {
      error.value = new SyncError('not-configured');
      return;
    }
    running.value = true;
    controller = new AbortController();
    try {
      lastReport.value = await syncOnce({
        db: d,
        thana: '',
        mode: 'district',
        hub: { url: config.value.url, db: districtDbName(config.value.district), username: c.username, password: c.password },
        signal: controller.signal,
        appVersion: __APP_VERSION__,
        onProgress: (p) => (progress.value = p),
      });
      lastOkAt.value = lastReport.value.finishedAt;
      thanas.value = await thanaProgress(d);
      generation.value++;
    } catch (e) {
      error.value = toSyncError(e);
    } finally {
      running.value = false;
      controller = null;
    }
  }

  function abort(): void {
    controller?.abort();
  }

  /**
   * The hub's figure views on the district database, as this PC's district account (issue #15:
   * district mode reads these answers, not a copy of the documents).
   */
  async function hub(): Promise<{ client: HubClient; db: string }> {
    assertCan(station.actor?.role, 'district.view');
    await open();
    const c = await credentials.get('district').catch(() => null);
    if (!config.value || !c || c.url !== config.value.url) throw new SyncError('not-configured');
    const client = new HubClient({ url: c.url, auth: { username: c.username, password: c.password }, retry: { attempts: 2, baseMs: 500, capMs: 2000 } });
    return { client, db: districtDbName(config.value.district) };
  }

  async function views(): Promise<ViewReader> {
    const h = await hub();
    return hubViews(h.client, h.db);
  }

  /** Signs in to the district database once: a wrong address, name or password is said at once. */
  async function check(): Promise<void> {
    const v = await views();
    try {
      await v('thanas', { limit: 1 });
    } catch (e) {
      throw new DomainError('hub', toSyncError(e).bilingual);
    }
  }

  return { db, config, hasPassword, running, progress, error, lastOkAt, lastReport, thanas, generation, open, save, syncNow, abort, hub, views, check };
});
