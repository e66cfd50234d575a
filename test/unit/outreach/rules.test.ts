import { describe, expect, it } from 'vitest';
import { outreachRegister, outreachLookupKeys } from '../../../renderer/src/domain/registers/outreach';
import { registerOf } from '../../../renderer/src/domain/registers';
import { validateRecord } from '../../../renderer/src/domain/validation';
import { parseCountInput, parseDateInput, parseTimeInput, toAsciiDigits } from '../../../renderer/src/domain/outreach/input';
import { DEFAULT_OUTREACH_TOPICS, outreachTopicOptions, topicLabel } from '../../../renderer/src/domain/outreach/topics';
import { defaultModeFor, defaultTargetGroupFor, ACTIVITY_TYPES } from '../../../renderer/src/domain/outreach/options';
import { CAMPAIGN, M1, TODAY, entry } from './fixtures';

function check(input: Record<string, unknown>, settings: Record<string, unknown> = CAMPAIGN) {
  const { data, issues } = validateRecord(outreachRegister, input, { today: TODAY, settings });
  return { data, issues, errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning') };
}

const codes = (issues: { field?: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('outreach register definition', () => {
  it('is registered, serial by the activity date, late after 7 days, with totals', () => {
    expect(registerOf('outreach')).toBe(outreachRegister);
    expect(outreachRegister.serial).toBe(true);
    expect(outreachRegister.serialDateField).toBe('date');
    expect(outreachRegister.late).toEqual({ dateField: 'date', days: 7 });
    expect(typeof outreachRegister.totals).toBe('function');
  });

  it('every field has a Hindi and an English label, and every message is bilingual', () => {
    for (const f of outreachRegister.fields) {
      expect(f.label.hi.length, f.key).toBeGreaterThan(0);
      expect(f.label.en.length, f.key).toBeGreaterThan(0);
    }
    const { issues } = check({});
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.message.hi).toMatch(/[\u0900-\u097F]/);
      expect(i.message.en).toMatch(/[a-z]/);
    }
  });

  it('stores counts of people, never names of the citizens reached', () => {
    const keys = outreachRegister.fields.map((f) => f.key);
    expect(keys).not.toContain('participants');
    expect(keys.filter((k) => /name/i.test(k))).toEqual(['policeNames', 'placeName']);
  });

  it('accepts a good entry and computes the total, ignoring a typed one', () => {
    const { data, errors, warnings } = check(entry({ total: 9999 }));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(data.total).toBe(55);
  });

  it('the total counts men, women and other, not under-18 (they are "of them")', () => {
    expect(check(entry({ men: 3, women: 4, other: 2, under18: 9 })).data.total).toBe(9);
    expect(check(entry({ men: null, women: 4, other: undefined, under18: 0 })).data.total).toBe(4);
  });
});

describe('rules', () => {
  it.each([
    ['men', -1, 'min'],
    ['women', 2.5, 'int'],
    ['other', 'बहुत', 'int'],
    ['pamphlets', -3, 'min'],
    ['pledges', 1.5, 'int'],
    ['households', -1, 'min'],
    ['contacts', 'x', 'int'],
    ['complaintsHelped', -2, 'min'],
    ['under18', 0.5, 'int'],
  ])('%s = %s is refused (counts are whole numbers ≥ 0)', (field, value, code) => {
    const input = entry({ [field]: value, ...(field === 'households' ? { activityType: 'door-to-door' } : {}) });
    expect(codes(check(input).errors)).toContain(`${field}:${code}`);
  });

  it('counts typed as text with commas are taken as numbers', () => {
    expect(check(entry({ men: '1,200', women: ' 30 ' })).data).toMatchObject({ men: 1200, women: 30, total: 1230 });
  });

  it('a count beyond any one activity (a typing slip) is refused', () => {
    expect(codes(check(entry({ men: 500000 })).errors)).toContain('men:max');
  });

  it('under-18 cannot exceed the total', () => {
    expect(codes(check(entry({ men: 10, women: 5, other: 0, under18: 16 })).errors)).toEqual(['under18:under18.total']);
    expect(check(entry({ men: 10, women: 5, other: 0, under18: 15 })).errors).toEqual([]);
    const msg = check(entry({ men: 1, women: 0, other: 0, under18: 2 })).errors[0]!.message;
    expect(msg.hi).toContain('18 वर्ष से कम');
    expect(msg.en).toContain('Under-18');
  });

  it('a date in the future is refused; today is fine', () => {
    expect(codes(check(entry({ date: '2026-11-29' })).errors)).toEqual(['date:future']);
    expect(check(entry({ date: TODAY })).errors).toEqual([]);
  });

  it('a date before the campaign start is refused; the start day itself is fine', () => {
    expect(codes(check(entry({ date: '2026-10-31' })).errors)).toEqual(['date:before-campaign']);
    expect(check(entry({ date: '2026-11-01' })).errors).toEqual([]);
    expect(check(entry({ date: '2026-10-31' })).errors[0]!.message.hi).toContain('01-11-2026');
  });

  it('without a campaign start in settings only the future is refused', () => {
    expect(check(entry({ date: '2020-01-01' }), {}).errors).toEqual([]);
  });

  it('a date after the campaign end is saved with a warning', () => {
    const r = check(entry({ date: '2026-11-20' }), { campaignStart: '2026-11-01', campaignEnd: '2026-11-15' });
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['date:after-campaign']);
  });

  it('an impossible date is refused', () => {
    expect(codes(check(entry({ date: '2026-02-30' })).errors)).toEqual(['date:date']);
  });

  it('needs at least one Mitan or one police person present', () => {
    const nobody = entry({ mitanIds: [], policeNames: '', policeCount: null });
    expect(codes(check(nobody).errors)).toEqual(['mitanIds:presence']);
    expect(check(entry({ mitanIds: [M1], policeNames: '', policeCount: null })).errors).toEqual([]);
    expect(check(entry({ mitanIds: [], policeNames: 'आर. श्याम', policeCount: null })).errors).toEqual([]);
    expect(check(entry({ mitanIds: [], policeNames: '', policeCount: 2 })).errors).toEqual([]);
    expect(check(entry({ mitanIds: [], policeNames: '', policeCount: 0 })).errors.length).toBe(1);
  });

  it('a police count below the names written is a warning', () => {
    const r = check(entry({ policeNames: 'उनि राम, आर. श्याम; आर. गीता', policeCount: 2 }));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['policeCount:police.count']);
  });

  it('the same Mitan picked twice counts once', () => {
    expect(check(entry({ mitanIds: [M1, M1] })).data.mitanIds).toEqual([M1]);
  });

  it('institution is asked only for a school or college, and then required', () => {
    expect(codes(check(entry({ activityType: 'school', targetGroup: 'students' })).errors)).toEqual(['institution:required']);
    const school = check(entry({ activityType: 'college', targetGroup: 'students', institution: 'शा. महाविद्यालय कोटा', institutionClass: 'बी.ए. प्रथम' }));
    expect(school.errors).toEqual([]);
    expect(school.data.institutionClass).toBe('बी.ए. प्रथम');
    const chaupal = check(entry({ institution: 'कुछ भी', institutionClass: '5' }));
    expect(chaupal.errors).toEqual([]);
    expect(chaupal.data.institution).toBeNull();
    expect(chaupal.data.institutionClass).toBeNull();
  });

  it('households belong to door-to-door activities only', () => {
    expect(check(entry({ activityType: 'door-to-door', households: 42 })).data.households).toBe(42);
    expect(check(entry({ households: 42 })).data.households).toBeNull();
  });

  it('the end time cannot be before the start time; the start time is required', () => {
    expect(codes(check(entry({ timeFrom: '11:00', timeTo: '10:30' })).errors)).toEqual(['timeTo:time.order']);
    expect(codes(check(entry({ timeFrom: '' })).errors)).toEqual(['timeFrom:required']);
    expect(codes(check(entry({ timeFrom: '25:00' })).errors)).toEqual(['timeFrom:time']);
    expect(check(entry({ timeTo: '' })).errors).toEqual([]);
  });

  it('activity type, mode, place, area, target group, topics and reporter are required', () => {
    const r = check(entry({ activityType: '', mode: '', placeId: '', area: '', targetGroup: '', topics: [], reportedBy: ' ' }));
    expect(codes(r.errors).sort()).toEqual(
      ['activityType:required', 'area:required', 'mode:required', 'placeId:required', 'reportedBy:required', 'targetGroup:required', 'topics:required'].sort(),
    );
  });

  it('selects accept only their options', () => {
    expect(codes(check(entry({ activityType: 'picnic' })).errors)).toEqual(['activityType:option']);
    expect(codes(check(entry({ mode: 'fax' })).errors)).toEqual(['mode:option']);
    expect(codes(check(entry({ targetGroup: 'aliens' })).errors)).toEqual(['targetGroup:option']);
  });

  it('a topic not on the list is kept with a warning (old entries stay correctable)', () => {
    const r = check(entry({ topics: ['upi', 'old-topic'] }));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['topics:topics.unknown']);
    expect(r.data.topics).toEqual(['upi', 'old-topic']);
  });

  it('topics come from thana settings when the in-charge has saved a list', () => {
    const settings = { ...CAMPAIGN, outreachTopics: [{ value: 'ai-voice', label: { hi: 'एआई आवाज़ ठगी', en: 'AI voice fraud' } }, 'पार्सल ठगी'] };
    expect(outreachTopicOptions(settings).map((o) => o.value)).toEqual(['ai-voice', 'पार्सल ठगी']);
    expect(check(entry({ topics: ['ai-voice', 'पार्सल ठगी'] }), settings).warnings).toEqual([]);
    expect(topicLabel('upi', settings).hi).toContain('यूपीआई');
    expect(topicLabel('gone', settings)).toEqual({ hi: 'gone', en: 'gone' });
  });

  it('the seed topics are the modus-operandi list of domain.md §1.7 plus 1930 and NCRP', () => {
    expect(outreachTopicOptions({}).length).toBe(22);
    const hi = DEFAULT_OUTREACH_TOPICS.map((o) => o.label.hi);
    expect(hi).toContain('1930 हेल्पलाइन');
    expect(hi).toContain('एनसीआरपी पोर्टल');
    expect(hi).toContain('डिजिटल अरेस्ट');
    expect(new Set(DEFAULT_OUTREACH_TOPICS.map((o) => o.value)).size).toBe(DEFAULT_OUTREACH_TOPICS.length);
  });

  it('an unusual mode for the activity is a warning, not a refusal', () => {
    const r = check(entry({ activityType: 'phone-whatsapp', mode: 'in-person' }));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['mode:mode.unusual']);
  });

  it('an activity with nobody reached is saved with a warning', () => {
    const r = check(entry({ men: 0, women: 0, other: 0, under18: 0, contacts: 0, pamphlets: 0, pledges: 0 }));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['men:nothing.reached']);
  });

  it('every activity type of domain.md §6(b) is offered, with the usual mode and group', () => {
    expect(ACTIVITY_TYPES.map((o) => o.value)).toEqual([
      'door-to-door', 'chaupal', 'school', 'college', 'haat-bazaar', 'bank-csc', 'public-place',
      'phone-whatsapp', 'online-session', 'nukkad-natak', 'short-film', 'rally', 'pledge-stall',
    ]);
    expect(defaultModeFor('phone-whatsapp')).toBe('mobile');
    expect(defaultModeFor('online-session')).toBe('mobile');
    expect(defaultModeFor('rally')).toBe('in-person');
    expect(defaultTargetGroupFor('school')).toBe('students');
    expect(defaultTargetGroupFor('rally')).toBeNull();
  });

  it('lookup keys serve the day sheet, drill-downs, last activity and the verification queue', () => {
    const k = outreachLookupKeys(check(entry()).data);
    expect(k).toContain('date:2026-11-27');
    expect(k).toContain('team:BSPKOTA:team:01JTEAMAAAAAAAAAAAAAAAAAAA');
    expect(k).toContain(`mitan:${M1}`);
    expect(k).toContain(`mitanday:${M1}:2026-11-27`);
    expect(k).toContain('unverified');
    expect(outreachLookupKeys({ ...check(entry()).data, verifiedAt: '2026-11-28T10:00' })).not.toContain('unverified');
  });
});

