/** The "add a user" form as a form definition (RegisterForm); the PIN fields get password editors by slot. */
import { bi, DomainError, type Issue } from '@/domain/bilingual';
import type { RegisterDef } from '@/domain/registers/types';
import { ROLE_LABEL, ROLES } from '@/domain/roles';
import { RANKS } from '@/domain/setup';

export const userFormDef: RegisterDef = {
  type: 'user',
  title: bi('नया उपयोगकर्ता', 'New user'),
  printTitle: bi('उपयोगकर्ता', 'Users'),
  serial: false,
  schemaVersion: 1,
  searchFields: [],
  fields: [
    { key: 'name', label: bi('नाम', 'Name'), type: 'text', required: true, maxLength: 80 },
    { key: 'rank', label: bi('पद', 'Rank'), type: 'select', required: true, options: RANKS },
    { key: 'role', label: bi('भूमिका', 'Role'), type: 'select', required: true, options: ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] })) },
    { key: 'pin', label: bi('पिन (4–8 अंक)', 'PIN (4–8 digits)'), type: 'text', required: true },
    { key: 'pin2', label: bi('पिन दोबारा', 'PIN again'), type: 'text', required: true },
  ],
};

/** Which field a refusal of addUser is about, so its message shows beside that field. */
const FIELD_OF: Record<string, string> = {
  'user.name': 'name',
  'user.exists': 'name',
  'user.rank': 'rank',
  'user.role': 'role',
  'pin.shape': 'pin',
  'pin.weak': 'pin',
};

export function userIssue(e: unknown): Issue | null {
  if (!(e instanceof DomainError) || !FIELD_OF[e.code]) return null;
  return { field: FIELD_OF[e.code], code: e.code, severity: 'error', message: e.bilingual };
}

export const PIN_MISMATCH: Issue = {
  field: 'pin2',
  code: 'pin.mismatch',
  severity: 'error',
  message: bi('दोनों पिन एक जैसे नहीं हैं', 'The two PINs do not match'),
};
