import { bi, DomainError, type Bilingual } from './bilingual';

export type Role = 'writer' | 'nodal' | 'incharge' | 'district-viewer' | 'district-admin';

export const ROLES: readonly Role[] = ['writer', 'nodal', 'incharge', 'district-viewer', 'district-admin'];

export const ROLE_LABEL: Record<Role, Bilingual> = {
  writer: bi('लेखक (मोहर्रिर)', 'Writer (moharrir)'),
  nodal: bi('नोडल अधिकारी', 'Nodal officer'),
  incharge: bi('थाना प्रभारी', 'Thana in-charge'),
  'district-viewer': bi('जिला दर्शक', 'District viewer'),
  'district-admin': bi('जिला प्रशासक', 'District admin'),
};

const STATION: Role[] = ['writer', 'nodal', 'incharge'];
const SUPERVISORS: Role[] = ['nodal', 'incharge'];

/**
 * What each role may do: the one table. The repositories check it on every call,
 * so hiding a button is only a convenience, never the protection.
 */
export const PERMISSIONS = {
  'record.read': [...STATION, 'district-viewer', 'district-admin'],
  'record.create': STATION,
  'record.correct': STATION,
  'record.cancel': SUPERVISORS,
  'outreach.verify': SUPERVISORS,
  'complaint.read': [...STATION, 'district-viewer', 'district-admin'],
  /** See full mobiles of complainants in lists (others see them masked). */
  'complaint.unmasked': STATION,
  'register.export': [...STATION, 'district-viewer', 'district-admin'],
  'register.import': STATION,
  'settings.edit': ['incharge'],
  'users.manage': ['incharge'],
  'audit.read': ['incharge', 'district-admin'],
  'sync.run': [...STATION, 'district-viewer', 'district-admin'],
  'sync.configure': ['incharge', 'district-admin'],
  'hub.provision': ['district-admin'],
  'district.view': ['district-viewer', 'district-admin'],
  'backup.run': STATION,
  'backup.restore': ['incharge'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(role: Role | undefined, permission: Permission): void {
  if (!can(role, permission)) {
    throw new DomainError(
      'forbidden',
      bi('आपकी भूमिका को यह कार्य करने की अनुमति नहीं है', 'Your role is not allowed to do this'),
    );
  }
}
