/**
 * When sync runs (issue #9 §3): on demand, when the PC comes back online, every few minutes, and a
 * few seconds after local writes — one session at a time. A transient failure (network, 5xx) backs
 * off with jitter up to a cap; a failure a person must fix (401, 403, no database …) pauses the
 * automatic runs until someone syncs by hand or changes the settings. No hot loop, ever.
 */
import { backoffDelay } from './http';
import { NEEDS_PERSON, toSyncError, type SyncError } from './messages';
import type { SyncReport } from './replicator';

export type TriggerReason = 'manual' | 'online' | 'periodic' | 'write' | 'again';

export interface SchedulerState {
  running: boolean;
  reason: TriggerReason | null;
  lastOk: SyncReport | null;
  lastError: SyncError | null;
  /** Automatic runs wait for a person (after 401, 403, …). */
  paused: boolean;
  /** When the next automatic attempt is due (ms since epoch), if one is planned. */
  nextAt: number | null;
  failures: number;
}

export interface SchedulerOptions {
  /** One sync session. */
  run: (signal: AbortSignal) => Promise<SyncReport>;
  onState?: (s: SchedulerState) => void;
  periodMs?: number;
  debounceMs?: number;
  backoff?: { baseMs: number; capMs: number };
  isOnline?: () => boolean;
  /** Where 'online' events come from (window in the app). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  random?: () => number;
}

export class SyncScheduler {
  private state: SchedulerState = { running: false, reason: null, lastOk: null, lastError: null, paused: false, nextAt: null, failures: 0 };
  private readonly o: Required<Omit<SchedulerOptions, 'onState' | 'events'>> & Pick<SchedulerOptions, 'onState' | 'events'>;
  private periodic: unknown = null;
  private debounce: unknown = null;
  private retry: unknown = null;
  private again = false;
  private controller: AbortController | null = null;
  private current: Promise<SyncReport | null> | null = null;
  private started = false;
  private readonly onOnline = () => void this.trigger('online');

  constructor(opts: SchedulerOptions) {
    this.o = {
      periodMs: 5 * 60_000,
      debounceMs: 3_000,
      backoff: { baseMs: 30_000, capMs: 15 * 60_000 },
      isOnline: () => globalThis.navigator?.onLine ?? true,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      random: Math.random,
      ...opts,
    };
  }

  get snapshot(): SchedulerState {
    return { ...this.state };
  }

  private set(patch: Partial<SchedulerState>): void {
    this.state = { ...this.state, ...patch };
    this.o.onState?.(this.snapshot);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.o.events?.addEventListener('online', this.onOnline);
    const tick = () => {
      this.periodic = this.o.setTimer(tick, this.o.periodMs);
      void this.trigger('periodic');
    };
    this.periodic = this.o.setTimer(tick, this.o.periodMs);
  }

  stop(): void {
    this.started = false;
    this.o.events?.removeEventListener('online', this.onOnline);
    for (const t of [this.periodic, this.debounce, this.retry]) if (t !== null) this.o.clearTimer(t);
    this.periodic = this.debounce = this.retry = null;
    this.controller?.abort();
  }

  /** A local write: sync a few seconds later (writes in a burst make one session). */
  notifyLocalWrite(): void {
    if (this.debounce !== null) this.o.clearTimer(this.debounce);
    this.debounce = this.o.setTimer(() => {
      this.debounce = null;
      void this.trigger('write');
    }, this.o.debounceMs);
  }

  /** The user pressed "sync now": runs at once, lifts a pause, forgets the back-off. */
  syncNow(): Promise<SyncReport | null> {
    this.set({ paused: false, failures: 0, nextAt: null });
    return this.trigger('manual');
  }

  /** Settings changed (new password …): automatic runs may go again. */
  resume(): void {
    this.set({ paused: false, failures: 0, nextAt: null });
  }

  abort(): void {
    this.controller?.abort();
  }

  async trigger(reason: TriggerReason): Promise<SyncReport | null> {
    if (reason !== 'manual') {
      if (this.state.paused) return null;
      if (!this.o.isOnline()) return null;
      // Backing off: only 'online' (the line came back) may jump the queue.
      if (this.state.nextAt !== null && this.o.now() < this.state.nextAt && reason !== 'online') return null;
    }
    if (this.current) {
      this.again = true; // one at a time: run once more when this one ends
      return this.current;
    }
    this.current = this.runOnce(reason);
    try {
      return await this.current;
    } finally {
      this.current = null;
      if (this.again && this.started) {
        this.again = false;
        void this.trigger('again');
      }
      this.again = false;
    }
  }

  private async runOnce(reason: TriggerReason): Promise<SyncReport | null> {
    if (this.retry !== null) {
      this.o.clearTimer(this.retry);
      this.retry = null;
    }
    this.controller = new AbortController();
    this.set({ running: true, reason });
    try {
      const report = await this.o.run(this.controller.signal);
      this.set({ running: false, reason: null, lastOk: report, lastError: null, failures: 0, nextAt: null, paused: false });
      return report;
    } catch (e) {
      const err = toSyncError(e);
      const failures = this.state.failures + 1;
      if (err.code === 'aborted') {
        this.set({ running: false, reason: null, lastError: err });
      } else if (NEEDS_PERSON.includes(err.code)) {
        this.set({ running: false, reason: null, lastError: err, failures, paused: true, nextAt: null });
      } else {
        const delay = backoffDelay(failures - 1, this.o.backoff, this.o.random);
        const nextAt = this.o.now() + delay;
        this.set({ running: false, reason: null, lastError: err, failures, nextAt });
        if (this.started) {
          this.retry = this.o.setTimer(() => {
            this.retry = null;
            this.set({ nextAt: null });
            void this.trigger('periodic');
          }, delay);
        }
      }
      if (reason === 'manual') throw err;
      return null;
    } finally {
      this.controller = null;
    }
  }
}
