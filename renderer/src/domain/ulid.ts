/** ULIDs: 48-bit time + 80-bit randomness, Crockford base32, monotonic within a millisecond. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom: number[] = [];

function randomChars(n: number): number[] {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b % 32);
}

function incrementBase32(digits: number[]): number[] {
  const out = digits.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]! < 31) {
      out[i]! += 1;
      return out;
    }
    out[i] = 0;
  }
  throw new Error('ULID randomness overflow');
}

export function ulid(now: number = Date.now()): string {
  let random: number[];
  if (now <= lastTime) {
    // Same (or a backwards) millisecond: keep order by incrementing the last random part.
    now = lastTime;
    random = incrementBase32(lastRandom);
  } else {
    random = randomChars(16);
  }
  lastTime = now;
  lastRandom = random;
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((d) => ALPHABET[d]).join('');
}

export function ulidTime(id: string): number {
  let t = 0;
  for (const ch of id.slice(0, 10)) t = t * 32 + ALPHABET.indexOf(ch);
  return t;
}
