/**
 * Which rows of a long list are in the DOM: the contract RegisterList renders through, so the
 * bench can measure the same component with another virtualizer (test/bench/scenarios/
 * register-list-scroll-100k.*). Rows have one fixed height; a sticky header of `headHeight` sits
 * above them inside the scrolling viewport.
 */
import type { InjectionKey, Ref } from 'vue';

export interface VirtualRowsOptions {
  viewport: Readonly<Ref<HTMLElement | null>>;
  count: Readonly<Ref<number>>;
  rowHeight: number;
  /** Height of the sticky header above the rows, inside the viewport. */
  headHeight: number;
  /** Rows rendered beyond each edge of the visible ones. */
  overscan: number;
  /** Called whenever the visible range may have moved (scroll, resize). */
  onRange: () => void;
}

export interface VirtualRow {
  index: number;
  /** Top of the row in px, from the top of the rows' box (below the header). */
  start: number;
}

export interface VirtualRows {
  items: Readonly<Ref<VirtualRow[]>>;
  /** Height of all rows, px. */
  totalHeight: Readonly<Ref<number>>;
  /** One past the last rendered row. */
  end: Readonly<Ref<number>>;
  /** Rows that fit below the header (for PgUp/PgDn). */
  pageRows(): number;
  /** Scrolls just enough for row `index` to be whole below the header. */
  scrollToIndex(index: number): void;
  scrollToTop(): void;
}

export type UseVirtualRows = (o: VirtualRowsOptions) => VirtualRows;

/** Provided by the bench to measure RegisterList with another virtualizer; the app never provides it. */
export const VIRTUAL_ROWS: InjectionKey<UseVirtualRows> = Symbol('virtual-rows');
