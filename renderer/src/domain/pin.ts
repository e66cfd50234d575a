import { bi, DomainError } from './bilingual';

/** PINs are hashed with PBKDF2-SHA256, a per-user salt and a high iteration count (design §3.11). */
export const PIN_ITERATIONS = 310_000;
export const MAX_FAILED_PINS = 5;
export const LOCKOUT_MINUTES = 15;
/** The doubling stops at a day: the in-charge can always unlock sooner (deactivate, activate). */
export const MAX_LOCKOUT_MINUTES = 24 * 60;

export function assertPinShape(pin: string): void {
  if (!/^\d{4,8}$/.test(pin)) {
    throw new DomainError('pin.shape', bi('पिन 4 से 8 अंकों का होना चाहिए', 'The PIN must be 4 to 8 digits'));
  }
  if (/^(\d)\1+$/.test(pin) || '0123456789'.includes(pin) || '9876543210'.includes(pin)) {
    throw new DomainError('pin.weak', bi('यह पिन बहुत आसान है (जैसे 1111 या 1234), दूसरा चुनें', 'This PIN is too easy to guess (like 1111 or 1234), choose another'));
  }
}

function toHex(buf: ArrayBuffer | Uint8Array): string {
  return Array.from(buf instanceof Uint8Array ? buf : new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export interface PinHash {
  salt: string;
  hash: string;
  iterations: number;
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS, saltHex?: string): Promise<PinHash> {
  const salt = saltHex ? fromHex(saltHex) : globalThis.crypto.getRandomValues(new Uint8Array(16));
  const key = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return { salt: toHex(salt), hash: toHex(bits), iterations };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const { hash } = await hashPin(pin, stored.iterations, stored.salt);
  return samePinHash(hash, stored.hash);
}

/** Constant-time comparison of two hex hashes. */
export function samePinHash(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
