/**
 * The baseline of "register-list-scroll-100k": RegisterList's own virtualizer until issue 17 (the
 * range from scrollTop and the viewport's height, read once per animation frame), kept here as it
 * was so the bench can mount the same component with it. The app uses tanstackRows.ts.
 */
import { computed, onBeforeUnmount, onMounted, ref } from 'vue';
import type { VirtualRows, VirtualRowsOptions } from '@/components/register/virtualRows';

export function useOwnRows(o: VirtualRowsOptions): VirtualRows {
  const scrollTop = ref(0);
  const viewH = ref(400);
  const range = computed(() => ({
    first: Math.max(0, Math.floor(scrollTop.value / o.rowHeight) - o.overscan),
    last: Math.min(o.count.value, Math.ceil((scrollTop.value + viewH.value) / o.rowHeight) + o.overscan),
  }));
  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      scrollTop.value = o.viewport.value?.scrollTop ?? 0;
      o.onRange();
    });
  };
  let resize: ResizeObserver | undefined;
  onMounted(() => {
    const el = o.viewport.value!;
    viewH.value = el.clientHeight || 400;
    el.addEventListener('scroll', onScroll, { passive: true });
    resize = new ResizeObserver(() => {
      viewH.value = el.clientHeight || 400;
      o.onRange();
    });
    resize.observe(el);
  });
  onBeforeUnmount(() => {
    resize?.disconnect();
    o.viewport.value?.removeEventListener('scroll', onScroll);
    if (frame) cancelAnimationFrame(frame);
  });
  return {
    items: computed(() => {
      const { first, last } = range.value;
      const out = [];
      for (let i = first; i < last; i++) out.push({ index: i, start: i * o.rowHeight });
      return out;
    }),
    totalHeight: computed(() => o.count.value * o.rowHeight),
    end: computed(() => range.value.last),
    pageRows: () => Math.max(1, Math.floor((viewH.value - o.headHeight) / o.rowHeight) - 1),
    scrollToIndex(i) {
      const el = o.viewport.value;
      if (!el) return;
      const bodyH = el.clientHeight - o.headHeight;
      if (i * o.rowHeight < el.scrollTop) el.scrollTop = i * o.rowHeight;
      else if ((i + 1) * o.rowHeight > el.scrollTop + bodyH) el.scrollTop = (i + 1) * o.rowHeight - bodyH;
      scrollTop.value = el.scrollTop;
      o.onRange();
    },
    scrollToTop() {
      if (o.viewport.value) o.viewport.value.scrollTop = 0;
      scrollTop.value = 0;
    },
  };
}
