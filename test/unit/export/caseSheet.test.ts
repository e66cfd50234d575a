// A complaint's one-page case sheet (issue 16 item 4): what it carries, masking for roles that may
// not see the complainant's mobile, and the audit row when it is printed. Its paper (one page, no
// word under 7.5 pt, no value split) is checked with every other print in paperText.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import { auditCaseSheetPrint, buildCaseSheet } from '../../../renderer/src/export/documents';
import { makeCtx, viewer, writer } from '../complaints/fixtures';
import { PROFILE, dropCtx } from './fixtures';
import { seedCaseSheetComplaint } from './caseSheetScene';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

/** The visible text of the document, tags dropped, spaces normalised. */
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('the case sheet of a complaint', () => {
  it('carries the complainant, every transaction with its UTR, the hold, the totals in Hindi words, the flags and the status history', async () => {
    ctx = makeCtx();
    const rec = await seedCaseSheetComplaint(ctx);
    const p = await buildCaseSheet({ ctx, actor: writer, profile: PROFILE, id: rec.id, fonts: [] });
    const t = text(p.html);
    expect(p.rows).toBe(1);
    expect(p.fileName).toMatch(/^case-sheet_2026-0001_कोटा_2026-11-28\.pdf$/);
    for (const s of [
      '2026/0001',
      'सुनीता साहू',
      '9876543210',
      '27-11-2026 10:00',
      '432109876543',
      '633112223334',
      '₹25,000.50',
      '₹14,999.50',
      'UTIB0001234',
      'पंजाब नेशनल बैंक',
      '₹30,000.00',
      // lost 40,000.00: held 30,000, nothing refunded yet
      '₹40,000.00',
      'चालीस हजार रुपये',
      'गोल्डन ऑवर में सूचना',
      'प्राप्त → जांच में',
      'जांच में → राशि होल्ड',
      'थाना प्रभारी',
      'राजेश साहू, निरीक्षक',
    ])
      expect(t, s).toContain(s);
  });

  it('masks the complainant mobile for a district viewer, as the screen does', async () => {
    ctx = makeCtx();
    const rec = await seedCaseSheetComplaint(ctx);
    const p = await buildCaseSheet({ ctx, actor: viewer, profile: PROFILE, id: rec.id, fonts: [] });
    expect(text(p.html)).not.toContain('9876543210');
    expect(text(p.html)).toContain('98XXXXXX10');
  });

  it('is written to the audit log with the complaint when printed', async () => {
    ctx = makeCtx();
    const rec = await seedCaseSheetComplaint(ctx);
    const p = await buildCaseSheet({ ctx, actor: writer, profile: PROFILE, id: rec.id, fonts: [] });
    await auditCaseSheetPrint(ctx, writer, p);
    const rows = await ctx.db.audit.toArray();
    expect(rows.some((a) => a.action === 'print' && a.recordId === rec.id && String(a.summary).includes('2026/0001'))).toBe(true);
  });

  it('refuses an entry that does not exist, in Hindi and English', async () => {
    ctx = makeCtx();
    await expect(buildCaseSheet({ ctx, actor: writer, profile: PROFILE, id: 'BSPKOTA:complaint:NOPE', fonts: [] })).rejects.toThrow(/not found/);
  });
});
