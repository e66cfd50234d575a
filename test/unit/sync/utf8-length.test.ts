// Document sizes are counted in UTF-8 bytes, as the hub counts them (issue #14: bytes, not characters);
// the push counts every document it sends, with the browser's encoder into a reused buffer.
import { describe, expect, it } from 'vitest';
import { jsonSize, utf8Length } from '../../../renderer/src/sync/doc';

describe('utf8Length', () => {
  it('counts the bytes UTF-8 takes: ASCII, Devanagari, pairs, JSON, long strings, and short ones after them', () => {
    const samples = [
      '',
      'BSP01:mitan:01M90TYXKF7FT2S4KGJR7815K6',
      'राम कुमार सिंह, बिलासपुर',
      'UPI 🙏 ठगी ₹5,000 — é',
      JSON.stringify({ name: 'सीमा वर्मा', note: 'साइबर मितान 😀', amount: 5000 }),
      'क'.repeat(300_000), // over the kept buffer
      'ab',
      'ख'.repeat(1000),
    ];
    for (const s of samples) expect(utf8Length(s), s.slice(0, 20)).toBe(Buffer.byteLength(s, 'utf8'));
    expect(jsonSize({ a: 'क' })).toBe(Buffer.byteLength(JSON.stringify({ a: 'क' }), 'utf8'));
    expect(utf8Length('क')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});
