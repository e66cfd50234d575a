/**
 * Lock the app after `minutes` without keyboard, mouse or touch input (a shared PC left alone).
 * Checked every few seconds against the last input time, so a sleeping PC locks on waking too.
 */
import { onBeforeUnmount, onMounted, type Ref } from 'vue';

const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: Ref<number>, armed: Ref<boolean>, onIdle: () => void): void {
  let last = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  const touch = () => (last = Date.now());

  onMounted(() => {
    for (const e of EVENTS) window.addEventListener(e, touch, { capture: true, passive: true });
    timer = setInterval(() => {
      if (!armed.value) {
        last = Date.now();
        return;
      }
      if (Date.now() - last >= minutes.value * 60_000) onIdle();
    }, 5_000);
  });
  onBeforeUnmount(() => {
    for (const e of EVENTS) window.removeEventListener(e, touch, { capture: true });
    clearInterval(timer);
  });
}
