/**
 * `v-hindi` on a text box or text area: the keys go through the person's chosen Hindi typing
 * (domain/typing: Remington (GAIL) or phonetic); with the system keyboard it does nothing.
 * The box gets Unicode text and an ordinary `input` event, so v-model and @input work unchanged.
 * The mode is one reactive value for the whole app, set by stores/ui.ts from the person's choice.
 */
import { ref, type Directive } from 'vue';
import { createTypingSession, resetTypingSession, typeKey, type TypingMode, type TypingSession } from '@/domain/typing';

export const activeTypingMode = ref<TypingMode>('system');

type TextBox = HTMLInputElement | HTMLTextAreaElement;
const sessions = new WeakMap<TextBox, TypingSession>();

function onKeydown(ev: Event) {
  const e = ev as KeyboardEvent;
  const el = e.currentTarget as TextBox;
  const mode = activeTypingMode.value;
  if (mode === 'system' || e.isComposing || e.ctrlKey || e.altKey || e.metaKey || el.readOnly || el.disabled) return;
  if (e.key.length !== 1 && e.key !== 'Backspace') return;
  const session = sessions.get(el) ?? createTypingSession();
  sessions.set(el, session);
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  if (start !== end) {
    // A selection is replaced as usual; the next word starts fresh.
    resetTypingSession(session);
    return;
  }
  const before = el.value.slice(0, start);
  const next = typeKey(mode, session, before, e.key);
  if (next === null) return;
  const value = next + el.value.slice(end);
  if (el.maxLength > 0 && [...value].length > el.maxLength) return;
  e.preventDefault();
  el.value = value;
  el.setSelectionRange(next.length, next.length);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function forget(e: Event) {
  const s = sessions.get(e.currentTarget as TextBox);
  if (s) resetTypingSession(s);
}

export const vHindi: Directive<TextBox, boolean | undefined> = {
  mounted(el, binding) {
    if (binding.value === false) return;
    el.dataset.hindiTyping = '';
    el.addEventListener('keydown', onKeydown);
    el.addEventListener('blur', forget);
    el.addEventListener('mousedown', forget);
  },
  beforeUnmount(el) {
    el.removeEventListener('keydown', onKeydown);
    el.removeEventListener('blur', forget);
    el.removeEventListener('mousedown', forget);
  },
};
