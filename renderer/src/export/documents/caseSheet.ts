/**
 * A single complaint as a one-page case sheet (प्रकरण पत्रक), issue 16 item 4: for the file and to
 * go with the letter to the bank. The complainant, the complaint, every transaction (date-time,
 * mode, UTR, amount, banks/UPI), holds and refunds, the totals with the amount lost in Hindi
 * words, the flags (golden hour…), the status history, and the signature block. A4 portrait;
 * the text steps down from 9.5 pt towards 8 pt (never below) as the entry grows, so a usual
 * entry stays on one sheet. Dates, amounts, mobiles, UTRs and serials never wrap (`v`).
 */
import { formatDateIN, istDateTime } from '@/domain/dates';
import { formatRupees, rupeesInHindiWords, rupeesInEnglishWords } from '@/domain/money';
import type { Actor, StoredRecord } from '@/domain/records';
import { fieldByKey, type RegisterDef } from '@/domain/registers/types';
import { complaintRegister } from '@/domain/registers/complaint';
import { optionLabel, REFUND_ROUTES, TRANSACTION_MODES } from '@/domain/registers/complaint-options';
import { flagLines, paperDateTime } from '@/domain/complaints/paper';
import { moneyRowsOf, moneyTotals } from '@/domain/complaints/money-rows';
import { statusLabel } from '@/domain/complaints/workflow';
import { spell, spellingOf } from '@/domain/spelling';
import type { ThanaProfile } from '@/domain/setup';
import { escapeHtml, type PrintFont } from '../print/printView';
import { FieldPrinter, type RefLabels } from '../registerSheet';
import { documentHtml, v } from './page';

export type CaseSheetProfile = Pick<ThanaProfile, 'district' | 'thanaName' | 'inchargeName' | 'inchargeRank'> & Partial<Pick<ThanaProfile, 'campaignName'>>;

export interface CaseSheetOptions {
  profile: CaseSheetProfile;
  /** Who prints it (तैयारकर्ता). */
  actor: Pick<Actor, 'name' | 'rank'>;
  /** Mask the complainant's mobile and personal text (roles without 'complaint.unmasked'). */
  masked: boolean;
  /** 'YYYY-MM-DD' */
  printedOn: string;
  fonts: PrintFont[];
  settings?: Record<string, unknown>;
  refs?: RefLabels;
}

const def: RegisterDef = complaintRegister;
const CSS = `
body { font-size: var(--pt); line-height: 1.32; }
.top { display: flex; justify-content: space-between; font-size: 8.5pt; }
.org { text-align: center; font-weight: 600; font-size: 11pt; }
h1 { text-align: center; font-size: 14pt; margin: 0; }
.en { text-align: center; font-size: 9pt; margin-bottom: 2mm; }
h2 { font-size: calc(var(--pt) + 1pt); margin: 2.2mm 0 0.8mm; border-bottom: 0.6pt solid #000; }
table { width: 100%; border-collapse: collapse; table-layout: auto; }
td, th { border: 0.6pt solid #444; padding: 0.7mm 1.4mm; vertical-align: top; text-align: left; }
th { background: #ededed; font-weight: 600; }
table.pairs { table-layout: fixed; }
td.k { background: #f4f4f4; }
td.num, th.num { text-align: right; }
.struck { text-decoration: line-through; }
.words { font-weight: 600; }
.flags { margin: 1mm 0 0; }
.signs { display: flex; justify-content: space-between; gap: 8mm; margin-top: 9mm; break-inside: avoid; }
.slot { flex: 1; text-align: center; font-size: 9pt; }
.slot .line { border-top: 0.6pt solid #000; margin-bottom: 0.8mm; }
.cancelled { border: 1pt solid #900; color: #900; padding: 1mm 2mm; margin: 1mm 0; }
`;

const str = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
const rupees = (paise: unknown) => (typeof paise === 'number' ? `₹${formatRupees(paise)}` : '');
const acct = (last4: string | null) => (last4 ? `XXXX${last4}` : '');
const join = (...xs: string[]) => xs.filter(Boolean).join(', ');

