import { describe, expect, it } from 'vitest';
import { forceCloseDatabase } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/schema';
import { stateRange } from '../../../renderer/src/db/sync-state';
import type { StationContext } from '../../../renderer/src/db/context';
import { createRecord } from '../../../renderer/src/db/repository';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import type { Actor } from '../../../renderer/src/domain/records';

// The villages register with serials switched on, to check serial numbering across a crash.
const numbered = { ...placeRegister, serial: true };
const writer: Actor = { userId: 'user:2', name: 'सुनील कुमार', rank: 'आरक्षक', role: 'writer', initials: 'सक' };

describe('crash safety', () => {
  it('a database closed in the middle of a stream of writes keeps every acknowledged record, with its audit row, and nothing half-written', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const db = new StationDb(name);
    await db.open();
    const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date(), settings: () => ({}) };
    const acknowledged: string[] = [];
    const failures: unknown[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      writes.push(
        createRecord(ctx, writer, numbered, { name: `ग्राम ${i}`, kind: 'village', area: 'rural' }).then(
          ({ record }) => void acknowledged.push(record.id),
          (e) => void failures.push(e),
        ),
      );
      if (i === 120) {
        // Let some writes be acknowledged, then pull the plug on the connection.
        await writes[60];
        forceCloseDatabase(db.backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0]);
      }
    }
    await Promise.all(writes);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);

    const reopened = new StationDb(name);
    await reopened.open();
    const ids = new Set(await reopened.place.toCollection().primaryKeys());
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    // Every stored record has its audit row and its dirty flag: the write was all or nothing.
    const audited = new Set((await reopened.audit.toArray()).map((a) => a.recordId));
    for (const id of ids) expect(audited.has(id)).toBe(true);
    expect(new Set(await stateRange(reopened, 'place').primaryKeys())).toEqual(ids);
    // Serials stayed gap-free: exactly 1..n for the n stored records, and the counter says n.
    const serials = (await reopened.place.toArray()).map((r) => r.serialNo).sort((a, b) => a! - b!);
    expect(serials).toEqual(Array.from({ length: ids.size }, (_, i) => i + 1));
    const year = new Date().getUTCFullYear();
    const counter = await reopened.serials.toArray();
    expect(counter.map((c) => c.last)).toEqual([ids.size]);
    expect(counter[0]!.key.startsWith(`place:`)).toBe(true);
    expect([year, year + 1]).toContain(Number(counter[0]!.key.split(':')[1]));
  });
});
