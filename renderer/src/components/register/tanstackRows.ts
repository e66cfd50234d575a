/** VirtualRows over TanStack Virtual (@tanstack/vue-virtual): fixed row height, sticky header as scroll margin. */
import { useVirtualizer } from '@tanstack/vue-virtual';
import { computed } from 'vue';
import type { VirtualRows, VirtualRowsOptions } from './virtualRows';

export function useTanstackRows(o: VirtualRowsOptions): VirtualRows {
  const virtualizer = useVirtualizer(
    computed(() => ({
      count: o.count.value,
      getScrollElement: () => o.viewport.value,
      estimateSize: () => o.rowHeight,
      overscan: o.overscan,
      // The rows start below the header; scrolling to a row keeps it clear of the header.
      scrollMargin: o.headHeight,
      scrollPaddingStart: o.headHeight,
      onChange: () => o.onRange(),
    })),
  );
  const items = computed(() => virtualizer.value.getVirtualItems().map((it) => ({ index: it.index, start: it.start - o.headHeight })));
  return {
    items,
    totalHeight: computed(() => virtualizer.value.getTotalSize()),
    end: computed(() => {
      const last = items.value[items.value.length - 1];
      return last ? last.index + 1 : 0;
    }),
    pageRows: () => Math.max(1, Math.floor(((o.viewport.value?.clientHeight ?? 0) - o.headHeight) / o.rowHeight) - 1),
    scrollToIndex: (index) => virtualizer.value.scrollToIndex(index, { align: 'auto' }),
    scrollToTop: () => virtualizer.value.scrollToOffset(0),
  };
}