describe('what the writer types', () => {
  it.each([
    ['10', '10:00'],
    ['9', '09:00'],
    ['930', '09:30'],
    ['1030', '10:30'],
    ['10.30', '10:30'],
    ['10-30', '10:30'],
    ['10 30', '10:30'],
    ['2:5', '02:05'],
    ['१०:३०', '10:30'],
    ['', ''],
    ['25', '25'],
    ['1075', '1075'],
    ['सुबह', 'सुबह'],
  ])('time %s → %s', (raw, out) => expect(parseTimeInput(raw)).toBe(out));

  it('counts: Devanagari digits, commas, blanks', () => {
    expect(toAsciiDigits('१२३')).toBe('123');
    expect(parseCountInput('१२')).toBe(12);
    expect(parseCountInput('1,200')).toBe(1200);
    expect(parseCountInput('  ')).toBeNull();
    expect(parseCountInput('12a')).toBe('12a');
  });

  it('dates: dd-mm-yyyy, dd/mm/yy and ISO', () => {
    expect(parseDateInput('27-11-2026')).toBe('2026-11-27');
    expect(parseDateInput('7/1/27')).toBe('2027-01-07');
    expect(parseDateInput('2026-11-27')).toBe('2026-11-27');
    expect(parseDateInput('kal')).toBeNull();
  });
});
