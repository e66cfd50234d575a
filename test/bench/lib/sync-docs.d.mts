import type { BenchRecord } from './records.mjs';

/** A bench record as the hub document of a Mitan entry (no `_rev`, no writer). */
export function benchDoc(r: BenchRecord): { _id: string; [field: string]: unknown };
