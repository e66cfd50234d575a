/**
 * Names for the ids an outreach entry holds (team, Mitans, village/ward), and the choices of the
 * pickers. Teams and places are few and loaded whole; Mitans are many and fetched as needed.
 */
import { computed, shallowRef, triggerRef } from 'vue';
import { bi, type Bilingual } from '@/domain/bilingual';
import type { StoredRecord } from '@/domain/records';
import { allOf, findMitans, getMany } from '@/db/outreach';
import { useStationStore } from '@/stores/station';
import type { PickOption } from './pick';

export function teamLabel(r: StoredRecord): Bilingual {
  const no = r.data.teamNo ?? '';
  const name = (r.data.name ?? r.data.leaderName ?? '') as string;
  return bi(`दल ${no}${name ? ` — ${name}` : ''}`, `Team ${no}${name ? ` — ${name}` : ''}`);
}

export function placeLabel(r: StoredRecord): Bilingual {
  const name = String(r.data.name ?? '');
  return bi(name, name);
}

export function mitanLabel(r: StoredRecord): Bilingual {
  const name = String(r.data.name ?? '');
  const no = r.serialNo ?? '';
  return bi(`${no} ${name}`.trim(), `${no} ${name}`.trim());
}

export function useOutreachRefs() {
  const station = useStationStore();
  const teams = shallowRef<StoredRecord[]>([]);
  const places = shallowRef<StoredRecord[]>([]);
  const mitans = shallowRef(new Map<string, StoredRecord>());
  const byId = computed(() => new Map([...teams.value, ...places.value].map((r) => [r.id, r])));

  async function loadLists(): Promise<void> {
    [teams.value, places.value] = await Promise.all([allOf(station.ctx, 'team'), allOf(station.ctx, 'place')]);
  }

  function remember(rows: StoredRecord[]) {
    for (const r of rows) mitans.value.set(r.id, r);
    triggerRef(mitans);
  }

  /** Make sure these Mitans' names are known (saved rows, a correction form). */
  async function ensureMitans(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !mitans.value.has(id));
    if (missing.length) remember(await getMany(station.ctx, 'mitan', missing));
  }

  async function searchMitans(text: string): Promise<PickOption[]> {
    const rows = await findMitans(station.ctx, text);
    remember(rows);
    return rows.map((r) => ({
      value: r.id,
      label: mitanLabel(r),
      code: r.serialNo ? String(r.serialNo) : undefined,
      hint: typeof r.data.teamId === 'string' && byId.value.get(r.data.teamId) ? teamLabel(byId.value.get(r.data.teamId)!).hi : undefined,
    }));
  }

  function addPlace(r: StoredRecord) {
    if (!places.value.some((p) => p.id === r.id)) places.value = [...places.value, r];
  }

  const teamOptions = computed<PickOption[]>(() =>
    [...teams.value]
      .sort((a, b) => Number(a.data.teamNo ?? 0) - Number(b.data.teamNo ?? 0))
      .map((r) => ({ value: r.id, label: teamLabel(r), code: r.data.teamNo !== undefined ? String(r.data.teamNo) : undefined })),
  );
  const placeOptions = computed<PickOption[]>(() =>
    [...places.value]
      .sort((a, b) => String(a.data.name).localeCompare(String(b.data.name), 'hi'))
      .map((r) => ({ value: r.id, label: placeLabel(r), hint: r.data.isNew ? 'नया / new' : (r.data.beat as string | undefined) })),
  );

  const unknown = (id: string) => bi(`(${id.split(':').pop()?.slice(-6) ?? id})`, `(${id.split(':').pop()?.slice(-6) ?? id})`);
  const labelOf = {
    team: (id: unknown): Bilingual | null => (typeof id === 'string' && id ? (byId.value.has(id) ? teamLabel(byId.value.get(id)!) : unknown(id)) : null),
    place: (id: unknown): Bilingual | null => (typeof id === 'string' && id ? (byId.value.has(id) ? placeLabel(byId.value.get(id)!) : unknown(id)) : null),
    mitan: (id: unknown): Bilingual | null => (typeof id === 'string' && id ? (mitans.value.has(id) ? mitanLabel(mitans.value.get(id)!) : unknown(id)) : null),
  };
  const placeRecord = (id: string | null) => (id ? byId.value.get(id) ?? null : null);

  return { teams, places, loadLists, ensureMitans, searchMitans, addPlace, teamOptions, placeOptions, labelOf, placeRecord };
}

export type OutreachRefs = ReturnType<typeof useOutreachRefs>;
