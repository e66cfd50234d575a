/** What a new Mitan starts with, and what the roster fills in from the chosen village. */
import type { RecordData } from '../validation';

/** WhatsApp is not assumed: the writer ticks it only when the Mitan says so. */
export function newMitanDefaults(): RecordData {
  return { status: 'active', role: 'member', whatsapp: false };
}

export function newTeamDefaults(settings: Record<string, unknown>): RecordData {
  const target = typeof settings.teamTarget === 'number' && settings.teamTarget > 0 ? settings.teamTarget : 25;
  return {
    target,
    nodalName: typeof settings.nodalName === 'string' ? settings.nodalName : null,
    nodalRank: typeof settings.nodalRank === 'string' ? settings.nodalRank : null,
    nodalMobile: typeof settings.nodalMobile === 'string' ? settings.nodalMobile : null,
  };
}

/** Urban/rural and beat come from the village or ward when the entry does not say. */
export function completeFromPlace(input: RecordData, place: { data: Record<string, unknown> } | undefined): void {
  if (!place) return;
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(input.area) && !blank(place.data.area)) input.area = place.data.area;
  if (blank(input.beat) && !blank(place.data.beat)) input.beat = place.data.beat;
}
