#!/usr/bin/env node
// Draws the app icon (build/icons/icon.png, 256×256) with Node built-ins only, so the
// repository needs no image tools: a navy rounded square with a white shield and a saffron
// "mitan" dot. electron-builder derives the Windows .ico and the Linux sizes from it.
// Run again after changing the drawing: node build/icons/generate-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SUPERSAMPLE = 4;
const NAVY = [31, 58, 110];
const WHITE = [255, 255, 255];
const SAFFRON = [242, 140, 40];

function insideRoundedSquare(x, y, margin, radius) {
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return x >= margin && x <= SIZE - margin && y >= margin && y <= SIZE - margin && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** A shield: straight top and sides, then a curve down to a point. */
function insideShield(x, y) {
  const top = 50;
  const shoulder = 136;
  const tip = 218;
  const half = 62;
  if (y < top || y > tip) return false;
  if (y <= shoulder) return Math.abs(x - 128) <= half;
  const t = (y - shoulder) / (tip - shoulder);
  return Math.abs(x - 128) <= half * Math.sqrt(1 - t * t);
}

function colourAt(x, y) {
  if ((x - 128) ** 2 + (y - 122) ** 2 <= 30 ** 2) return [...SAFFRON, 255];
  if (insideShield(x, y)) return [...WHITE, 255];
  if (insideRoundedSquare(x, y, 8, 44)) return [...NAVY, 255];
  return [0, 0, 0, 0];
}

function pixel(px, py) {
  const sum = [0, 0, 0, 0];
  for (let i = 0; i < SUPERSAMPLE; i++) {
    for (let j = 0; j < SUPERSAMPLE; j++) {
      const c = colourAt(px + (i + 0.5) / SUPERSAMPLE, py + (j + 0.5) / SUPERSAMPLE);
      // Premultiplied, so transparent samples do not darken the edges.
      for (let k = 0; k < 3; k++) sum[k] += (c[k] * c[3]) / 255;
      sum[3] += c[3];
    }
  }
  const n = SUPERSAMPLE * SUPERSAMPLE;
  const a = sum[3] / n;
  if (a === 0) return [0, 0, 0, 0];
  return [...sum.slice(0, 3).map((v) => Math.round(((v / n) * 255) / a)), Math.round(a)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function drawIconPng() {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const png = drawIconPng();
  writeFileSync(new URL('./icon.png', import.meta.url), png);
  console.log(`build/icons/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
}
