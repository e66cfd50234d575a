/**
 * The thana's spelling of साइबर/सायबर on paper (issue 16 item 8): a print's or workbook's title,
 * sheet name and column headings follow the campaign-name setting, like the screens. Values in
 * the cells are printed as they were written.
 */
import { spellBi, spellingOf, spell } from '@/domain/spelling';
import type { SheetSpec } from './sheet';

export function spelledSpec<S extends SheetSpec>(spec: S, campaignName: unknown): S {
  const s = spellingOf(campaignName);
  return {
    ...spec,
    sheetName: spell(spec.sheetName, s),
    title: spellBi(spec.title, s),
    columns: spec.columns.map((c) => ({ ...c, label: spellBi(c.label, s) })),
  };
}
