/**
 * Matching what a roster writes for a team or a village ("दल क्र. 3", "Team-03", "ग्राम बेलतरा")
 * to the records already in the station's registers.
 */
import { bi, type Bilingual } from '@/domain/bilingual';
import { placeAliases } from '@/domain/registers/place';
import { normText, plainText, type Plain } from './cells';

export interface RefTarget {
  id: string;
  data: Record<string, unknown>;
}

export type RefMatch = { id: string; isNew?: boolean; bySound?: boolean } | { problem: Bilingual };

/** A name matched to an entry only by how it sounds ("Sakri" → सकरी): used once the writer confirms it. */
export interface SoundMatch {
  refType: string;
  /** The name as the file writes it. */
  text: string;
  id: string;
  /** The entry's own name, as the writer knows it. */
  name: string;
}

export interface RefResolver {
  refType: string;
  resolve(v: Plain): RefMatch;
  /** The record behind an id (or a place to be added, under its `new:` id). */
  get(id: string): RefTarget | undefined;
  /** Unknown names turned into new entries, by `new:` id. */
  readonly added: Map<string, RefTarget>;
  /** Names matched across scripts, by their canonical key, waiting for the writer's confirmation. */
  readonly bySound: Map<string, SoundMatch>;
}

const FILLER = new Set(['क्रमांक', 'क्र', 'नं', 'नंबर', 'न', 'no', 'number', 'num', 'sr']);
const TEAM_WORDS = new Set(['दल', 'टीम', 'team', 'group', 'समूह']);
const PLACE_PREFIX = new Set(['ग्राम', 'गांव', 'गाँव', 'पंचायत', 'village', 'vill', 'gram', 'gp']);
const WARD = new Set(['वार्ड', 'ward', 'वॉर्ड']);

/** Canonical spelling of a team reference: its number if it has one, else its normalised name. */
export function teamRefKey(raw: string): string {
  const words = normText(raw)
    .split(' ')
    .filter((w) => !FILLER.has(w) && !TEAM_WORDS.has(w));
  const joined = words.join(' ');
  return /^\d+$/.test(joined) ? `#${Number(joined)}` : joined;
}

/** Canonical spelling of a village or ward name: "Ward No. 5" = "वार्ड क्रमांक 5", "ग्राम बेलतरा" = "बेलतरा". */
export function placeRefKey(raw: string): string {
  const words = normText(raw)
    .split(' ')
    .filter((w) => !FILLER.has(w))
    .map((w) => (WARD.has(w) ? 'वार्ड' : w));
  while (words.length > 1 && PLACE_PREFIX.has(words[0]!)) words.shift();
  return words.join(' ');
}

const KEYS_OF: Record<string, { keysOf: (d: Record<string, unknown>) => string[]; canon: (s: string) => string; label: Bilingual }> = {
  team: {
    keysOf: (d) => [typeof d.teamNo === 'number' ? `#${d.teamNo}` : '', typeof d.name === 'string' ? teamRefKey(d.name) : ''],
    canon: teamRefKey,
    label: bi('दल', 'Team'),
  },
  place: {
    keysOf: (d) => [typeof d.name === 'string' ? placeRefKey(d.name) : '', ...placeAliases(d).map(placeRefKey)],
    canon: placeRefKey,
    label: bi('ग्राम/वार्ड', 'Village/ward'),
  },
};

export interface ResolverOptions {
  /** Unknown names become new entries (places marked isNew) instead of errors. */
  addUnknown?: (name: string) => Record<string, unknown>;
  /** The sound key of a name in either script (see domain/text/transliterate): unknown names are matched by it. */
  soundKey?: (name: string) => string;
  /** Names (canonical keys) the writer said are NOT the entry their sound matched. */
  refused?: Set<string>;
}

export function createRefResolver(refType: string, targets: RefTarget[], opts: ResolverOptions = {}): RefResolver {
  const spec = KEYS_OF[refType] ?? { keysOf: (d: Record<string, unknown>) => [normText(String(d.name ?? ''))], canon: normText, label: bi(refType, refType) };
  const byId = new Map(targets.map((t) => [t.id, t]));
  // null marks a name two entries share: the writer must say which.
  const byKey = new Map<string, string | null>();
  for (const t of targets)
    for (const k of new Set(spec.keysOf(t.data))) {
      if (!k) continue;
      byKey.set(k, byKey.has(k) && byKey.get(k) !== t.id ? null : t.id);
    }
  const added = new Map<string, RefTarget>();
  const bySound = new Map<string, SoundMatch>();
  // null again marks a sound two entries share: no suggestion then.
  const bySoundKey = new Map<string, string | null>();
  if (opts.soundKey)
    for (const t of targets)
      for (const k of new Set(spec.keysOf(t.data).filter(Boolean).map(opts.soundKey))) if (k) bySoundKey.set(k, bySoundKey.has(k) && bySoundKey.get(k) !== t.id ? null : t.id);
  const nameOf = (id: string) => String(byId.get(id)?.data.name ?? '');
  const seen = new Map<string, RefMatch>();
  return {
    refType,
    added,
    bySound,
    get: (id) => byId.get(id) ?? added.get(id),
    resolve(v) {
      // A roster names the same few teams and villages thousands of times: each answer is kept.
      const cacheKey = typeof v === 'string' || typeof v === 'number' ? String(v) : null;
      const known = cacheKey !== null ? seen.get(cacheKey) : undefined;
      if (known) return known;
      const match = resolveText(plainText(v));
      if (cacheKey !== null && seen.size < 5000) seen.set(cacheKey, match);
      return match;
    },
  };
  function resolveText(text: string): RefMatch {
    if (byId.has(text)) return { id: text };
    const key = spec.canon(text);
    const hit = byKey.get(key);
    if (hit) return { id: hit };
    if (hit === null)
      return { problem: bi(`${spec.label.hi} "${text}" एक से अधिक प्रविष्टियों से मेल खाता है`, `${spec.label.en} "${text}" matches more than one entry`) };
    const sounded = key && opts.soundKey && !opts.refused?.has(key) ? bySoundKey.get(opts.soundKey(key)) : undefined;
    if (sounded) {
      if (!bySound.has(key)) bySound.set(key, { refType, text, id: sounded, name: nameOf(sounded) });
      return { id: sounded, bySound: true };
    }
    if (opts.addUnknown && key) {
      const id = `new:${key}`;
      if (!added.has(id)) added.set(id, { id, data: opts.addUnknown(text) });
      return { id, isNew: true };
    }
    return { problem: bi(`${spec.label.hi} "${text}" सूची में नहीं है`, `${spec.label.en} "${text}" is not on the list`) };
  }
}
