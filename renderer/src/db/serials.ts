/**
 * Serials issued twice (issue #13 §6). Since PC accounts carry their series the hub refuses a
 * second `2026/0001`; entries written before that (two PCs both in the plain series) may still
 * share a serial. They are listed for the in-charge (Settings → this PC); serials are never
 * renumbered, so the list says which entries to tell apart on paper (e.g. by their PC and date).
 */
import { REGISTER_TABLES, type StationDb } from './schema';
import { REGISTERS } from '@/domain/registers';
import type { StoredRecord } from '@/domain/records';

export interface DuplicateSerial {
  type: string;
  serial: string;
  records: Pick<StoredRecord, 'id' | 'createdAt' | 'createdBy' | 'cancelled'>[];
}

/** Every serial held by more than one entry of the same register, in serial order. */
export async function findDuplicateSerials(db: StationDb): Promise<DuplicateSerial[]> {
  const out: DuplicateSerial[] = [];
  for (const table of REGISTER_TABLES) {
    if (!REGISTERS[table]?.serial) continue;
    let group: StoredRecord[] = [];
    const flush = () => {
      const bySerial = new Map<string, StoredRecord[]>();
      for (const r of group) if (r.serial) bySerial.set(r.serial, [...(bySerial.get(r.serial) ?? []), r]);
      for (const [serial, rs] of bySerial)
        if (rs.length > 1) out.push({ type: table, serial, records: rs.map((r) => ({ id: r.id, createdAt: r.createdAt, createdBy: r.createdBy, cancelled: r.cancelled })) });
      group = [];
    };
    // Same year and number sit next to each other in this index ('2026/0001' and '2026/B-0001' too).
    await db.registerTable(table).orderBy('[serialYear+serialNo]').each((r: StoredRecord) => {
      const last = group[group.length - 1];
      if (last && (last.serialYear !== r.serialYear || last.serialNo !== r.serialNo)) flush();
      group.push(r);
    });
    flush();
  }
  return out;
}
