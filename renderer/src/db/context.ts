import type { StationDb } from './schema';

/** What every repository call needs to know about where it runs. */
export interface StationContext {
  db: StationDb;
  /** Thana code: first part of every id. */
  thana: string;
  /**
   * Serial series of this PC: '' on the thana's first PC, e.g. 'B-' on a second one, so two PCs
   * working offline never issue the same number (serials are never renumbered by sync).
   */
  pcSeries: string;
  now: () => Date;
  /** Thana settings that validation rules read (campaign dates, topics …). */
  settings: () => Record<string, unknown>;
}