/** A key–value table, two pairs per line; whole values (dates, numbers) kept on one line. */
function pairs(items: [string, string, boolean?][]): string {
  const cells = items.filter(([, val]) => val).map(([k, val, whole]) => `<td class="k">${escapeHtml(k)}</td><td>${whole ? v(val) : escapeHtml(val)}</td>`);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? '<td class="k"></td><td></td>'}</tr>`);
  const cols = '<colgroup><col style="width:17%"><col style="width:33%"><col style="width:17%"><col style="width:33%"></colgroup>';
  return rows.length ? `<table class="pairs">${cols}${rows.join('')}</table>` : '';
}

function table(head: string[], rows: string[][], numeric: number[] = []): string {
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Create, status steps and cancellation, oldest first: when, what, who, why. */
function statusHistory(rec: StoredRecord): string[][] {
  const out: string[][] = [];
  for (const h of [...rec.history].sort((a, b) => a.version - b.version)) {
    const at = v(formatDateIN(istDateTime(new Date(h.at))).replace(' ', '\u00a0'));
    if (h.kind === 'create') {
      const first = h.changes.find((c) => c.field === 'status')?.after ?? (rec.history.length === 1 ? rec.data.status : 'received');
      out.push([at, escapeHtml(`प्रविष्टि: ${statusLabel(first).hi}`), escapeHtml(h.byName), '']);
    } else if (h.kind === 'status') {
      const c = h.changes.find((x) => x.field === 'status');
      out.push([at, escapeHtml(c ? `${statusLabel(c.before).hi} → ${statusLabel(c.after).hi}` : 'स्थिति'), escapeHtml(h.byName), escapeHtml(h.reason ?? '')]);
    } else if (h.kind === 'cancel') out.push([at, 'निरस्त', escapeHtml(h.byName), escapeHtml(h.reason ?? '')]);
  }
  return out;
}

/** The case sheet of one complaint as a complete HTML document. */
export function caseSheetHtml(rec: StoredRecord, o: CaseSheetOptions): string {
  const d = rec.data;
  const p = new FieldPrinter({ lang: 'hi', maskPersonal: o.masked, settings: o.settings, refs: o.refs });
  const t = (key: string) => {
    const f = fieldByKey(def, key);
    return f ? p.text(f, d[key]) : '';
  };
  const money = moneyRowsOf(d);
  const totals = moneyTotals(d);
  const label = (opts: typeof TRANSACTION_MODES, x: unknown) => optionLabel(opts, x)?.hi ?? str(x);
  const history = statusHistory(rec);
  // Lines on the sheet beyond the fixed part: the text steps down so a long entry still fits.
  const lines = money.transactions.length * 2 + money.holds.length + money.refunds.length + history.length + Math.ceil(str(d.summary).length / 110) + Math.ceil(str(d.remarks).length / 110);
  const pt = lines > 34 ? 8 : lines > 24 ? 8.5 : lines > 16 ? 9 : 9.5;

  const txRows = money.transactions.map((x, i) => [
    String(i + 1),
    v(paperDateTime(x.at)),
    escapeHtml(label(TRANSACTION_MODES, x.mode)),
    x.utr ? v(x.utr) : '—',
    v(rupees(x.amount)),
    escapeHtml(join(x.victimBank ?? '', acct(x.victimAccount))),
    escapeHtml(join(x.beneficiaryBank ?? '', acct(x.beneficiaryAccount), x.beneficiaryIfsc ?? '', x.beneficiaryUpi ?? '')),
  ]);
  const holdRows = money.holds.map((h, i) => [String(i + 1), escapeHtml(h.bank), v(acct(h.account)), v(formatDateIN(h.date)), v(rupees(h.amount))]);
  const refundRows = money.refunds.map((r, i) => [String(i + 1), v(formatDateIN(r.date)), escapeHtml(label(REFUND_ROUTES, r.route)), v(rupees(r.amount))]);
  const flags = flagLines(d);
  const victim = d.victimDifferent === true ? join(t('victimName'), t('victimRelation')) : '';
  const inWords = totals.lost > 0 ? `${rupeesInHindiWords(totals.lost)} (${rupeesInEnglishWords(totals.lost)})` : '';

  const body = `
