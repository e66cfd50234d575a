/**
 * The bundled Noto Sans Devanagari for print views, as the app has it: Vite gives the asset URLs
 * (app://… in Electron, a path in web mode), they are fetched once and embedded as data: URLs,
 * so the printed document is self-contained (the print window loads nothing else).
 */
import deva400 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2?url';
import deva600 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-600-normal.woff2?url';
import latin400 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-600-normal.woff2?url';
import { DEVANAGARI_RANGE, LATIN_RANGE, type PrintFont } from './printView';

const FACES: { url: string; weight: 400 | 600; unicodeRange: string }[] = [
  { url: deva400, weight: 400, unicodeRange: DEVANAGARI_RANGE },
  { url: deva600, weight: 600, unicodeRange: DEVANAGARI_RANGE },
  { url: latin400, weight: 400, unicodeRange: LATIN_RANGE },
  { url: latin600, weight: 600, unicodeRange: LATIN_RANGE },
];

let loaded: Promise<PrintFont[]> | null = null;

async function face(f: (typeof FACES)[number]): Promise<PrintFont> {
  // Small assets may already be inlined as data: URLs by Vite.
  if (f.url.startsWith('data:')) return { weight: f.weight, unicodeRange: f.unicodeRange, woff2: f.url };
  const res = await fetch(f.url);
  if (!res.ok) throw new Error(`print font ${f.url}: ${res.status}`);
  return { weight: f.weight, unicodeRange: f.unicodeRange, woff2: new Uint8Array(await res.arrayBuffer()) };
}

/** The print fonts, loaded on first use and kept for the session. */
export function loadPrintFonts(): Promise<PrintFont[]> {
  loaded ??= Promise.all(FACES.map(face)).catch((e: unknown) => {
    loaded = null;
    throw e;
  });
  return loaded;
}
