// The prints that are not registers, for the PDF read-back test (paperText.test.ts): a complaint's
// case sheet, the lists (follow-up lists, year-wise held amounts, teams with strength, idle
// Mitans, places not covered, the audit log), the daily/weekly/monthly returns, the training
// certificates and the consent form — each built from a seeded thana the way its view builds it.
import type { StationContext } from '../../../renderer/src/db/context';
import { loadDashboard } from '../../../renderer/src/db/dashboard';
import { loadReturnFigures } from '../../../renderer/src/db/returns';
import { teamStrengths } from '../../../renderer/src/db/roster';
import { followUpLists, heldAwaitingByYear } from '../../../renderer/src/domain/complaints/followups';
import { RETURNS, returnPeriod, returnReport, returnRows, returnSubtitle } from '../../../renderer/src/domain/reports/returns';
import { buildCaseSheet, buildCertificates, buildConsentForms } from '../../../renderer/src/export/documents';
import {
  AUDIT_REPORT,
  HELD_BY_YEAR_REPORT,
  TEAM_REPORT,
  TEAM_STRENGTH_REPORT,
  UNCOVERED_REPORT,
  auditRows,
  followUpReport,
  followUpRows,
  heldByYearRows,
  idleMitanReport,
  idleMitanRows,
  teamRows,
  teamStrengthRows,
  uncoveredRows,
} from '../../../renderer/src/export/lists';
import type { ReportDef, ReportRow } from '../../../renderer/src/export/reportSheet';
import { buildReportPrint, exportReportXlsx } from '../../../renderer/src/export/runner';
import { makeCtx as complaintCtx } from '../complaints/fixtures';
import { PROFILE, TODAY, makeCtx, seedThana, writer, type Scene } from '../dashboard/fixtures';
import { seedCaseSheetComplaint } from './caseSheetScene';
import { nodePrintFonts } from './fixtures';

/** A print under test: its HTML (Chromium) and its workbook (LibreOffice), and the values it must keep whole. */
export interface PrintCase {
  name: string;
  html?: () => Promise<string>;
  xlsx?: () => Promise<Uint8Array>;
  whole: string[];
  /** The sheets of paper it must fit on. */
  pages?: number;
}

let seeded: Promise<{ ctx: StationContext; scene: Scene }> | null = null;
/** One seeded thana for every list (built on first use). */
function thana() {
  seeded ??= (async () => {
    const ctx = makeCtx();
    return { ctx, scene: await seedThana(ctx) };
  })();
  return seeded;
}

function reportCase(name: string, whole: string[], make: () => Promise<{ report: ReportDef; rows: ReportRow[]; subtitle: string }>): PrintCase {
  return {
    name,
    whole,
    html: async () => {
      const r = await make();
      return (await buildReportPrint({ ...r, profile: PROFILE, preparedBy: writer, fonts: nodePrintFonts(), today: TODAY })).html;
    },
    // As the views export lists: the exceljs workbook.
    xlsx: async () => {
      const r = await make();
      return (await exportReportXlsx({ ...r, profile: PROFILE, preparedBy: writer, mode: 'memory', today: TODAY })).data;
    },
  };
}

const asOf = 'दिनांक 28-11-2026 की स्थिति';

export const OTHER_PRINTS: PrintCase[] = [
  {
    name: 'case-sheet',
    whole: ['2026/0001', '9876543210', '27-11-2026', '25,000.50', '432109876543'],
    pages: 1,
    html: async () => {
      const ctx = complaintCtx();
      const rec = await seedCaseSheetComplaint(ctx);
      return (await buildCaseSheet({ ctx, actor: writer, profile: PROFILE, id: rec.id, fonts: nodePrintFonts() })).html;
    },
  },
  ...(
    [
      ['refundAwaited', ['2026/0001', '9876543210', '27-11-2026', '40,000.00']],
      ['pending7', ['2026/0003', '9876543210', '20-10-2026']],
    ] as const
  ).map(([kind, whole]) =>
    reportCase(`follow-up-${kind}`, [...whole], async () => {
      const { scene } = await thana();
      return { report: followUpReport(kind), rows: followUpRows(followUpLists(scene.complaints, TODAY)[kind], TODAY), subtitle: asOf };
    }),
  ),
  reportCase('held-by-year', ['10,000.00'], async () => {
    const { scene } = await thana();
    return { report: HELD_BY_YEAR_REPORT, rows: heldByYearRows(heldAwaitingByYear(followUpLists(scene.complaints, TODAY).refundAwaited)), subtitle: asOf };
  }),
  reportCase('team-list', [], async () => {
    const { ctx } = await thana();
    return { report: TEAM_REPORT, rows: teamRows((await loadDashboard(ctx, TODAY)).teams), subtitle: asOf };
  }),
  reportCase('team-strength', ['9425000001', '25-10-2026'], async () => {
    const { ctx, scene } = await thana();
    const strengths = await teamStrengths(ctx, Object.values(scene.teams));
    return { report: TEAM_STRENGTH_REPORT, rows: teamStrengthRows(Object.values(scene.teams).map((team) => ({ team, strength: strengths.get(team.id)! }))), subtitle: asOf };
  }),
  reportCase('idle-mitans', ['2026/0004', '18-11-2026'], async () => {
    const { ctx } = await thana();
    return { report: idleMitanReport(7), rows: idleMitanRows((await loadDashboard(ctx, TODAY, { idleLimit: 1000 })).idleMitans), subtitle: asOf };
  }),
  reportCase('places-not-covered', [], async () => {
    const { ctx } = await thana();
    return { report: UNCOVERED_REPORT, rows: uncoveredRows((await loadDashboard(ctx, TODAY)).coverage.notCovered), subtitle: asOf };
  }),
  reportCase('audit-log', ['28-11-2026'], async () => {
    const { ctx } = await thana();
    const rows = (await ctx.db.audit.toArray()).map((a) => ({
      at: a.at,
      userName: a.userName,
      role: a.role,
      action: a.action,
      register: a.recordType ?? '',
      record: a.recordId ? a.recordId.slice(a.recordId.lastIndexOf(':') + 1) : '',
      summary: a.summary,
    }));
    return { report: AUDIT_REPORT, rows: auditRows(rows), subtitle: 'अवधि: 01-11-2026 से 28-11-2026' };
  }),
  ...(['daily', 'weekly', 'monthly'] as const).map((kind) =>
    reportCase(`return-${kind}`, [], async () => {
      const { ctx } = await thana();
      const figures = await loadReturnFigures(ctx, returnPeriod(kind, TODAY, TODAY));
      return { report: returnReport(RETURNS[kind], PROFILE.campaignName), rows: returnRows(RETURNS[kind], figures), subtitle: returnSubtitle(figures) };
    }),
  ),
  {
    name: 'certificates',
    whole: ['BSPKOTA/2026/0001', '05-11-2026'],
    pages: 2,
    html: async () => {
      const { ctx, scene } = await thana();
      return (await buildCertificates({ ctx, actor: writer, profile: PROFILE, mitanIds: [scene.mitans.m1.id, scene.mitans.m4.id], fonts: nodePrintFonts() })).html;
    },
  },
  {
    name: 'consent-form',
    whole: ['9826100001', '02-11-2026'],
    pages: 1,
    html: async () => {
      const { ctx, scene } = await thana();
      return (await buildConsentForms({ ctx, actor: writer, profile: PROFILE, mitanIds: [scene.mitans.m1.id], fonts: nodePrintFonts() })).html;
    },
  },
];
