/**
 * Every list prints (issue 16 item 5): the complaint follow-up lists and the year-wise held
 * amounts (what the SP office asks for), the team table with strength, idle Mitans, villages and
 * wards not yet covered, and the audit log for a period — each as a report table for the same
 * paper machinery as the returns (export/runner.ts: exportReportXlsx, buildReportPrint), so they
 * get the title block, bilingual numbered headings, totals and the signature block. Pure: the
 * views pass what they show (complainant data already masked for the role).
 */
import { bi } from '@/domain/bilingual';
import { ageDays, firstHoldDate, FOLLOW_UPS, type FollowUpKind, type HeldByYear } from '@/domain/complaints/followups';
import { moneyTotals } from '@/domain/complaints/money-rows';
import { statusLabel } from '@/domain/complaints/workflow';
import type { StoredRecord } from '@/domain/records';
import { PLACE_KINDS } from '@/domain/registers/place';
import type { IdleMitanRow, PlaceRow, TeamRow } from '@/domain/reports/review';
import { ROLE_LABEL } from '@/domain/roles';
import { LEVEL_LABEL, type TeamStrength } from '@/domain/roster/strength';
import type { ReportDef, ReportRow } from './reportSheet';

const rupees = (paise: number) => Math.round(paise) / 100;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

// ─── Complaint follow-ups ────────────────────────────────────────────────────────────────

export function followUpReport(kind: FollowUpKind): ReportDef {
  const f = FOLLOW_UPS.find((x) => x.kind === kind)!;
  return {
    id: `follow-up-${kind}`,
    printTitle: bi(`अनुवर्ती सूची — ${f.label.hi}`, `Follow-up list — ${f.label.en}`),
    columns: [
      { key: 'serial', label: bi('शिकायत क्र.', 'Complaint no.'), type: 'text', width: 11, center: true },
      { key: 'name', label: bi('प्रार्थी', 'Complainant'), type: 'text', width: 20 },
      { key: 'mobile', label: bi('मोबाइल', 'Mobile'), type: 'text', width: 12 },
      { key: 'received', label: bi('प्राप्ति दिनांक', 'Received'), type: 'date', width: 11 },
      { key: 'age', label: bi('दिन', 'Days'), type: 'int', width: 6 },
      { key: 'lost', label: bi('ठगी की राशि (₹)', 'Lost (₹)'), type: 'money', width: 13, total: true },
      { key: 'held', label: bi('होल्ड (₹)', 'Held (₹)'), type: 'money', width: 13, total: true },
      { key: 'pending', label: bi('वापसी शेष (₹)', 'Refund pending (₹)'), type: 'money', width: 13, total: true },
      { key: 'banks', label: bi('होल्ड बैंक', 'Banks holding'), type: 'text', width: 14 },
      { key: 'firstHold', label: bi('पहला होल्ड', 'First hold'), type: 'date', width: 11 },
      { key: 'court', label: bi('न्यायालय आवेदन', 'Court application'), type: 'date', width: 11 },
      { key: 'status', label: bi('स्थिति', 'Status'), type: 'text', width: 12 },
    ],
  };
}

export function followUpRows(records: StoredRecord[], today: string): ReportRow[] {
  return records.map((r) => {
    const m = moneyTotals(r.data);
    const holds = Array.isArray(r.data.holds) ? (r.data.holds as Record<string, unknown>[]) : [];
    return {
      serial: r.serial ?? '',
      name: str(r.data.complainantName),
      mobile: str(r.data.complainantMobile),
      received: str(r.data.receivedAt).slice(0, 10) || null,
      age: ageDays(r, today),
      lost: rupees(m.lost),
      held: rupees(m.held),
      pending: rupees(m.pending),
      banks: [...new Set(holds.map((h) => str(h.bank)).filter(Boolean))].join(', '),
      firstHold: firstHoldDate(r),
      court: str(r.data.courtApplicationDate) || null,
      status: statusLabel(r.data.status).hi,
    };
  });
}

export const HELD_BY_YEAR_REPORT: ReportDef = {
  id: 'held-awaiting-refund-by-year',
  printTitle: bi('वर्षवार होल्ड राशि — वापसी हेतु शेष', 'Held amounts awaiting refund, year by year'),
  columns: [
    { key: 'year', label: bi('प्राप्ति वर्ष', 'Year received'), type: 'text', width: 10, center: true },
    { key: 'count', label: bi('शिकायतें', 'Complaints'), type: 'int', width: 10, total: true },
    { key: 'held', label: bi('होल्ड राशि (₹)', 'Held (₹)'), type: 'money', width: 16, total: true },
    { key: 'refunded', label: bi('वापस (₹)', 'Refunded (₹)'), type: 'money', width: 16, total: true },
    { key: 'pending', label: bi('वापसी शेष (₹)', 'Refund pending (₹)'), type: 'money', width: 16, total: true },
  ],
};

