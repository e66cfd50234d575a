/**
 * An audit row's before/after as readable lines: register fields by their labels and display
 * format, the thana profile by its form labels, anything else by key.
 */
import { diffData } from '@/domain/records';
import { REGISTERS } from '@/domain/registers';
import type { FieldDef } from '@/domain/registers/types';
import type { AuditRow } from '@/db/schema';
import { formatValue, type Lang } from '@/components/register/format';
import { profileFormDef } from '../start/profileForm';

export interface AuditLine {
  label: string;
  before: string | null;
  after: string;
}

function fieldsFor(row: AuditRow): FieldDef[] {
  const def = row.recordType ? REGISTERS[row.recordType] : undefined;
  if (def) return def.fields;
  if (row.action === 'setup' || (row.action === 'settings' && row.summary !== 'pc')) return profileFormDef.fields;
  return [];
}

function plain(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const asObject = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

export function auditLines(row: AuditRow, lang: Lang, settings: Record<string, unknown> = {}): AuditLine[] {
  const before = asObject(row.before);
  const after = asObject(row.after);
  if (!before && !after) return [];
  const fields = fieldsFor(row);
  const show = (key: string, v: unknown) => {
    const f = fields.find((x) => x.key === key);
    return f ? formatValue(f, v, lang, settings) : plain(v);
  };
  const label = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? (lang === 'en' ? f.label.en : f.label.hi) : key;
  };
  // A new entry (or first setup) has only "after": list what was entered.
  if (!before) {
    return Object.entries(after!)
      .map(([k, v]) => ({ label: label(k), before: null, after: show(k, v) }))
      .filter((l) => l.after !== '');
  }
  return diffData(before, after ?? {}).map((c) => ({
    label: label(c.field),
    before: show(c.field, c.before) || '—',
    after: show(c.field, c.after) || '—',
  }));
}
