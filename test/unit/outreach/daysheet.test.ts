// The day sheet's own behaviour, without a browser: what a typed row becomes, what the next
// row takes from it, and how the pickers match what a writer types.
import { describe, expect, it } from 'vitest';
import { outreachRegister } from '../../../renderer/src/domain/registers/outreach';
import { validateRecord } from '../../../renderer/src/domain/validation';
import { ACTIVITY_TYPES, MODES } from '../../../renderer/src/domain/outreach/options';
import { DEFAULT_OUTREACH_TOPICS } from '../../../renderer/src/domain/outreach/topics';
import { carriedFrom, DAY_COLUMNS, emptyRow, rowToInput, rowTotal, withActivity, withPlace, type DayRow } from '../../../renderer/src/views/outreach/dayRow';
import { ACTIVITY_ALIASES, exactLabel, matchOptions, numbered } from '../../../renderer/src/views/outreach/pick';
import { displayRecord, mitanIdsOf } from '../../../renderer/src/views/outreach/display';
import type { StoredRecord } from '../../../renderer/src/domain/records';
import { CAMPAIGN, M1, M2, PLACE_KOTA, TEAM_A, TODAY } from './fixtures';

function typed(over: Partial<DayRow> = {}, counts: Partial<DayRow['counts']> = {}): DayRow {
  const r = withActivity(emptyRow({ teamId: TEAM_A, placeId: PLACE_KOTA, area: 'rural', reportedBy: 'राम कुमार', topics: ['helpline-1930'] }), 'chaupal');
  return { ...r, timeFrom: '10', timeTo: '1130', mitanIds: [M1], ...over, counts: { ...r.counts, men: '12', women: '१५', ...counts } };
}