export function heldByYearRows(rows: HeldByYear[]): ReportRow[] {
  return rows.map((y) => ({ year: y.year, count: y.count, held: rupees(y.held), refunded: rupees(y.refunded), pending: rupees(y.pending) }));
}

// ─── Teams, idle Mitans, coverage (the dashboard's tables) ──────────────────────────────

export const TEAM_REPORT: ReportDef = {
  id: 'teams-strength-activity',
  printTitle: bi('दलवार सदस्य संख्या व गतिविधि', 'Teams: strength and activity'),
  columns: [
    { key: 'teamNo', label: bi('दल क्र.', 'Team no.'), type: 'text', width: 7, center: true },
    { key: 'name', label: bi('दल / दल प्रमुख', 'Team / leader'), type: 'text', width: 22 },
    { key: 'target', label: bi('लक्ष्य', 'Target'), type: 'int', width: 7, total: true },
    { key: 'active', label: bi('सक्रिय मितान', 'Active Mitans'), type: 'int', width: 8, total: true },
    { key: 'gap', label: bi('कमी', 'Short'), type: 'int', width: 7, total: true },
    { key: 'trained', label: bi('प्रशिक्षित', 'Trained'), type: 'int', width: 8, total: true },
    { key: 'level', label: bi('स्थिति', 'Strength'), type: 'text', width: 11 },
    { key: 'weekActivities', label: bi('7 दिन: कार्यक्रम', '7 days: activities'), type: 'int', width: 9, total: true },
    { key: 'weekPeople', label: bi('7 दिन: व्यक्ति', '7 days: people'), type: 'int', width: 9, total: true },
    { key: 'cumActivities', label: bi('आज तक: कार्यक्रम', 'To date: activities'), type: 'int', width: 9, total: true },
    { key: 'cumPeople', label: bi('आज तक: व्यक्ति', 'To date: people'), type: 'int', width: 10, total: true },
    { key: 'idleMitans', label: bi('निष्क्रिय मितान', 'Idle Mitans'), type: 'int', width: 8, total: true },
    { key: 'idle', label: bi('दल निष्क्रिय', 'Team idle'), type: 'text', width: 8, center: true },
  ],
};

export function teamRows(teams: TeamRow[]): ReportRow[] {
  return teams.map((t) => ({
    teamNo: String(t.teamNo),
    name: [t.name, t.leaderName].filter(Boolean).join(' / '),
    target: t.strength.target,
    active: t.strength.active,
    gap: t.strength.gap,
    trained: t.strength.trained,
    level: LEVEL_LABEL[t.strength.level].hi,
    weekActivities: t.week.activities,
    weekPeople: t.week.people,
    cumActivities: t.cumulative.activities,
    cumPeople: t.cumulative.people,
    idleMitans: t.idleMitans,
    idle: t.idle ? 'हाँ' : 'नहीं',
  }));
}

/** The roster's team list (Teams tab): each team with its leader and strength against the target. */
export const TEAM_STRENGTH_REPORT: ReportDef = {
  id: 'teams-strength',
  printTitle: bi('दल सूची — सदस्य संख्या (लक्ष्य के विरुद्ध)', 'Team list — strength against the target'),
  columns: [
    { key: 'teamNo', label: bi('दल क्र.', 'Team no.'), type: 'text', width: 7, center: true },
    { key: 'name', label: bi('दल का नाम', 'Team name'), type: 'text', width: 16 },
    { key: 'leader', label: bi('दल प्रमुख / पद / मोबाइल', 'Leader / rank / mobile'), type: 'text', width: 24 },
    { key: 'beat', label: bi('बीट', 'Beat'), type: 'text', width: 10 },
    { key: 'formedOn', label: bi('गठन दिनांक', 'Formed on'), type: 'date', width: 11 },
    { key: 'target', label: bi('लक्ष्य', 'Target'), type: 'int', width: 7, total: true },
    { key: 'active', label: bi('सक्रिय मितान', 'Active Mitans'), type: 'int', width: 8, total: true },
    { key: 'gap', label: bi('कमी', 'Short'), type: 'int', width: 7, total: true },
    { key: 'trained', label: bi('प्रशिक्षित', 'Trained'), type: 'int', width: 8, total: true },
    { key: 'total', label: bi('कुल मितान', 'All Mitans'), type: 'int', width: 8, total: true },
    { key: 'level', label: bi('स्थिति', 'Strength'), type: 'text', width: 11 },
  ],
};

