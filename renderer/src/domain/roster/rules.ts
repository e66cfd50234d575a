/**
 * Rules of the Cyber Mitan roster that are more than a field type: the 18+ age rule (DPDP s.9:
 * no under-18 data without parental consent), ID documents as type + last four digits, the
 * status reason, dates that cannot be in the future.
 */
import { bi, type Issue } from '../bilingual';
import { isValidDate } from '../dates';
import type { FieldContext } from '../registers/types';

export const MIN_MITAN_AGE = 18;
export const MAX_MITAN_AGE = 100;

/** A field that holds something (validated data has null, not undefined, for blanks). */
export function isSet(v: unknown): boolean {
  return v !== null && v !== undefined;
}

/** Whole years from `dob` to `on` (both 'YYYY-MM-DD'): the age on that day. */
export function ageOn(dob: string, on: string): number {
  // Less one if the birthday ('MM-DD', zero-padded, so compared as text) is still to come that year.
  const age = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  return on.slice(5, 10) < dob.slice(5, 10) ? age - 1 : age;
}

const underAge = (field: string): Issue => ({
  field,
  code: 'age.under18',
  severity: 'error',
  message: bi(
    '18 वर्ष से कम आयु के व्यक्ति को साइबर मितान नहीं बनाया जा सकता',
    'A person under 18 cannot be enrolled as a Cyber Mitan',
  ),
});

/** DOB: a real past date, and the person is 18 or older today. */
export function validateDob(value: unknown, ctx: FieldContext): Issue | null {
  if (!isValidDate(value)) return null;
  if (value > ctx.today) return futureDate('dob', bi('जन्मतिथि', 'Date of birth'));
  const age = ageOn(value, ctx.today);
  if (age < MIN_MITAN_AGE) return underAge('dob');
  if (age > MAX_MITAN_AGE)
    return { field: 'dob', code: 'age.max', severity: 'error', message: bi('जन्मतिथि सही नहीं लगती (आयु 100 वर्ष से अधिक)', 'The date of birth looks wrong (age over 100)') };
  return null;
}

/** Age in years, when no DOB is known. */
export function validateAge(value: unknown): Issue | null {
  if (typeof value !== 'number') return null;
  if (value < MIN_MITAN_AGE) return underAge('age');
  if (value > MAX_MITAN_AGE)
    return { field: 'age', code: 'age.max', severity: 'error', message: bi('आयु 100 वर्ष से अधिक नहीं हो सकती', 'Age cannot be more than 100 years') };
  return null;
}

export function futureDate(field: string, label: { hi: string; en: string }): Issue {
  return {
    field,
    code: 'future',
    severity: 'error',
    message: bi(`"${label.hi}" भविष्य का दिनांक नहीं हो सकता`, `"${label.en}" cannot be a future date`),
  };
}

/** A field validator for dates that record something that already happened. */
export function notFuture(field: string, label: { hi: string; en: string }) {
  return (value: unknown, ctx: FieldContext): Issue | null => (isValidDate(value) && value > ctx.today ? futureDate(field, label) : null);
}

export const ID_TYPES = [
  { value: 'aadhaar', label: bi('आधार', 'Aadhaar') },
  { value: 'voter', label: bi('मतदाता पहचान पत्र', 'Voter ID') },
  { value: 'pan', label: bi('पैन कार्ड', 'PAN card') },
  { value: 'dl', label: bi('ड्राइविंग लाइसेंस', 'Driving licence') },
  { value: 'passport', label: bi('पासपोर्ट', 'Passport') },
  { value: 'ration', label: bi('राशन कार्ड', 'Ration card') },
  { value: 'other', label: bi('अन्य', 'Other') },
];

export const MITAN_STATUSES = [
  { value: 'active', label: bi('सक्रिय', 'Active') },
  { value: 'inactive', label: bi('निष्क्रिय', 'Inactive') },
  { value: 'withdrawn', label: bi('नाम वापस', 'Withdrawn') },
];

export const GENDERS = [
  { value: 'male', label: bi('पुरुष', 'Male') },
  { value: 'female', label: bi('महिला', 'Female') },
  { value: 'other', label: bi('अन्य', 'Other') },
];

export const MITAN_CATEGORIES = [
  { value: 'spo', label: bi('विशेष पुलिस अधिकारी', 'SPO') },
  { value: 'volunteer', label: bi('स्वयंसेवक', 'Volunteer') },
  { value: 'ngo', label: bi('एनजीओ', 'NGO') },
  { value: 'student', label: bi('छात्र', 'Student') },
  { value: 'teacher', label: bi('शिक्षक', 'Teacher') },
  { value: 'public-rep', label: bi('जनप्रतिनिधि', 'Public representative') },
  { value: 'police', label: bi('पुलिसकर्मी', 'Police staff') },
  { value: 'other', label: bi('अन्य', 'Other') },
];

export const TEAM_ROLES = [
  { value: 'member', label: bi('सदस्य', 'Member') },
  { value: 'leader', label: bi('प्रमुख', 'Leader') },
];

/**
 * Cross-field rules of a Mitan (run once every field passed its own rule): DOB or age,
 * their agreement, ID type with its digits, a reason and date for any status but active.
 */
export function mitanRecordRules(r: Record<string, unknown>, ctx: FieldContext): Issue[] {
  const issues: Issue[] = [];
  if (!isSet(r.dob) && !isSet(r.age))
    issues.push({
      field: 'age',
      code: 'age.required',
      severity: 'error',
      message: bi('आयु या जन्मतिथि में से एक भरना आवश्यक है', 'Enter the age or the date of birth'),
    });
  if (typeof r.dob === 'string' && typeof r.age === 'number' && Math.abs(ageOn(r.dob, ctx.today) - r.age) > 1)
    issues.push({
      field: 'age',
      code: 'age.mismatch',
      severity: 'warning',
      message: bi('आयु और जन्मतिथि मेल नहीं खाते; जन्मतिथि मानी जाएगी', 'Age and date of birth do not agree; the date of birth counts'),
    });
  if (isSet(r.idLast4) && !isSet(r.idType))
    issues.push({ field: 'idType', code: 'required', severity: 'error', message: bi('पहचान पत्र का प्रकार चुनें', 'Choose the ID type') });
  if (typeof r.consentDate === 'string' && typeof r.dob === 'string' && ageOn(r.dob, r.consentDate) < MIN_MITAN_AGE)
    issues.push({
      field: 'consentDate',
      code: 'age.consent',
      severity: 'error',
      message: bi('सहमति के दिन आयु 18 वर्ष से कम थी; 18 वर्ष होने पर नई सहमति लें', 'The person was under 18 on the consent date; take fresh consent after 18'),
    });
  if (typeof r.statusDate === 'string' && typeof r.consentDate === 'string' && r.statusDate < r.consentDate)
    issues.push({
      field: 'statusDate',
      code: 'range',
      severity: 'error',
      message: bi('स्थिति दिनांक सहमति दिनांक से पहले नहीं हो सकता', 'The status date cannot be before the consent date'),
    });
  return issues;
}

/** Is the Mitan counted as trained (has a training date)? */
export function isTrained(r: Record<string, unknown>): boolean {
  return typeof r.trainingDate === 'string' && r.trainingDate !== '';
}