<div class="top"><span>प्रकरण पत्रक / Case sheet</span><span>मुद्रण दिनांक: ${v(formatDateIN(o.printedOn))}</span></div>
<div class="org">जिला पुलिस ${escapeHtml(o.profile.district)} — थाना ${escapeHtml(o.profile.thanaName)}</div>
<h1>साइबर शिकायत — प्रकरण पत्रक</h1>
<div class="en">Cyber complaint case sheet</div>
${rec.cancelled ? `<p class="cancelled">निरस्त / Cancelled: ${escapeHtml(rec.cancelled.byName)}, ${v(formatDateIN(istDateTime(new Date(rec.cancelled.at))).replace(' ', '\u00a0'))} — ${escapeHtml(rec.cancelled.reason)}</p>` : ''}
${pairs([
  ['शिकायत क्र.', rec.serial ?? '', true],
  ['प्राप्ति दिनांक-समय', paperDateTime(d.receivedAt), true],
  ['प्राप्ति का माध्यम', join(t('source'), t('mitanId'))],
  ['रोजनामचा क्र. / दिनांक', join(t('gdNo'), t('gdDate')), true],
  ['एनसीआरपी पावती क्र.', d.ncrpState === 'filed' ? join(t('ncrpAck'), d.ncrpFiledAt ? paperDateTime(d.ncrpFiledAt) : '') : t('ncrpState'), true],
  ['1930 पर सूचना', d.called1930 === true ? paperDateTime(d.called1930At) : 'नहीं', true],
  ['वर्तमान स्थिति', join(statusLabel(d.status).hi, d.statusSince ? `दिनांक ${formatDateIN(str(d.statusSince))}` : '')],
])}
<h2>अ. प्रार्थी / Complainant</h2>
${pairs([
  ['नाम', t('complainantName')],
  ['पिता/पति का नाम', t('complainantRelative')],
  ['लिंग / उम्र', join(t('complainantGender'), d.complainantAge ? `${t('complainantAge')} वर्ष` : '')],
  ['मोबाइल नंबर', t('complainantMobile'), true],
  ['पता', t('complainantAddress')],
  ['बीट / थाना / जिला', join(t('complainantBeat'), t('complainantThana'), t('complainantDistrict'))],
  ['पीड़ित (भिन्न हो तो)', victim],
])}
<h2>ब. घटना / Incident</h2>
${pairs([
  ['घटना दिनांक-समय', paperDateTime(d.incidentAt), true],
  ['जानकारी होने का समय', d.noticedAt ? paperDateTime(d.noticedAt) : '', true],
  ['श्रेणी / उप-श्रेणी', join(t('ncrpCategory'), t('ncrpSubCategory'))],
  ['ठगी का तरीका / प्लेटफॉर्म', join(t('modus'), t('platform'))],
  ['संदेही मोबाइल / यूपीआई', join(t('suspectMobiles'), t('suspectUpiIds'))],
  ['संदेही खाता / आईएफएससी', join(t('suspectAccount'), t('suspectIfsc'))],
  ['वेबसाइट/ऐप / सोशल मीडिया', join(t('suspectUrl'), t('suspectHandle'))],
  ['संक्षिप्त विवरण', t('summary')],
])}
<h2>स. लेन-देन / Transactions</h2>
${txRows.length ? table(['क्र.', 'दिनांक-समय', 'माध्यम', 'यूटीआर', 'राशि', 'पीड़ित बैंक / खाता', 'लाभार्थी बैंक / खाता / IFSC / यूपीआई'], txRows, [4]) : '<p>कोई लेन-देन दर्ज नहीं / No transactions entered</p>'}
${holdRows.length ? `<h2>द. होल्ड / Holds</h2>${table(['क्र.', 'बैंक', 'खाता', 'होल्ड दिनांक', 'राशि'], holdRows, [4])}` : ''}
${refundRows.length ? `<h2>वापसी / Refunds</h2>${table(['क्र.', 'दिनांक', 'माध्यम', 'राशि'], refundRows, [3])}` : ''}
<h2>राशि का योग / Totals</h2>
${table(['कुल ठगी', 'कुल होल्ड', 'कुल वापसी', 'वापसी हेतु शेष होल्ड'], [[v(rupees(totals.lost)), v(rupees(totals.held)), v(rupees(totals.refunded)), v(rupees(totals.pending))]], [0, 1, 2, 3])}
${inWords ? `<p class="words">ठगी की राशि शब्दों में: ${escapeHtml(inWords)}</p>` : ''}
${flags.length ? `<p class="flags"><b>संकेतक:</b> ${flags.map(escapeHtml).join('; ')}</p>` : ''}
<h2>य. कार्यवाही / Action</h2>
${pairs([
  ['की गई कार्यवाही', t('action')],
  ['अपराध क्र. / दिनांक / धारा', join(t('firNo'), t('firDate'), t('firSections')), true],
  ['प्रेषित/अंतरित', t('sentTo')],
  ['ब्लॉक हेतु भेजा (सिम/आईएमईआई/लिंक)', join(t('blockSimDate'), t('blockImeiDate'), t('blockUrlDate'))],
  ['बैंक को सूचना दिनांक', t('bankInformedDate'), true],
  ['न्यायालय आवेदन / आदेश', join(t('courtName'), t('courtApplicationDate'), t('courtOrderDate'))],
  ['जांच अधिकारी', join(t('ioName'), t('ioRank'))],
  ['निराकरण', join(t('disposalType'), t('disposalDate'))],
  ['रिमार्क', t('remarks')],
])}
<h2>स्थिति का इतिहास / Status history</h2>
${table(['दिनांक-समय', 'स्थिति', 'किसके द्वारा', 'कारण'], history)}
<div class="signs">
  <div class="slot"><div class="line"></div>तैयारकर्ता<br>${escapeHtml(join(o.actor.name, o.actor.rank))}</div>
  <div class="slot"><div class="line"></div>जांच अधिकारी<br>${escapeHtml(join(t('ioName'), t('ioRank')))}</div>
  <div class="slot"><div class="line"></div>थाना प्रभारी के हस्ताक्षर व पदमुद्रा<br>${escapeHtml(join(o.profile.inchargeName, o.profile.inchargeRank))}</div>
</div>`;
  const html = documentHtml({
    title: `प्रकरण पत्रक ${rec.serial ?? ''} / Case sheet`,
    size: 'A4 portrait',
    fonts: o.fonts,
    css: `:root { --pt: ${pt}pt; }${CSS}`,
    pages: [{ html: body }],
  });
  return spell(html, spellingOf(o.profile.campaignName));
}