export function teamStrengthRows(rows: { team: StoredRecord; strength: TeamStrength }[]): ReportRow[] {
  return rows.map(({ team, strength }) => ({
    teamNo: String(team.data.teamNo ?? ''),
    name: str(team.data.name),
    leader: [str(team.data.leaderName), str(team.data.leaderRank), str(team.data.leaderMobile)].filter(Boolean).join(', '),
    beat: str(team.data.beat),
    formedOn: str(team.data.formedOn) || null,
    target: strength.target,
    active: strength.active,
    gap: strength.gap,
    trained: strength.trained,
    total: strength.total,
    level: LEVEL_LABEL[strength.level].hi,
  }));
}

export function idleMitanReport(idleDays: number): ReportDef {
  return {
    id: 'idle-mitans',
    printTitle: bi(`निष्क्रिय मितान (${idleDays} दिन से कोई गतिविधि नहीं)`, `Idle Mitans (no activity in ${idleDays} days)`),
    columns: [
      { key: 'serial', label: bi('मितान क्र.', 'Mitan no.'), type: 'text', width: 12, center: true },
      { key: 'name', label: bi('नाम', 'Name'), type: 'text', width: 24 },
      { key: 'team', label: bi('दल क्र.', 'Team no.'), type: 'text', width: 8, center: true },
      { key: 'last', label: bi('अंतिम गतिविधि', 'Last activity'), type: 'date', width: 12 },
      { key: 'never', label: bi('टिप्पणी', 'Note'), type: 'text', width: 18 },
    ],
  };
}

export function idleMitanRows(rows: IdleMitanRow[]): ReportRow[] {
  return rows.map((m) => ({
    serial: m.serial ?? '',
    name: m.name,
    team: m.teamNo === null ? '' : String(m.teamNo),
    last: m.lastActivity,
    never: m.lastActivity ? '' : 'अब तक कोई गतिविधि नहीं',
  }));
}

export const UNCOVERED_REPORT: ReportDef = {
  id: 'places-not-covered',
  printTitle: bi('ग्राम/वार्ड जहाँ अब तक कार्यक्रम नहीं हुआ', 'Villages and wards not yet covered'),
  columns: [
    { key: 'name', label: bi('ग्राम/वार्ड', 'Village/ward'), type: 'text', width: 30 },
    { key: 'kind', label: bi('प्रकार', 'Kind'), type: 'text', width: 12 },
  ],
};

export function uncoveredRows(places: PlaceRow[]): ReportRow[] {
  return places.map((p) => ({ name: p.name, kind: PLACE_KINDS.find((k) => k.value === p.kind)?.label.hi ?? p.kind }));
}

// ─── The audit log for a period ────────────────────────────────────────────────────────

export interface AuditLine {
  at: string;
  userName: string | null;
  role: string | null;
  action: string;
  register: string;
  record: string;
  summary: string;
}

export const AUDIT_REPORT: ReportDef = {
  id: 'audit-log',
  printTitle: bi('लेखा परीक्षण पंजी (ऑडिट लॉग)', 'Audit log'),
  columns: [
    { key: 'at', label: bi('दिनांक-समय', 'Date-time'), type: 'datetime', width: 15 },
    { key: 'user', label: bi('उपयोगकर्ता', 'User'), type: 'text', width: 18 },
    { key: 'role', label: bi('भूमिका', 'Role'), type: 'text', width: 12 },
    { key: 'action', label: bi('कार्य', 'Action'), type: 'text', width: 10 },
    { key: 'register', label: bi('पंजी', 'Register'), type: 'text', width: 14 },
    { key: 'record', label: bi('प्रविष्टि', 'Entry'), type: 'text', width: 12 },
    { key: 'summary', label: bi('विवरण', 'Details'), type: 'text', width: 40 },
  ],
};

/** IST wall clock 'YYYY-MM-DDTHH:mm' of an instant. */
function istWall(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + 330 * 60_000).toISOString().slice(0, 16) : '';
}

export function auditRows(lines: AuditLine[]): ReportRow[] {
  return lines.map((a) => ({
    at: istWall(a.at),
    user: a.userName ?? '',
    role: a.role ? (ROLE_LABEL[a.role as keyof typeof ROLE_LABEL]?.hi ?? a.role) : '',
    action: a.action,
    register: a.register,
    record: a.record,
    summary: a.summary,
  }));
}
