/**
 * The station's sync as the UI sees it: hub settings, the scheduler, progress, what is waiting,
 * what the hub refused and what was merged. Call `start()` once the station database is open
 * (App.vue); the Sync page calls it too, so a visit there is enough to get going.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { bridge, isDesktop } from '@/bridge';
import { bi, DomainError, type Bilingual } from '@/domain/bilingual';
import { assertCan } from '@/domain/roles';
import { useStationStore } from '@/stores/station';
import { cancelRecord } from '@/db/repository';
import {
  dismissDeleted,
  listConflicts,
  listHubDeletions,
  listQuarantine,
  listRejects,
  listReviews,
  pushBackDeleted,
  readMeta,
  requeueRejected,
  writeMeta,
  NOTHING_WAITING,
  watchWaitingByKind,
  type Attention,
  type WaitingCounts,
} from '@/db/sync';
import type { SyncConflictRow, SyncQuarantineRow, SyncRejectRow } from '@/db/schema';
import { REGISTERS } from '@/domain/registers';
import { bridgeCredentialStore } from './credentials';
import { normalizeHubUrl } from './http';
import { SyncError, toSyncError } from './messages';
import { syncOnce, type SyncProgress, type SyncReport } from './replicator';
import { SyncScheduler, type SchedulerState } from './scheduler';
import { thanaDbName } from './vdu';
import { writeSyncMarker } from './districtMarker';
import { pullRegistry } from './registryPull';
import { adoptAccountSeries } from './series';

export interface HubConfig {
  url: string;
  username: string;
}

const HUB_KEY = 'hub';

/** Let the page paint between batches (a long pull never freezes the UI). */
function nextFrame(): Promise<void> {
  return new Promise((r) => (globalThis.requestAnimationFrame ? globalThis.requestAnimationFrame(() => setTimeout(r, 0)) : setTimeout(r, 0)));
}

