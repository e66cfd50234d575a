/** A Mitan-roster record as the benchmarks store it (see records.mjs). */
export interface BenchRecord {
  id: string;
  thana: string;
  type: 'mitan';
  schemaVersion: number;
  serial: number;
  regNo: string;
  name: string;
  fatherName: string;
  gender: string;
  age: number;
  mobile: string;
  village: string;
  ward: number;
  occupation: string;
  education: string;
  remarks: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  mutationId: string;
  rev: string;
  syncState: 'synced' | 'dirty';
}

export interface MakeRecordsOptions {
  /** PRNG seed (default 20250701). */
  seed?: number;
  /** Spread records over BSP01..BSPnn (default 1: a single station's database). */
  thanaCount?: number;
}

export function makeRng(seed: number): () => number;
export function fakeUlid(timeMs: number, rng: () => number): string;
export function makeRecords(count: number, options?: MakeRecordsOptions): BenchRecord[];
export function meanJsonBytes(records: readonly BenchRecord[], sample?: number): number;
