import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../renderer/src/domain/validation';
import { mitanRegister, mitanRegNo } from '../../../renderer/src/domain/registers/mitan';
import { teamRegister } from '../../../renderer/src/domain/registers/team';
import { ageOn } from '../../../renderer/src/domain/roster/rules';
import { teamStrength, teamTarget, sumStrengths } from '../../../renderer/src/domain/roster/strength';
import { mitanInput, teamInput, validationCtx } from './fixture';

const refs = { teamId: 'BSPKOTA:team:01', placeId: 'BSPKOTA:place:01' };
function check(extra: Record<string, unknown>) {
  return validateRecord(mitanRegister, mitanInput({ ...refs, ...extra }), validationCtx);
}
const errorCodes = (r: ReturnType<typeof check>) => r.issues.filter((i) => i.severity === 'error').map((i) => `${i.field}:${i.code}`);

describe('Mitan rules', () => {
  it('accepts a complete entry', () => {
    expect(errorCodes(check({}))).toEqual([]);
  });

  it('counts age in whole years up to the day before the birthday', () => {
    expect(ageOn('2008-03-16', '2026-03-15')).toBe(17);
    expect(ageOn('2008-03-15', '2026-03-15')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });

  it('refuses anyone under 18, by date of birth or by age, in Hindi and English', () => {
    const byDob = check({ age: null, dob: '2008-03-16' });
    expect(errorCodes(byDob)).toEqual(['dob:age.under18']);
    expect(byDob.issues[0]!.message.hi).toContain('18 वर्ष से कम');
    expect(byDob.issues[0]!.message.en).toContain('under 18');
    expect(errorCodes(check({ age: 17 }))).toEqual(['age:age.under18']);
    expect(errorCodes(check({ age: null, dob: '2008-03-15', consentDate: '2026-03-15' }))).toEqual([]);
    expect(errorCodes(check({ age: 18 }))).toEqual([]);
    expect(errorCodes(check({ age: 120 }))).toEqual(['age:age.max']);
  });

  it('needs the age or the date of birth, and warns when they disagree', () => {
    expect(errorCodes(check({ age: null, dob: null }))).toEqual(['age:age.required']);
    const both = check({ age: 40, dob: '2000-01-01' });
    expect(errorCodes(both)).toEqual([]);
    expect(both.issues.map((i) => i.code)).toContain('age.mismatch');
    expect(errorCodes(check({ age: null, dob: '2027-01-01' }))).toEqual(['dob:future']);
  });

  it('normalises Indian mobiles and refuses anything else', () => {
    for (const m of ['+91 98765 43210', '09876543210', '98765-43210', '919876543210', 9876543210, '9.87654321E+09'])
      expect(check({ mobile: m }).data.mobile, String(m)).toBe('9876543210');
    for (const m of ['12345', '5876543210', '98765432', 'abc'])
      expect(errorCodes(check({ mobile: m })), String(m)).toEqual(['mobile:mobile.invalid']);
    expect(errorCodes(check({ mobile: '' }))).toEqual(['mobile:required']);
  });

  it('keeps only the last four digits of an ID, never the full number', () => {
    const aadhaar = check({ idType: 'aadhaar', idLast4: '1234 5678 9012' });
    expect(errorCodes(aadhaar)).toEqual([]);
    expect(aadhaar.data.idLast4).toBe('9012');
    expect(JSON.stringify(aadhaar.data)).not.toContain('123456789012');
    expect(errorCodes(check({ idType: 'voter', idLast4: '12' }))).toEqual(['idLast4:last4']);
    expect(errorCodes(check({ idType: 'pan', idLast4: null }))).toEqual(['idLast4:required']);
    // Digits without a type: the type is asked for.
    expect(errorCodes(check({ idType: null, idLast4: '4321' }))).toEqual([]);
    const noType = check({ idType: null, idLast4: '4321' });
    // idLast4 is only asked with a type, so it is dropped rather than kept unexplained.
    expect(noType.data.idLast4).toBeNull();
  });

  it('requires the consent date, not in the future, and not before 18', () => {
    expect(errorCodes(check({ consentDate: null }))).toEqual(['consentDate:required']);
    expect(errorCodes(check({ consentDate: '2026-03-16' }))).toEqual(['consentDate:future']);
    expect(errorCodes(check({ age: null, dob: '2007-06-01', consentDate: '2025-01-01' }))).toEqual(['consentDate:age.consent']);
  });

  it('asks a date and a reason for any status but active', () => {
    expect(errorCodes(check({ status: 'inactive' })).sort()).toEqual(['statusDate:required', 'statusReason:required']);
    expect(errorCodes(check({ status: 'withdrawn', statusDate: '2026-03-01', statusReason: 'गाँव छोड़ दिया' }))).toEqual([]);
    expect(errorCodes(check({ status: 'withdrawn', statusDate: '2026-01-01', statusReason: 'गाँव छोड़ दिया' }))).toEqual(['statusDate:range']);
    // An active Mitan carries no status reason.
    expect(check({ status: 'active', statusReason: 'x' }).data.statusReason).toBeNull();
    expect(errorCodes(check({ status: 'retired' }))).toEqual(['status:option']);
  });

  it('drops training venue and trainer when there is no training date, and refuses a future training', () => {
    expect(check({ trainingVenue: 'थाना परिसर' }).data.trainingVenue).toBeNull();
    expect(check({ trainingDate: '2026-02-20', trainingVenue: 'थाना परिसर' }).data.trainingVenue).toBe('थाना परिसर');
    expect(errorCodes(check({ trainingDate: '2026-04-01' }))).toEqual(['trainingDate:future']);
  });

  it('requires the fields §6(a) marks required', () => {
    const r = validateRecord(mitanRegister, {}, validationCtx);
    expect(errorCodes(r).sort()).toEqual(
      ['area', 'category', 'consentDate', 'gender', 'mobile', 'name', 'placeId', 'relativeName', 'role', 'status', 'teamId'].map((f) => `${f}:required`).sort(),
    );
  });

  it('indexes the mobile as a lookup key and counts the Mitan in its team, village and thana', () => {
    const { data } = check({ trainingDate: '2026-02-20' });
    expect(mitanRegister.lookupKeys!(data)).toEqual(['mobile:9876543210']);
    expect(mitanRegister.totals!(data)).toEqual([
      { key: 'mitan:all', values: { total: 1, active: 1, trained: 1 } },
      { key: 'mitan:team:BSPKOTA:team:01', values: { total: 1, active: 1, trained: 1 } },
      { key: 'mitan:place:BSPKOTA:place:01', values: { total: 1, active: 1, trained: 1 } },
    ]);
    expect(mitanRegNo({ thana: 'BSPKOTA', serial: '2026/0007' })).toBe('BSPKOTA/2026/0007');
  });

  it('every field has Hindi and English labels, and every form field an import heading', () => {
    for (const f of mitanRegister.fields) {
      expect(f.label.hi).toMatch(/[\u0900-\u097F]/);
      expect(f.label.en).toMatch(/[A-Za-z]/);
      expect(f.importAliases?.length, f.key).toBeGreaterThan(0);
    }
  });
});

describe('Team rules and strength', () => {
  it('needs number, leader, nodal officer, date formed and an area', () => {
    expect(validateRecord(teamRegister, teamInput(1), validationCtx).issues).toEqual([]);
    const noArea = validateRecord(teamRegister, teamInput(1, { beat: null, placeIds: [] }), validationCtx);
    expect(noArea.issues.map((i) => i.code)).toEqual(['area.required']);
    const bad = validateRecord(teamRegister, { teamNo: 0, leaderMobile: '123' }, validationCtx);
    expect(bad.issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual(
      ['teamNo:min', 'leaderMobile:mobile.invalid', 'leaderName:required', 'leaderRank:required', 'nodalName:required', 'nodalRank:required', 'formedOn:required', 'target:required'].sort(),
    );
  });

  it('measures active strength against the target (25 by default) and the gap', () => {
    expect(teamTarget({}, {})).toBe(25);
    expect(teamTarget({}, { teamTarget: 20 })).toBe(20);
    expect(teamTarget({ target: 30 }, { teamTarget: 20 })).toBe(30);
    expect(teamStrength({ total: 12, active: 10, trained: 4 }, 25)).toMatchObject({ gap: 15, percent: 40, level: 'low' });
    expect(teamStrength({ total: 21, active: 21, trained: 21 }, 25)).toMatchObject({ gap: 4, level: 'near' });
    expect(teamStrength({ total: 25, active: 25, trained: 0 }, 25)).toMatchObject({ gap: 0, level: 'full' });
    expect(teamStrength({ total: 27, active: 26, trained: 0 }, 25)).toMatchObject({ gap: 0, level: 'over' });
    expect(teamStrength({ total: 0, active: 0, trained: 0 }, 25)).toMatchObject({ gap: 25, level: 'empty' });
    expect(sumStrengths([teamStrength({ total: 30, active: 30, trained: 0 }, 25), teamStrength({ total: 5, active: 5, trained: 0 }, 25)])).toMatchObject({ active: 35, target: 50, gap: 20 });
  });
});
