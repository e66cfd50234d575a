/**
 * The status of a complaint as a workflow: which step may follow which, written as data.
 * Each step is saved as a new version of the entry (kind 'status'), so the history shows who
 * moved it, when and why.
 */
import { bi, DomainError, type Bilingual, type Issue } from '../bilingual';
import { formatRupees } from '../money';
import { moneyTotals } from './money-rows';

export type ComplaintStatus = 'received' | 'inquiry' | 'fir' | 'ncr' | 'sent' | 'hold' | 'refund-pending' | 'disposed' | 'closed';

export interface StatusDef {
  value: ComplaintStatus;
  label: Bilingual;
  /** Still needs the thana's work: counts in pendency and follow-up lists. */
  open: boolean;
}

export const STATUSES: StatusDef[] = [
  { value: 'received', label: bi('प्राप्त', 'Received'), open: true },
  { value: 'inquiry', label: bi('जांच में', 'Under inquiry'), open: true },
  { value: 'fir', label: bi('एफआईआर दर्ज', 'FIR registered'), open: true },
  { value: 'ncr', label: bi('असंज्ञेय दर्ज', 'NCR registered'), open: true },
  { value: 'sent', label: bi('प्रेषित/अंतरित', 'Sent on / transferred'), open: false },
  { value: 'hold', label: bi('राशि होल्ड', 'Money on hold'), open: true },
  { value: 'refund-pending', label: bi('वापसी लंबित', 'Refund pending'), open: true },
  { value: 'disposed', label: bi('निराकृत', 'Disposed'), open: false },
  { value: 'closed', label: bi('नस्तीबद्ध', 'Closed (filed)'), open: false },
];

export const OPEN_STATUSES: ComplaintStatus[] = STATUSES.filter((s) => s.open).map((s) => s.value);

export function statusLabel(status: unknown): Bilingual {
  return STATUSES.find((s) => s.value === status)?.label ?? bi(String(status ?? ''), String(status ?? ''));
}

export interface Transition {
  from: ComplaintStatus[];
  to: ComplaintStatus;
  /** The button text. */
  label: Bilingual;
  /** Fields that must be filled (in the entry or in the step's own form) for this step. */
  requires?: string[];
  /** Field values the step itself sets (e.g. action 'fir' when the FIR is registered). */
  sets?: Record<string, unknown>;
  /** A refusal for this entry, or null. */
  guard?: (data: Record<string, unknown>) => Bilingual | null;
  /** A reason must be written (reopening, closing). */
  reasonRequired?: boolean;
}

const needsHold = (data: Record<string, unknown>): Bilingual | null =>
  moneyTotals(data).held > 0 ? null : bi('पहले होल्ड की गई राशि की प्रविष्टि जोड़ें', 'First add the amount put on hold');

const nothingPending = (data: Record<string, unknown>): Bilingual | null => {
  const { pending } = moneyTotals(data);
  return pending > 0
    ? bi(
        `₹${formatRupees(pending)} की वापसी अभी लंबित है: वापसी दर्ज करें, या कारण लिखकर नस्तीबद्ध करें`,
        `₹${formatRupees(pending)} is still to be refunded: record the refund, or close the entry with a reason`,
      )
    : null;
};

const OPEN_WORK: ComplaintStatus[] = ['received', 'inquiry', 'fir', 'ncr', 'hold', 'refund-pending'];

/** The transition table (design: data, not code paths). */
export const TRANSITIONS: Transition[] = [
  { from: ['received'], to: 'inquiry', label: bi('जांच प्रारंभ', 'Start inquiry'), sets: { action: 'inquiry' } },
  {
    from: ['received', 'inquiry'],
    to: 'fir',
    label: bi('एफआईआर दर्ज', 'FIR registered'),
    sets: { action: 'fir' },
    requires: ['firNo', 'firDate'],
  },
  { from: ['received', 'inquiry'], to: 'ncr', label: bi('असंज्ञेय दर्ज', 'NCR registered'), sets: { action: 'ncr' } },
  {
    from: ['received', 'inquiry'],
    to: 'sent',
    label: bi('प्रेषित/अंतरित करें', 'Send on / transfer'),
    requires: ['action', 'sentTo'],
    guard: (d) =>
      d.action === 'range-cyber' || d.action === 'transferred'
        ? null
        : bi('कार्यवाही में "रेंज सायबर थाना प्रेषित" या "अन्य थाना अंतरित" चुनें', 'Choose "sent to the range cyber thana" or "transferred" as the action'),
  },
  { from: ['received', 'inquiry', 'fir', 'ncr', 'refund-pending'], to: 'hold', label: bi('राशि होल्ड हुई', 'Money put on hold'), guard: needsHold },
  { from: ['hold', 'fir', 'ncr'], to: 'refund-pending', label: bi('वापसी की प्रक्रिया में', 'Refund in process'), guard: needsHold },
  {
    from: OPEN_WORK,
    to: 'disposed',
    label: bi('निराकृत करें', 'Dispose'),
    requires: ['disposalDate', 'disposalType'],
    guard: nothingPending,
  },
  {
    from: [...OPEN_WORK, 'sent'],
    to: 'closed',
    label: bi('नस्तीबद्ध करें', 'Close (file)'),
    requires: ['disposalDate', 'disposalType'],
    reasonRequired: true,
  },
  { from: ['disposed', 'closed', 'sent'], to: 'inquiry', label: bi('पुनः जांच में लें', 'Reopen for inquiry'), reasonRequired: true },
];

