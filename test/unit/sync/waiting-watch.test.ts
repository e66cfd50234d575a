// The Sync page's "waiting" count is watched app-wide. During a long push every landed batch is a
// write, and each count steps over the entries just marked synced, so a count per write made the
// push pay for its own progress display. The watcher counts at most once per gap, never two at a
// time, and the last write is always followed by a count that agrees with a fresh one.
import { afterEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/src/db/repository';
import { countWaitingByKind, watchWaitingByKind, type WaitingCounts } from '../../../renderer/src/db/sync-waiting';
import type { StationContext } from '../../../renderer/src/db/context';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { dropCtx, makeCtx, writer } from '../dashboard/fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

describe('watchWaitingByKind', () => {
  it('counts once per gap while writes keep coming, and ends on the true count', async () => {
    ctx = makeCtx();
    const seen: WaitingCounts[] = [];
    const gap = 250;
    const stop = watchWaitingByKind(ctx.db, 'BSPKOTA', (c) => seen.push(c), gap);
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      const before = seen.length;
      const started = Date.now();
      const writes = 30;
      for (let i = 0; i < writes; i++) {
        await createRecord(ctx, writer, placeRegister, { name: `गाँव ${i + 1}`, kind: 'village', area: 'rural', beat: 'बीट 1' });
        // A push lands a batch, then waits for the hub: writes come with pauses between them.
        await new Promise((r) => setTimeout(r, 30));
      }
      const elapsed = Date.now() - started;
      const truth = await countWaitingByKind(ctx.db, 'BSPKOTA');
      expect(truth.entries).toBeGreaterThanOrEqual(writes);
      // The last write is followed by a count that agrees with a fresh one.
      await expect.poll(() => seen.at(-1)?.entries, { timeout: 5000 }).toBe(truth.entries);
      const counts = seen.length - before;
      // A count per write would be `writes`; one per gap is what the writes' duration allows, plus the last.
      expect(counts).toBeLessThanOrEqual(Math.ceil(elapsed / gap) + 2);
      expect(counts).toBeLessThan(writes);
    } finally {
      stop();
    }
  });

  it('stops counting when stopped', async () => {
    ctx = makeCtx();
    const seen: WaitingCounts[] = [];
    const stop = watchWaitingByKind(ctx.db, 'BSPKOTA', (c) => seen.push(c), 0);
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    stop();
    const n = seen.length;
    await createRecord(ctx, writer, placeRegister, { name: 'बेलतरा', kind: 'village', area: 'rural', beat: 'बीट 1' });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.length).toBe(n);
  });
});
