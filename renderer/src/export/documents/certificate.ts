/**
 * The training certificate (प्रमाण पत्र), issue 16 item 6: one A4 landscape sheet per trained
 * Mitan, in Hindi, numbered (db/training.ts issueCertificates), naming the thana, the trainer and
 * the thana in-charge. It is a district police document: it says it confers no post, identity
 * card or authority, and does not use the name of MHA or I4C (domain.md §2.1).
 */
import { formatDateIN } from '@/domain/dates';
import type { StoredRecord } from '@/domain/records';
import { spell, spellingOf } from '@/domain/spelling';
import type { ThanaProfile } from '@/domain/setup';
import { escapeHtml, type PrintFont } from '../print/printView';
import { documentHtml, fill, v } from './page';

export interface CertificateItem {
  mitan: StoredRecord;
  number: string;
  issuedOn: string;
  /** The Mitan's village or ward as printed. */
  place: string;
}

export type CertificateProfile = Pick<ThanaProfile, 'district' | 'thanaName' | 'inchargeName' | 'inchargeRank' | 'campaignName'>;

const HONORIFIC: Record<string, string> = { male: 'श्री', female: 'सुश्री' };
const RELATION: Record<string, string> = { male: 'पिता', female: 'पिता/पति' };

const CSS = `
.sheet { height: 189mm; border: 3pt double #6b4e16; padding: 9mm 14mm; display: flex; flex-direction: column; }
.head { display: flex; justify-content: space-between; font-size: 10pt; }
.org { text-align: center; font-size: 13pt; font-weight: 600; margin-top: 2mm; }
.campaign { text-align: center; font-size: 12pt; }
h1 { text-align: center; font-size: 30pt; margin: 4mm 0 0; letter-spacing: 1pt; color: #6b4e16; }
.en { text-align: center; font-size: 10pt; margin-bottom: 5mm; }
.body { font-size: 14pt; line-height: 1.9; text-align: justify; margin: 0 0 3mm; }
.wish { font-size: 12pt; }
.signs { margin-top: auto; display: flex; justify-content: space-between; gap: 20mm; }
.slot { flex: 1; text-align: center; font-size: 10.5pt; }
.slot .line { border-top: 1px solid #333; margin-bottom: 1mm; height: 14mm; }
.note { margin-top: 4mm; font-size: 9pt; text-align: center; color: #333; }
`;

function certificatePage(item: CertificateItem, p: CertificateProfile): string {
  const d = item.mitan.data;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const gender = str(d.gender);
  const campaign = escapeHtml(p.campaignName);
  const trainer = str(d.trainer);
  const [trainerName, ...trainerRank] = trainer.split(',').map((s) => s.trim());
  return `
<div class="head"><span>क्रमांक: ${v(item.number)}</span><span>दिनांक: ${v(formatDateIN(item.issuedOn))}</span></div>
<div class="org">जिला पुलिस ${escapeHtml(p.district)} — थाना ${escapeHtml(p.thanaName)}</div>
<div class="campaign">${campaign} अभियान</div>
<h1>प्रमाण पत्र</h1>
<div class="en">Certificate of training</div>
<p class="body">प्रमाणित किया जाता है कि ${HONORIFIC[gender] ?? ''} ${fill(str(d.name))}, ${RELATION[gender] ?? 'पिता/पति'} ${fill(str(d.relativeName))},
निवासी ${fill(item.place)}, थाना ${escapeHtml(p.thanaName)}, जिला ${escapeHtml(p.district)} ने दिनांक ${v(formatDateIN(str(d.trainingDate)))} को
${fill(str(d.trainingVenue))} में ${fill(trainer)} द्वारा दिया गया ${campaign} प्रशिक्षण प्राप्त किया है।</p>
<p class="wish">साइबर ठगी से बचाव, 1930 हेल्पलाइन एवं एनसीआरपी पोर्टल (cybercrime.gov.in) के प्रति जन-जागरूकता में आपके सहयोग हेतु धन्यवाद एवं शुभकामनाएँ।</p>
<div class="signs">
  <div class="slot"><div class="line"></div>प्रशिक्षक के हस्ताक्षर<br>${escapeHtml(trainerName ?? '')}${trainerRank.length ? `, ${escapeHtml(trainerRank.join(', '))}` : ''}</div>
  <div class="slot"><div class="line"></div>थाना प्रभारी के हस्ताक्षर व पदमुद्रा<br>${escapeHtml([p.inchargeName, p.inchargeRank].filter(Boolean).join(', '))}, थाना ${escapeHtml(p.thanaName)}</div>
</div>
<div class="note">यह प्रमाण पत्र जिला पुलिस ${escapeHtml(p.district)} के ${campaign} अभियान का है; इससे कोई पद, पहचान पत्र या शासकीय अधिकार प्राप्त नहीं होता।</div>`;
}

/** Certificates for a batch: one sheet each, in the order given. */
export function certificatesHtml(items: CertificateItem[], profile: CertificateProfile, fonts: PrintFont[]): string {
  const html = documentHtml({
    title: 'प्रमाण पत्र / Certificates',
    size: 'A4 landscape',
    fonts,
    css: CSS,
    pages: items.map((i) => ({ html: certificatePage(i, profile) })),
  });
  return spell(html, spellingOf(profile.campaignName));
}
