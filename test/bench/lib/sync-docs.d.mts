import type { BenchRecord } from './records.mjs';

/** The hub document of a Mitan entry around `data`, with the lookups given by the caller. */
export function mitanHubDoc(
  r: BenchRecord,
  data: Record<string, unknown>,
  lookups: { tokens?: string[]; keys?: string[] },
  schemaVersion?: number,
): { _id: string; [field: string]: unknown };
