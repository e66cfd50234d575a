/** When sync runs: one at a time, debounced after writes, online, periodic, back-off, pause on 401/403. */
import { describe, expect, it } from 'vitest';
import { SyncScheduler, type SchedulerState } from '../../renderer/src/sync/scheduler';
import { SyncError } from '../../renderer/src/sync/messages';
import type { SyncReport } from '../../renderer/src/sync/replicator';
import { bridgeCredentialStore, memoryCredentialStore } from '../../renderer/src/sync/credentials';

const REPORT = { pushed: 0 } as SyncReport;

/** Hand-driven timers: `advance(ms)` fires what is due, in order. */
function clock() {
  let now = 1_000_000;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      now = until;
    },
    pending: () => timers.size,
  };
}

function setup(run: (signal: AbortSignal) => Promise<SyncReport>, online = { value: true }) {
  const c = clock();
  const events = new EventTarget();
  const states: SchedulerState[] = [];
  const s = new SyncScheduler({
    run,
    onState: (st) => states.push(st),
    events,
    isOnline: () => online.value,
    now: c.now,
    setTimer: c.setTimer,
    clearTimer: c.clearTimer,
    random: () => 1,
    periodMs: 300_000,
    debounceMs: 3_000,
    backoff: { baseMs: 30_000, capMs: 900_000 },
  });
  return { s, c, events, states };
}

describe('SyncScheduler', () => {
  it('runs one session at a time; a trigger during a run makes exactly one more run', async () => {
    let calls = 0;
    let release!: () => void;
    const { s } = setup(async () => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      return REPORT;
    });
    s.start();
    const first = s.syncNow();
    void s.trigger('periodic');
    void s.trigger('write');
    void s.trigger('online');
    expect(calls).toBe(1);
    release();
    await first;
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(2);
    s.stop();
  });

  it('debounces local writes (~3 s) into one session, and syncs when the line comes back', async () => {
    let calls = 0;
    const { s, c, events } = setup(async () => (calls++, REPORT));
    s.start();
    for (let i = 0; i < 5; i++) {
      s.notifyLocalWrite();
      await c.advance(1_000);
    }
    expect(calls).toBe(0);
    await c.advance(3_000);
    expect(calls).toBe(1);
    events.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    await c.advance(300_000);
    expect(calls).toBe(3);
    s.stop();
    expect(c.pending()).toBe(0);
  });

  it('backs off with a capped delay after network errors and never hot-loops; offline skips automatic runs', async () => {
    const online = { value: true };
    let calls = 0;
    const { s, c, states } = setup(async () => {
      calls++;
      throw new SyncError('network', 'refused');
    }, online);
    s.start();
    await s.trigger('periodic');
    expect(calls).toBe(1);
    // Delays: 30 s, 60 s, 120 s … capped at 15 min.
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const next = states.at(-1)!.nextAt! - c.now();
      delays.push(next);
      await c.advance(next);
    }
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...delays)).toBe(900_000);
    const before = calls;
    // Writes while backing off do not jump the queue.
    s.notifyLocalWrite();
    await c.advance(3_000);
    expect(calls).toBe(before);
    online.value = false;
    await c.advance(900_000);
    expect(calls).toBe(before); // offline: nothing automatic
    s.stop();
  });

  it('pauses automatic runs after 401/403 until a person acts', async () => {
    let fail: SyncError | null = new SyncError('unauthorized');
    let calls = 0;
    const { s, c, states } = setup(async () => {
      calls++;
      if (fail) throw fail;
      return REPORT;
    });
    s.start();
    await s.trigger('periodic');
    expect(states.at(-1)!.paused).toBe(true);
    await c.advance(3_600_000);
    s.notifyLocalWrite();
    await c.advance(5_000);
    expect(calls).toBe(1);
    fail = null;
    await expect(s.syncNow()).resolves.toBe(REPORT);
    expect(states.at(-1)!.paused).toBe(false);
    expect(states.at(-1)!.lastError).toBeNull();
    // A manual run that fails reports its error to the caller.
    fail = new SyncError('forbidden');
    await expect(s.syncNow()).rejects.toMatchObject({ code: 'forbidden' });
    s.stop();
  });
});

describe('hub credentials', () => {
  it('keep the station and district accounts side by side in the one bridge secret', async () => {
    const secrets = new Map<string, string>();
    const bridge = {
      secretGet: async (n: string) => secrets.get(n) ?? null,
      secretSet: async (r: { name: string; value: string }) => void secrets.set(r.name, r.value),
      secretClear: async (n: string) => void secrets.delete(n),
    };
    const store = bridgeCredentialStore(bridge as never, true);
    await store.set('station', { url: 'https://hub', username: 'pc_kota_1', password: 'p1' });
    await store.set('district', { url: 'https://hub', username: 'sp', password: 'p2' });
    expect(await store.get('station')).toEqual({ url: 'https://hub', username: 'pc_kota_1', password: 'p1' });
    expect(JSON.parse(secrets.get('hubCredentials')!)).toHaveProperty('district.username', 'sp');
    await store.clear('station');
    expect(await store.get('station')).toBeNull();
    await store.clear('district');
    expect(secrets.has('hubCredentials')).toBe(false);
    const mem = memoryCredentialStore();
    expect(mem.persistent).toBe(false);
    expect(await mem.get('station')).toBeNull();
  });
});
