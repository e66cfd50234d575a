// Stored entries of the test session register, made in pages without a database: for long
// exports where only the writing is under test.
import type { StoredRecord } from '../../../renderer/src/domain/records';

const PLACES = ['सेमरताल', 'सेंदरी', 'कोनी', 'बिरकोना', 'लखराम', 'मंगला', 'सिरगिट्टी', 'घुटकू'];

export function sessionRecord(i: number): StoredRecord {
  const day = String((i % 28) + 1).padStart(2, '0');
  const at = '2026-11-20T05:30:00.000Z';
  return {
    id: `BSPKOTA:outreach:${String(i).padStart(26, '0')}`,
    thana: 'BSPKOTA',
    type: 'outreach',
    schemaVersion: 1,
    serial: `2026/${String(i).padStart(5, '0')}`,
    serialYear: 2026,
    serialNo: i,
    data: {
      date: `2026-11-${day}`,
      place: PLACES[i % PLACES.length],
      people: i,
      age: 30 + (i % 30),
      amount: i * 100,
      status: i % 3 ? 'open' : 'done',
      mobile: `98765${String(i).padStart(5, '0')}`,
      note: i % 5 ? null : 'हाट बाजार में पर्चे बांटे और महिला समूह बैठक में चर्चा की',
    },
    tokens: [],
    keys: [],
    createdAt: at,
    createdBy: 'u-writer',
    updatedAt: at,
    updatedBy: 'u-writer',
    mutationId: String(i),
    version: 1,
    history: [],
    cancelled: null,
    late: false,
  };
}

/** `count` entries (serials 1…count), `pageSize` at a time. */
export async function* records(count: number, pageSize: number): AsyncIterable<StoredRecord[]> {
  for (let start = 1; start <= count; start += pageSize) {
    const page: StoredRecord[] = [];
    for (let i = start; i < Math.min(count + 1, start + pageSize); i++) page.push(sessionRecord(i));
    yield page;
  }
}