export const useSyncStore = defineStore('sync', () => {
  const station = useStationStore();
  const credentials = bridgeCredentialStore(bridge, isDesktop);
  const config = ref<HubConfig | null>(null);
  const hasPassword = ref(false);
  const state = ref<SchedulerState>({ running: false, reason: null, lastOk: null, lastError: null, paused: false, nextAt: null, failures: 0 });
  const progress = ref<SyncProgress | null>(null);
  /** What the next push sends, by kind; nothing is "waiting" before a hub is set (it stays on this PC). */
  const waitingCounts = ref<WaitingCounts>(NOTHING_WAITING);
  const waitingByKind = computed<WaitingCounts>(() => (config.value ? waitingCounts.value : NOTHING_WAITING));
  const waiting = computed(() => waitingByKind.value.total);
  const rejects = shallowRef<SyncRejectRow[]>([]);
  const conflicts = shallowRef<SyncConflictRow[]>([]);
  /** What sync leaves for a person: quarantined hub documents, records to review, hub deletions. */
  const quarantine = shallowRef<SyncQuarantineRow[]>([]);
  const reviews = shallowRef<Attention[]>([]);
  const hubDeletions = shallowRef<Attention[]>([]);
  const lastOkAt = ref<string | null>(null);
  const lastReport = shallowRef<SyncReport | null>(null);
  const notice = ref<Bilingual | null>(null);
  let scheduler: SyncScheduler | null = null;
  let stopWatch: (() => void) | null = null;
  let lastWaiting = -1;

  const thana = computed(() => station.profile?.thanaCode ?? '');
  const dbName = computed(() => (thana.value ? thanaDbName(thana.value) : ''));
  const error = computed<SyncError | null>(() => state.value.lastError);
  const persistent = credentials.persistent;

  async function refresh(): Promise<void> {
    const db = station.db;
    if (!db) return;
    rejects.value = await listRejects(db);
    conflicts.value = await listConflicts(db);
    quarantine.value = await listQuarantine(db);
    reviews.value = await listReviews(db);
    hubDeletions.value = await listHubDeletions(db);
    lastOkAt.value = (await readMeta<{ at: string }>(db, 'lastOk'))?.at ?? null;
  }

  async function load(): Promise<void> {
    const db = station.db;
    if (!db) return;
    config.value = (await readMeta<HubConfig>(db, HUB_KEY)) ?? null;
    const c = await credentials.get('station').catch(() => null);
    hasPassword.value = !!c && !!config.value && c.url === config.value.url && c.username === config.value.username;
    await refresh();
  }

  async function runSession(signal: AbortSignal): Promise<SyncReport> {
    const db = station.db;
    if (!db) throw new SyncError('not-configured', 'no database');
    if (!thana.value) throw new SyncError('no-thana');
    const cfg = config.value ?? (await readMeta<HubConfig>(db, HUB_KEY));
    const c = await credentials.get('station').catch(() => null);
    if (!cfg || !c || c.url !== cfg.url || c.username !== cfg.username) throw new SyncError('not-configured');
    progress.value = null;
    try {
      // This PC's serial series comes from its hub account (design §3.16; sync/series.ts).
      if ((await adoptAccountSeries(db, { url: cfg.url, username: c.username, password: c.password }))?.changed) await station.reload();
      const report = await syncOnce({
        db,
        thana: thana.value,
        hub: { url: cfg.url, db: dbName.value, username: c.username, password: c.password },
        signal,
        appVersion: __APP_VERSION__,
        onProgress: (p) => (progress.value = p),
        yieldToUi: nextFrame,
      });
      lastReport.value = report;
      // The district sees when each PC last synced (issue #15): one small document per PC.
      await writeSyncMarker(db, { url: cfg.url, db: dbName.value, username: c.username, password: c.password }, thana.value, report.finishedAt, __APP_VERSION__, station.pc.pcSeries);
      // The district suspect registry, one way, for matching offline (registryPull.ts).
      try {
        await pullRegistry(db, { url: cfg.url, username: c.username, password: c.password });
      } catch (e) {
        report.problems.push(`registry: ${toSyncError(e).message}`);
      }
      notice.value = report.reset
        ? bi(
            'हब का डेटाबेस नया बना या बैकअप से लौटाया गया था; इस कंप्यूटर की प्रविष्टियाँ दोबारा जाँचकर भेजी गईं।',
            'The hub database was recreated or restored from a backup; this computer’s entries were checked and sent again.',
          )
        : null;
      if (report.settingsChanged) await station.reload();
      return report;
    } finally {
      await refresh().catch(() => undefined);
    }
  }

  function ensureScheduler(): SyncScheduler {
    if (!scheduler) {
      scheduler = new SyncScheduler({ run: runSession, onState: (s) => (state.value = s), events: globalThis.window ?? null });
    }
    return scheduler;
  }

  /** Automatic sync for this session of the app: online, periodic, after writes. */
  function start(): void {
    const db = station.db;
    if (!db || stopWatch) return;
    ensureScheduler().start();
    stopWatch = watchWaitingByKind(db, thana.value, (counts) => {
      const n = counts.total;
      // More entries waiting than a moment ago: someone saved something; sync a few seconds later.
      if (lastWaiting >= 0 && n > lastWaiting && config.value && hasPassword.value) scheduler?.notifyLocalWrite();
      lastWaiting = n;
      waitingCounts.value = counts;
    });
    void load();
  }

  function stop(): void {
    scheduler?.stop();
    stopWatch?.();
    stopWatch = null;
  }

  async function saveHub(url: string, username: string, password: string): Promise<void> {
    assertCan(station.actor?.role, 'sync.configure');
    const db = station.db;
    if (!db) return;
    let clean: string;
    try {
      clean = normalizeHubUrl(url);
    } catch (e) {
      const err = toSyncError(e);
      throw new DomainError(err.code, err.bilingual);
    }
    const user = username.trim();
    if (!/^[a-z0-9][a-z0-9_.-]{2,60}$/.test(user))
      throw new DomainError('username', bi('उपयोगकर्ता नाम वही लिखें जो जिला आईटी सेल ने दिया है', 'Enter the user name the district IT cell gave you'));
    if (!password) throw new DomainError('password', bi('पासवर्ड लिखें', 'Enter the password'));
    await credentials.set('station', { url: clean, username: user, password });
    await writeMeta(db, HUB_KEY, { url: clean, username: user } satisfies HubConfig);
    config.value = { url: clean, username: user };
    hasPassword.value = true;
    ensureScheduler().resume();
  }

  async function forgetPassword(): Promise<void> {
    assertCan(station.actor?.role, 'sync.configure');
    await credentials.clear('station');
    hasPassword.value = false;
  }

  /** "Sync now": errors come back to the page (and stay in `error`). */
  async function syncNow(): Promise<SyncReport | null> {
    assertCan(station.actor?.role, 'sync.run');
    try {
      return await ensureScheduler().syncNow();
    } catch (e) {
      if (e instanceof SyncError) return null; // shown from state.lastError
      throw e;
    }
  }

  function abort(): void {
    scheduler?.abort();
  }

  async function retryRejects(ids?: string[]): Promise<void> {
    assertCan(station.actor?.role, 'sync.run');
    const db = station.db;
    if (!db) return;
    await requeueRejected(db, ids);
    await refresh();
  }

  /** An entry deleted on the hub goes back to the hub as it is here. */
  async function pushBack(recordId: string): Promise<void> {
    assertCan(station.actor?.role, 'record.cancel');
    const db = station.db;
    if (!db) return;
    await pushBackDeleted(db, recordId);
    await refresh();
    scheduler?.notifyLocalWrite();
  }

  /** An entry deleted on the hub is cancelled here instead (निरस्त, with a reason); the cancellation is synced. */
  async function cancelDeleted(recordId: string, reason: string): Promise<void> {
    const db = station.db;
    const actor = station.actor;
    const row = hubDeletions.value.find((x) => x.row.recordId === recordId);
    if (!db || !actor || !row) return;
    const def = REGISTERS[row.row.table];
    if (!def) return;
    if (!row.record?.cancelled) await cancelRecord(station.ctx, actor, def, recordId, reason);
    else await pushBackDeleted(db, recordId);
    await dismissDeleted(db, recordId);
    await refresh();
    scheduler?.notifyLocalWrite();
  }

  return {
    quarantine,
    reviews,
    hubDeletions,
    pushBack,
    cancelDeleted,
    config,
    hasPassword,
    persistent,
    state,
    progress,
    waiting,
    waitingByKind,
    rejects,
    conflicts,
    lastOkAt,
    lastReport,
    notice,
    error,
    thana,
    dbName,
    load,
    refresh,
    start,
    stop,
    saveHub,
    forgetPassword,
    syncNow,
    abort,
    retryRejects,
  };
});
