/**
 * validateRecord builds each record's data from a copy of the register's blank record (a fast
 * object for V8, see domain/validation.ts): the data must come out as it did field by field.
 */
import { describe, expect, it } from 'vitest';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { validateRecord } from '../../../renderer/src/domain/validation';
import { mitanInput, validationCtx } from '../roster/fixture';

describe("A record's data as validation builds it", () => {
  it('has the entered fields in register order, then fields it does not know, then the computed ones', () => {
    const { data } = validateRecord(complaintRegister, { fromNewerSchema: 'kept', zLast: 1 }, validationCtx);
    const entered = complaintRegister.fields.filter((f) => !f.compute).map((f) => f.key);
    const computed = complaintRegister.fields.filter((f) => f.compute).map((f) => f.key);
    expect(computed.length).toBeGreaterThan(0);
    expect(Object.keys(data)).toEqual([...entered, 'fromNewerSchema', 'zLast', ...computed]);
    expect(data.fromNewerSchema).toBe('kept');
  });

  it('is a new object each time: a value set in one record never shows in the next', () => {
    const first = validateRecord(mitanRegister, mitanInput({ remarks: 'पहली पंक्ति' }), validationCtx).data;
    first.locality = 'बदला गया';
    const second = validateRecord(mitanRegister, mitanInput(), validationCtx).data;
    expect(second).not.toBe(first);
    expect(second.remarks).toBeNull();
    expect(second.locality).toBeNull();
    expect(Object.keys(second)).toEqual(mitanRegister.fields.filter((f) => !f.compute).map((f) => f.key));
  });
});