describe('a typed row', () => {
  it('becomes a valid outreach entry: times and Devanagari digits normalised, blank people counts are 0', () => {
    const input = rowToInput(typed({}, { other: '', under18: '' }), '2026-11-27');
    expect(input).toMatchObject({ date: '2026-11-27', timeFrom: '10:00', timeTo: '11:30', men: 12, women: 15, other: 0, under18: 0, households: null });
    const { issues } = validateRecord(outreachRegister, input, { today: TODAY, settings: CAMPAIGN });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('shows its running total while typing', () => {
    expect(rowTotal(typed({}, { other: '2' }))).toBe(29);
    expect(rowTotal(typed({}, { men: 'x' }))).toBe(15);
  });

  it('text in a count cell reaches the domain as text, and is refused there with a message', () => {
    const input = rowToInput(typed({}, { pledges: '12a' }), '2026-11-27');
    expect(input.pledges).toBe('12a');
    const { issues } = validateRecord(outreachRegister, input, { today: TODAY, settings: CAMPAIGN });
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual(['pledges:int']);
  });

  it('the activity brings its usual mode and target group, until the writer chooses them', () => {
    let r = withActivity(emptyRow(), 'phone-whatsapp');
    expect([r.mode, r.targetGroup]).toEqual(['mobile', 'general']);
    r = withActivity(r, 'school');
    expect([r.mode, r.targetGroup]).toEqual(['in-person', 'students']);
    r = { ...r, mode: 'mobile', touched: { ...r.touched, mode: true } };
    r = withActivity(r, 'rally');
    expect([r.mode, r.targetGroup]).toEqual(['mobile', 'general']);
  });

  it('a village brings its urban/rural, unless the writer set it', () => {
    const r = withPlace(emptyRow(), PLACE_KOTA, 'urban');
    expect(r.area).toBe('urban');
    const chosen = withPlace({ ...emptyRow(), area: 'rural', touched: { mode: false, targetGroup: false, area: true } }, PLACE_KOTA, 'urban');
    expect(chosen.area).toBe('rural');
    expect(withPlace({ ...emptyRow(), newPlaceName: 'नया टोला' }, PLACE_KOTA, null).newPlaceName).toBeNull();
  });
});

describe('the next row', () => {
  it('takes the team, village/ward, area, reporter and topics of the row above — nothing else', () => {
    const prev = typed({ policeNames: 'उनि राम', placeName: 'पंचायत भवन' });
    const next = emptyRow(carriedFrom(prev, PLACE_KOTA));
    expect(next).toMatchObject({ teamId: TEAM_A, placeId: PLACE_KOTA, area: 'rural', reportedBy: 'राम कुमार', topics: ['helpline-1930'] });
    expect(next).toMatchObject({ timeFrom: '', activityType: null, mitanIds: [], policeNames: '', placeName: '' });
    expect(Object.values(next.counts).every((c) => c === '')).toBe(true);
  });

  it('a village added on the spot is carried by its new id', () => {
    const prev = { ...typed(), placeId: null, newPlaceName: 'नया टोला' };
    expect(emptyRow(carriedFrom(prev, 'BSPKOTA:place:NEW')).placeId).toBe('BSPKOTA:place:NEW');
  });

  it('has one column per field the writer types, and no date column (the sheet is for one date)', () => {
    const typedFields = outreachRegister.fields.filter((f) => !['date', 'verifiedBy', 'verifiedAt'].includes(f.key)).map((f) => f.key);
    expect(DAY_COLUMNS.map((c) => c.key).sort()).toEqual(typedFields.sort());
  });
});

describe('type-ahead', () => {
  const acts = numbered(ACTIVITY_TYPES, ACTIVITY_ALIASES);

  it('a number picks the option with that number', () => {
    expect(matchOptions(acts, '2')[0]!.value).toBe('chaupal');
    expect(matchOptions(acts, '१२')[0]!.value).toBe('rally');
    expect(matchOptions(acts, '1').map((o) => o.value).slice(0, 5)).toEqual(['door-to-door', 'nukkad-natak', 'short-film', 'rally', 'pledge-stall']);
  });

  it('the first letters in Hindi or English, or a word writers use', () => {
    expect(matchOptions(acts, 'चौ')[0]!.value).toBe('chaupal');
    expect(matchOptions(acts, 'scho')[0]!.value).toBe('school');
    expect(matchOptions(acts, 'स्कूल')[0]!.value).toBe('school');
    expect(matchOptions(acts, 'बाजार')[0]!.value).toBe('haat-bazaar');
    expect(matchOptions(acts, 'xyz')).toEqual([]);
    expect(matchOptions(numbered(MODES), 'मोबा')[0]!.value).toBe('mobile');
  });

  it('topics by number or word', () => {
    const topics = numbered(DEFAULT_OUTREACH_TOPICS);
    expect(matchOptions(topics, '1')[0]!.value).toBe('helpline-1930');
    expect(matchOptions(topics, 'डिजिटल')[0]!.value).toBe('digital-arrest');
    expect(matchOptions(topics, 'otp')[0]!.value).toBe('otp-vishing');
  });

  it('knows an exact name, so "add new" is not offered for a place already listed', () => {
    const places = [{ value: 'p1', label: { hi: 'खमरिया', en: 'खमरिया' } }];
    expect(exactLabel(places, ' खमरिया ')?.value).toBe('p1');
    expect(exactLabel(places, 'खम')).toBeUndefined();
  });
});

describe('display of ids', () => {
  it('shows names for team, place, Mitans and topics in the data and the history, and never changes the record', () => {
    const rec = {
      id: 'BSPKOTA:outreach:X',
      data: { teamId: TEAM_A, placeId: PLACE_KOTA, mitanIds: [M2], topics: ['upi'], men: 3 },
      history: [
        { version: 1, kind: 'create', changes: [] },
        { version: 2, kind: 'correct', changes: [{ field: 'mitanIds', before: [M1], after: [M2] }, { field: 'men', before: 2, after: 3 }] },
      ],
    } as unknown as StoredRecord;
    const name = (id: unknown) => ({ hi: `नाम ${String(id).slice(-4)}`, en: `name ${String(id).slice(-4)}` });
    const shown = displayRecord(rec, { team: name, place: name, mitan: name, topic: (v) => ({ hi: `विषय ${v}`, en: v }), tr: (b) => b?.hi ?? '' });
    expect(shown.data).toMatchObject({ teamId: 'नाम AAAA', mitanIds: ['नाम 2222'], topics: ['विषय upi'], men: 3 });
    expect(shown.history[1]!.changes[0]).toEqual({ field: 'mitanIds', before: ['नाम 1111'], after: ['नाम 2222'] });
    expect(rec.data.teamId).toBe(TEAM_A);
    expect(mitanIdsOf(rec).sort()).toEqual([M1, M2].sort());
  });
});
