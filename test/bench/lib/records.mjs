// Deterministic, register-shaped records for benchmarks (a Mitan roster row as the
// app stores it: sync fields, Hindi text, about 700 bytes of JSON each).
// Plain JavaScript so that both the browser bundle (vite) and Node scenarios can use it;
// types are in records.d.mts.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const FIRST = ['रामकुमार', 'सुनीता', 'मनोज', 'गीता', 'राजेश', 'पूजा', 'संतोष', 'लक्ष्मी', 'दिनेश', 'कविता', 'अजय', 'रेखा', 'विनोद', 'सरिता', 'महेश', 'अनीता'];
const SURNAME = ['साहू', 'यादव', 'पटेल', 'वर्मा', 'कश्यप', 'ध्रुव', 'मरकाम', 'नेताम', 'सिंह', 'कौशिक', 'श्रीवास', 'पाण्डेय'];
const VILLAGE = ['सेमरताल', 'सेंदरी', 'कोनी', 'बिरकोना', 'लखराम', 'मंगला', 'सिरगिट्टी', 'घुटकू', 'बेलतरा', 'सीपत', 'मोपका', 'खमतराई'];
const OCCUPATION = ['किसान', 'शिक्षक', 'छात्र', 'दुकानदार', 'स्वयं सहायता समूह सदस्य', 'आंगनबाड़ी कार्यकर्ता', 'मजदूर'];
const EDUCATION = ['आठवीं', 'दसवीं', 'बारहवीं', 'स्नातक', 'स्नातकोत्तर'];
const REMARK = [
  'प्रशिक्षण पूर्ण',
  'स्कूल में सत्र',
  'हाट बाजार में पर्चे बांटे',
  'महिला समूह बैठक में चर्चा',
];
const FATHER = FIRST.filter((_, k) => k % 2 === 0);
const WRITERS = ['munshi1', 'munshi2', 'nodal'];

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function makeRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 26-character ULID-like id (48-bit time + 80 bits from the seeded PRNG), Crockford base32. */
export function fakeUlid(timeMs, rng) {
  let out = '';
  let t = Math.floor(timeMs);
  for (let i = 9; i >= 0; i--) {
    out = CROCKFORD[t % 32] + out;
    t = Math.floor(t / 32);
  }
  for (let i = 0; i < 16; i++) out += CROCKFORD[Math.floor(rng() * 32)];
  return out;
}

const pick = (list, rng) => list[Math.floor(rng() * list.length)];
const pad = (n, width) => String(n).padStart(width, '0');
const hex = (rng, len) => {
  let s = '';
  for (let i = 0; i < len; i++) s += '0123456789abcdef'[Math.floor(rng() * 16)];
  return s;
};

const BASE_TIME = Date.UTC(2025, 6, 1, 4, 30, 0); // 1 July 2025, 10:00 IST

/**
 * `count` Mitan-roster records, the same for the same (count, options) on every run.
 * Ids `<thana>:mitan:<ULID>` in creation order; serials 1..n per thana; unique mobiles.
 */
export function makeRecords(count, options = {}) {
  const seed = options.seed ?? 20250701;
  const thanaCount = Math.max(1, options.thanaCount ?? 1);
  const rng = makeRng(seed);
  const serials = new Array(thanaCount).fill(0);
  const records = new Array(count);
  let time = BASE_TIME;
  for (let i = 0; i < count; i++) {
    time += 1000 + Math.floor(rng() * 60_000);
    const t = i % thanaCount;
    const thana = `BSP${pad(t + 1, 2)}`;
    const serial = ++serials[t];
    const first = pick(FIRST, rng);
    const female = ['सुनीता', 'गीता', 'पूजा', 'लक्ष्मी', 'कविता', 'रेखा', 'सरिता', 'अनीता'].includes(first);
    const surname = pick(SURNAME, rng);
    const village = pick(VILLAGE, rng);
    const created = new Date(time).toISOString();
    const updated = new Date(time + Math.floor(rng() * 86_400_000)).toISOString();
    const writer = `${thana}-${pick(WRITERS, rng)}`;
    records[i] = {
      id: `${thana}:mitan:${fakeUlid(time, rng)}`,
      thana,
      type: 'mitan',
      schemaVersion: 1,
      serial,
      regNo: `${thana}/मितान/2025/${pad(serial, 6)}`,
      name: `${first} ${surname}`,
      fatherName: `${pick(FATHER, rng)} ${surname}`,
      gender: female ? 'महिला' : 'पुरुष',
      age: 18 + Math.floor(rng() * 47),
      mobile: String(6_000_000_000 + ((i * 2_654_435_761) % 4_000_000_000)),
      village: `ग्राम ${village}`,
      ward: 1 + Math.floor(rng() * 20),
      occupation: pick(OCCUPATION, rng),
      education: pick(EDUCATION, rng),
      remarks: pick(REMARK, rng),
      createdAt: created,
      createdBy: writer,
      updatedAt: updated,
      updatedBy: writer,
      mutationId: fakeUlid(time, rng),
      rev: `1-${hex(rng, 32)}`,
      syncState: rng() < 0.8 ? 'synced' : 'dirty',
    };
  }
  return records;
}

/** Mean size in UTF-8 bytes of JSON.stringify(record), over up to `sample` records. */
export function meanJsonBytes(records, sample = 1000) {
  const n = Math.min(records.length, sample);
  if (n === 0) return 0;
  const enc = new TextEncoder();
  let total = 0;
  for (let i = 0; i < n; i++) total += enc.encode(JSON.stringify(records[i])).length;
  return Math.round(total / n);
}
