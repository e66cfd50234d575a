import type { BenchRecord } from './records.mjs';

/** A bench record as the hub document of a Mitan entry (no `_rev`, no writer). */
export function benchDoc(r: BenchRecord): { _id: string; [field: string]: unknown };

/** The hub document of a Mitan entry around `data`, with the lookups given by the caller. */
export function mitanHubDoc(
  r: BenchRecord,
  data: Record<string, unknown>,
  lookups: { tokens?: string[]; keys?: string[] },
  schemaVersion?: number,
): { _id: string; [field: string]: unknown };
