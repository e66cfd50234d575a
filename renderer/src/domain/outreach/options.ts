/** The pick-lists of the outreach register (domain.md §6(b)), in the order the paper register lists them. */
import { bi } from '../bilingual';
import type { Option } from '../registers/types';

export const ACTIVITY_TYPES: Option[] = [
  { value: 'door-to-door', label: bi('घर-घर संपर्क', 'Door-to-door') },
  { value: 'chaupal', label: bi('चौपाल', 'Chaupal') },
  { value: 'school', label: bi('विद्यालय', 'School') },
  { value: 'college', label: bi('महाविद्यालय', 'College') },
  { value: 'haat-bazaar', label: bi('हाट-बाजार', 'Haat-bazaar') },
  { value: 'bank-csc', label: bi('बैंक-सीएससी', 'Bank / CSC') },
  { value: 'public-place', label: bi('सार्वजनिक स्थल', 'Public place') },
  { value: 'phone-whatsapp', label: bi('मोबाइल-व्हाट्सएप संपर्क', 'Phone / WhatsApp contact') },
  { value: 'online-session', label: bi('ऑनलाइन सत्र', 'Online session') },
  { value: 'nukkad-natak', label: bi('नुक्कड़ नाटक', 'Nukkad natak (street play)') },
  { value: 'short-film', label: bi('लघु फिल्म प्रदर्शन', 'Short film screening') },
  { value: 'rally', label: bi('रैली', 'Rally') },
  { value: 'pledge-stall', label: bi('संकल्प पत्र स्टॉल', 'Pledge stall') },
];

export const MODES: Option[] = [
  { value: 'in-person', label: bi('प्रत्यक्ष', 'In person') },
  { value: 'mobile', label: bi('मोबाइल द्वारा', 'By mobile') },
];

export const TARGET_GROUPS: Option[] = [
  { value: 'students', label: bi('छात्र', 'Students') },
  { value: 'women', label: bi('महिलाएँ', 'Women') },
  { value: 'senior-citizens', label: bi('वरिष्ठ नागरिक', 'Senior citizens') },
  { value: 'farmers', label: bi('किसान', 'Farmers') },
  { value: 'traders', label: bi('व्यापारी', 'Traders') },
  { value: 'youth', label: bi('युवा', 'Youth') },
  { value: 'general', label: bi('आमजन', 'General public') },
];

/** Activities held at an institution: they ask for its name and class. */
export const INSTITUTION_ACTIVITIES = ['school', 'college'] as const;

/** Activities that reach people over the phone or the internet: their mode is "by mobile". */
export const REMOTE_ACTIVITIES = ['phone-whatsapp', 'online-session'] as const;

export function isInstitutionActivity(type: unknown): boolean {
  return (INSTITUTION_ACTIVITIES as readonly unknown[]).includes(type);
}

export function isDoorToDoor(type: unknown): boolean {
  return type === 'door-to-door';
}

/** The mode a writer almost always means for this activity (offered as the default, never forced). */
export function defaultModeFor(type: unknown): 'in-person' | 'mobile' {
  return (REMOTE_ACTIVITIES as readonly unknown[]).includes(type) ? 'mobile' : 'in-person';
}

/** The target group a school or college session is for, unless the writer says otherwise. */
export function defaultTargetGroupFor(type: unknown): string | null {
  return isInstitutionActivity(type) ? 'students' : null;
}
