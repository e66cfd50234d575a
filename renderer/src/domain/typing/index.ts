/**
 * Typing Hindi as the writer learned (design §3.19): the system keyboard (InScript or any IME:
 * the app does nothing), the Remington (GAIL) typewriter layout, or phonetic Latin. Either way
 * the text stored is Unicode. Pure functions over "the text before the caret" and one key, so
 * they are tested keystroke by keystroke; components/inputs/hindiTyping.ts applies them to inputs.
 */
import { createPhoneticState, phoneticKey, type PhoneticState } from './phonetic';
import { createRemingtonState, remingtonKey, type RemingtonState } from './remington';

export type TypingMode = 'system' | 'remington' | 'phonetic';
/** In the order F9 steps through them. */
export const TYPING_MODES: readonly TypingMode[] = ['system', 'remington', 'phonetic'];

/** What one text box remembers between keys (a half-typed word, a ि waiting for its consonant). */
export interface TypingSession {
  remington: RemingtonState;
  phonetic: PhoneticState;
}

export function createTypingSession(): TypingSession {
  return { remington: createRemingtonState(), phonetic: createPhoneticState() };
}

/** Forget the word in progress (the caret moved, the box lost the focus, the text changed). */
export function resetTypingSession(s: TypingSession): void {
  s.remington = createRemingtonState();
  s.phonetic = createPhoneticState();
}

/**
 * The text before the caret after the key `key` (KeyboardEvent.key: 'a', 'A', 'Backspace', …),
 * or null when the app leaves the key to the browser.
 */
export function typeKey(mode: TypingMode, session: TypingSession, before: string, key: string): string | null {
  if (mode === 'remington') return key === 'Backspace' ? (resetTypingSession(session), null) : remingtonKey(session.remington, before, key);
  if (mode === 'phonetic') return phoneticKey(session.phonetic, before, key);
  return null;
}

/**
 * Keys typed one after another into an empty (or given) box, as a browser would apply them:
 * what the tests and the help text use. Backspace the app leaves alone deletes one character.
 */
export function typeKeys(mode: TypingMode, keys: readonly string[], initial = ''): string {
  const session = createTypingSession();
  let text = initial;
  for (const key of keys) {
    const next = typeKey(mode, session, text, key);
    if (next !== null) text = next;
    else if (key === 'Backspace') text = [...text].slice(0, -1).join('');
    else if (key.length === 1) text += key;
  }
  return text;
}