export function transitionsFrom(status: unknown): Transition[] {
  return TRANSITIONS.filter((t) => t.from.includes(status as ComplaintStatus));
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Checks a step on an entry with the step's own input merged in. Returns the refusal (bilingual,
 * with the missing fields as issues) or null when allowed.
 */
export function refuseTransition(
  data: Record<string, unknown>,
  to: ComplaintStatus,
  input: Record<string, unknown> = {},
  reason: string | null = null,
  fieldLabel: (key: string) => Bilingual = (k) => bi(k, k),
): { message: Bilingual; issues: Issue[] } | null {
  const from = data.status as ComplaintStatus;
  const t = TRANSITIONS.find((x) => x.to === to && x.from.includes(from));
  if (!t)
    return {
      message: bi(
        `स्थिति "${statusLabel(from).hi}" से "${statusLabel(to).hi}" में नहीं बदली जा सकती`,
        `The status cannot change from "${statusLabel(from).en}" to "${statusLabel(to).en}"`,
      ),
      issues: [],
    };
  const merged = { ...data, ...input, ...(t.sets ?? {}) };
  const missing = (t.requires ?? []).filter((k) => isBlank(merged[k]));
  if (missing.length)
    return {
      message: bi(
        `"${statusLabel(to).hi}" के लिए ये भरें: ${missing.map((k) => fieldLabel(k).hi).join(', ')}`,
        `For "${statusLabel(to).en}" fill in: ${missing.map((k) => fieldLabel(k).en).join(', ')}`,
      ),
      issues: missing.map((k) => ({
        field: k,
        code: 'required',
        severity: 'error' as const,
        message: bi(`"${fieldLabel(k).hi}" भरना आवश्यक है`, `"${fieldLabel(k).en}" is required`),
      })),
    };
  const refused = t.guard?.(merged);
  if (refused) return { message: refused, issues: [] };
  if (t.reasonRequired && (reason ?? '').trim().length < 3)
    return {
      message: bi('इस बदलाव का कारण लिखना आवश्यक है', 'A reason is required for this change'),
      issues: [{ field: 'reason', code: 'required', severity: 'error', message: bi('कारण लिखें', 'Enter a reason') }],
    };
  return null;
}

/**
 * The patch that moves an entry to `to`: the step's own input, what the step sets, the new
 * status and the date it took effect. Throws a bilingual DomainError when the step is refused.
 */
export function transitionPatch(
  data: Record<string, unknown>,
  to: ComplaintStatus,
  input: Record<string, unknown>,
  today: string,
  reason: string | null = null,
  fieldLabel?: (key: string) => Bilingual,
): Record<string, unknown> {
  const refusal = refuseTransition(data, to, input, reason, fieldLabel);
  if (refusal) throw new DomainError('status.refused', refusal.message, refusal.issues);
  const t = TRANSITIONS.find((x) => x.to === to && x.from.includes(data.status as ComplaintStatus))!;
  const patch: Record<string, unknown> = { ...input, ...(t.sets ?? {}), status: to, statusSince: today };
  // Reopening clears the disposal, so the entry counts as pending again.
  if (to === 'inquiry' && (data.status === 'disposed' || data.status === 'closed')) Object.assign(patch, { disposalDate: null, disposalType: null });
  return patch;
}

/**
 * What a status says about the rest of the entry; part of the register's validation so that
 * corrections, imports and sync cannot put an entry in a status its data contradicts.
 */
export function statusConsistencyIssues(data: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  const err = (code: string, message: Bilingual) => out.push({ field: 'status', code, severity: 'error', message });
  const s = data.status;
  if (s === 'fir' && data.action !== 'fir') err('status.fir', bi('स्थिति "एफआईआर दर्ज" है, तो कार्यवाही भी "एफआईआर दर्ज" हो', 'Status "FIR registered" needs the action "FIR registered"'));
  if (s === 'ncr' && data.action !== 'ncr') err('status.ncr', bi('स्थिति "असंज्ञेय दर्ज" है, तो कार्यवाही भी "असंज्ञेय" हो', 'Status "NCR registered" needs the action "NCR"'));
  if (s === 'sent' && data.action !== 'range-cyber' && data.action !== 'transferred')
    err('status.sent', bi('स्थिति "प्रेषित/अंतरित" के लिए कार्यवाही "प्रेषित" या "अंतरित" हो', 'Status "sent on" needs the action "sent" or "transferred"'));
  if ((s === 'hold' || s === 'refund-pending') && moneyTotals(data).held === 0)
    err('status.hold', bi('होल्ड की गई राशि की प्रविष्टि के बिना स्थिति "होल्ड/वापसी लंबित" नहीं हो सकती', 'Status "hold / refund pending" needs an amount on hold'));
  if (s === 'disposed') {
    const why = nothingPending(data);
    if (why) err('status.pending', why);
  }
  return out;
}
