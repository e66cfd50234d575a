/**
 * Teams, villages and team strengths for the roster screens: few enough to hold whole, reloaded
 * after every write that can change them.
 */
import { computed, shallowRef } from 'vue';
import type { StoredRecord } from '@/domain/records';
import { mitanRegister } from '@/domain/registers/mitan';
import { teamRegister } from '@/domain/registers/team';
import type { TeamStrength } from '@/domain/roster/strength';
import { listPlaces, listTeams, teamStrengths } from '@/db/roster';
import { useStationStore } from '@/stores/station';
import { placeOption, teamOption, withRefOptions } from './displayDef';

export function useRoster() {
  const station = useStationStore();
  /** All teams, cancelled ones last (their names still label old entries). */
  const teams = shallowRef<StoredRecord[]>([]);
  const places = shallowRef<StoredRecord[]>([]);
  const strengths = shallowRef(new Map<string, TeamStrength>());

  async function reload(): Promise<void> {
    const [t, p] = await Promise.all([listTeams(station.ctx, true), listPlaces(station.ctx)]);
    strengths.value = await teamStrengths(station.ctx, t);
    teams.value = t;
    places.value = p;
  }

  const liveTeams = computed(() => teams.value.filter((t) => !t.cancelled));
  const teamLabels = computed(() => teams.value.map(teamOption));
  const teamChoices = computed(() => liveTeams.value.map(teamOption));
  const placeChoices = computed(() => places.value.map(placeOption));

  /** For lists, entry views and history: every team's name. */
  const mitanShown = computed(() => withRefOptions(mitanRegister, { team: teamLabels.value, place: placeChoices.value }));
  /** For the form: only live teams to choose from. */
  const mitanForm = computed(() => withRefOptions(mitanRegister, { team: teamChoices.value, place: placeChoices.value }));
  const teamShown = computed(() => withRefOptions(teamRegister, { place: placeChoices.value }));

  const placeById = (id: unknown) => (typeof id === 'string' ? places.value.find((p) => p.id === id) : undefined);

  return { teams, liveTeams, places, strengths, reload, teamChoices, placeChoices, mitanShown, mitanForm, teamShown, placeById };
}
