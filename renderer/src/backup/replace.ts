/**
 * Replacing a table's rows with a backup's rows, inside the caller's transaction, writing only
 * what differs. The end state is exactly `clear()` + `bulkAdd(rows)`, but IndexedDB in Chromium
 * pays for a clear() row by row (every index entry is deleted), so clearing 100,000 rows costs
 * about as much as writing them. Restoring a station's own backup mostly finds the rows already
 * there and unchanged: those are read and compared, not rewritten.
 *
 * Rows are compared in primary-key order, current rows read in pages, so memory stays at the
 * backup's rows plus one page.
 */
import { cmp, type IndexableType, type Table } from 'dexie';
import { bi, DomainError } from '@/domain/bilingual';

/** Rows per read page and per write batch. */
export const REPLACE_CHUNK = 2_000;

export interface ReplaceStats {
  written: number;
  deleted: number;
  unchanged: number;
}

function damaged(): DomainError {
  return new DomainError('backup.damaged', bi('बैकअप फ़ाइल में एक ही पहचान की दो प्रविष्टियाँ हैं; कुछ नहीं बदला गया', 'The backup has two rows with the same key; nothing was changed'));
}

/** `table`'s inline primary key of `row`. Every table of the station has one (`id` or `key`). */
function keyReader(table: Table): (row: unknown) => IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string' || keyPath === '') throw new Error(`table ${table.name} has no simple inline primary key`);
  return (row) => {
    const key = (row as Record<string, unknown> | null)?.[keyPath];
    if (key === undefined || key === null) throw damaged();
    return key as IndexableType;
  };
}

export async function replaceTableRows(table: Table, rows: readonly unknown[], chunk = REPLACE_CHUNK): Promise<ReplaceStats> {
  const keyOf = keyReader(table);
  const incoming = rows.map((row) => ({ key: keyOf(row), row }));
  incoming.sort((a, b) => cmp(a.key, b.key));
  for (let i = 1; i < incoming.length; i++) if (cmp(incoming[i - 1]!.key, incoming[i]!.key) === 0) throw damaged();

  const stats: ReplaceStats = { written: 0, deleted: 0, unchanged: 0 };
  let puts: unknown[] = [];
  let deletes: IndexableType[] = [];
  const flush = async (force: boolean) => {
    if (puts.length >= chunk || (force && puts.length)) {
      stats.written += puts.length;
      await table.bulkPut(puts);
      puts = [];
    }
    if (deletes.length >= chunk || (force && deletes.length)) {
      stats.deleted += deletes.length;
      await table.bulkDelete(deletes);
      deletes = [];
    }
  };

  // A new PC (or a wiped table): nothing to compare with.
  if ((await table.count()) === 0) {
    for (let i = 0; i < incoming.length; i += chunk) await table.bulkAdd(incoming.slice(i, i + chunk).map((x) => x.row));
    return { written: incoming.length, deleted: 0, unchanged: 0 };
  }

  let next = 0;
  let last: IndexableType | null = null;
  for (;;) {
    // Keyset pages: every write below is at or before `last`, so no page sees our own writes.
    const page: unknown[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(chunk).toArray();
    if (page.length === 0) break;
    for (const current of page) {
      const key = keyOf(current);
      while (next < incoming.length && cmp(incoming[next]!.key, key) < 0) puts.push(incoming[next++]!.row);
      if (next < incoming.length && cmp(incoming[next]!.key, key) === 0) {
        const wanted = incoming[next++]!.row;
        if (JSON.stringify(wanted) === JSON.stringify(current)) stats.unchanged++;
        else puts.push(wanted);
      } else {
        deletes.push(key);
      }
      last = key;
    }
    await flush(false);
  }
  while (next < incoming.length) {
    puts.push(incoming[next++]!.row);
    await flush(false);
  }
  await flush(true);
  return stats;
}
