/**
 * The consent and notice form (सहमति एवं सूचना पत्र) a Mitan signs at enrolment (domain.md §5:
 * DPDP s.5/s.6 and Rule 3 — a stand-alone notice listing the data items, the purpose, how to
 * withdraw and how to complain; enrol only those aged 18 or more). Printed pre-filled from the
 * Mitan's roster entry, one A4 portrait sheet each; without an entry it prints blank lines to
 * write on.
 */
import { formatDateIN } from '@/domain/dates';
import type { StoredRecord } from '@/domain/records';
import { mitanRegNo } from '@/domain/registers/mitan';
import { GENDERS, ID_TYPES } from '@/domain/roster/rules';
import { spell, spellingOf } from '@/domain/spelling';
import type { ThanaProfile } from '@/domain/setup';
import { escapeHtml, type PrintFont } from '../print/printView';
import { documentHtml, fill, v } from './page';

export interface ConsentItem {
  /** Null: a blank form. */
  mitan: StoredRecord | null;
  team: string;
  place: string;
}

export type ConsentProfile = Pick<ThanaProfile, 'district' | 'thanaName' | 'inchargeName' | 'inchargeRank' | 'nodalName' | 'nodalRank' | 'nodalMobile' | 'campaignName'>;

const CSS = `
body { font-size: 10.5pt; line-height: 1.4; }
h1 { font-size: 16pt; text-align: center; margin: 0; }
.sub { text-align: center; font-size: 10.5pt; margin-bottom: 3mm; }
h2 { font-size: 11.5pt; margin: 3mm 0 1mm; }
ol { margin: 0; padding-left: 6mm; }
li { margin-bottom: 0.8mm; }
table.details { width: 100%; border-collapse: collapse; margin-top: 1mm; }
table.details td { border: 1px solid #444; padding: 1.2mm 2mm; vertical-align: top; font-size: 10.5pt; }
table.details td.k { width: 34%; background: #f2f2f2; }
.declare { margin-top: 2mm; text-align: justify; }
.signs { display: flex; justify-content: space-between; gap: 12mm; margin-top: 12mm; }
.slot { flex: 1; text-align: center; font-size: 10pt; }
.slot .line { border-top: 1px solid #333; margin-bottom: 1mm; }
.regno { text-align: right; font-size: 10pt; }
`;

const label = (opts: { value: string; label: { hi: string } }[], value: unknown) => opts.find((o) => o.value === value)?.label.hi ?? '';

function consentPage(item: ConsentItem, p: ConsentProfile): string {
  const d = item.mitan?.data ?? {};
  const str = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
  const campaign = escapeHtml(p.campaignName);
  const thana = escapeHtml(p.thanaName);
  const age = d.dob ? `${formatDateIN(str(d.dob))} (जन्मतिथि)` : str(d.age) ? `${str(d.age)} वर्ष` : '';
  const id = d.idType ? `${label(ID_TYPES, d.idType)} — अंतिम 4 अंक ${str(d.idLast4)}` : '';
  const row = (k: string, val: string, isValue = false) => `<tr><td class="k">${k}</td><td>${val ? (isValue ? v(val) : escapeHtml(val)) : fill(null, '70mm')}</td></tr>`;
  return `
<div class="regno">मितान पंजीयन क्रमांक: ${item.mitan ? v(mitanRegNo(item.mitan)) : fill(null, '35mm')}</div>
<h1>सहमति एवं सूचना पत्र</h1>
<div class="sub">${campaign} अभियान — थाना ${thana}, जिला पुलिस ${escapeHtml(p.district)} (Consent and notice)</div>

<h2>अ. सूचना — आपकी जानकारी का उपयोग</h2>
<ol>
  <li><b>कौन रखेगा:</b> थाना ${thana}, जिला पुलिस ${escapeHtml(p.district)}। संपर्क: नोडल अधिकारी ${escapeHtml([p.nodalName, p.nodalRank].filter(Boolean).join(', '))}${p.nodalMobile ? `, मोबाइल ${v(p.nodalMobile)}` : ''}।</li>
  <li><b>कौन-सी जानकारी:</b> नाम, पिता/पति का नाम, लिंग, आयु या जन्मतिथि, मोबाइल नंबर (व्हाट्सएप), ग्राम/वार्ड व मोहल्ला, शिक्षा, व्यवसाय, संस्था, पहचान पत्र का प्रकार व केवल अंतिम 4 अंक (पूरा आधार नंबर नहीं), आपके प्रशिक्षण और जागरूकता गतिविधियों का विवरण।</li>
  <li><b>किस उद्देश्य से:</b> ${campaign} दल में पंजीयन, प्रशिक्षण, जागरूकता कार्यक्रमों का समन्वय, आपसे संपर्क और अभियान की गिनती। जानकारी किसी अन्य उद्देश्य से उपयोग नहीं होगी और जिला पुलिस के बाहर किसी को नहीं दी जाएगी।</li>
  <li><b>कब तक:</b> अभियान की अवधि तक, या आपके नाम वापस लेने तक; उसके बाद आपकी व्यक्तिगत जानकारी हटा दी जाएगी (केवल गिनती के आँकड़े रहेंगे)।</li>
  <li><b>आपके अधिकार:</b> अपनी जानकारी देखना, उसमें सुधार कराना और कभी भी सहमति वापस लेना (नाम वापस) — थाने में या नोडल अधिकारी को मौखिक या लिखित सूचना देकर। शिकायत: थाना प्रभारी ${escapeHtml([p.inchargeName, p.inchargeRank].filter(Boolean).join(', '))}; संतुष्ट न होने पर भारतीय डेटा संरक्षण बोर्ड (Data Protection Board of India)।</li>
  <li><b>आयु:</b> केवल 18 वर्ष या अधिक आयु के व्यक्ति ही साइबर मितान बन सकते हैं। यह स्वैच्छिक सेवा है: इसमें कोई पारिश्रमिक, पद या पहचान पत्र नहीं है।</li>
</ol>

<h2>ब. मितान का विवरण</h2>
<table class="details">
  ${row('नाम', str(d.name))}
  ${row('पिता/पति का नाम', str(d.relativeName))}
  ${row('लिंग', label(GENDERS, d.gender))}
  ${row('आयु / जन्मतिथि', age, true)}
  ${row('मोबाइल नंबर', str(d.mobile), true)}
  ${row('ग्राम/वार्ड, मोहल्ला', [item.place, str(d.locality)].filter(Boolean).join(', '))}
  ${row('दल', item.team)}
  ${row('पहचान पत्र', id)}
</table>

<h2>स. सहमति</h2>
<p class="declare">मैंने ऊपर लिखी सूचना पढ़/सुनकर समझ ली है। मेरी आयु 18 वर्ष या अधिक है। मैं स्वेच्छा से ${campaign} के रूप में कार्य करने और ऊपर बताए उद्देश्य के लिए अपनी उपरोक्त जानकारी रखे जाने की सहमति देता/देती हूँ। मैं जानता/जानती हूँ कि मैं कभी भी सहमति वापस ले सकता/सकती हूँ।</p>
<div class="signs">
  <div class="slot"><div class="line"></div>मितान के हस्ताक्षर / अंगूठा निशान<br>दिनांक: ${d.consentDate ? v(formatDateIN(str(d.consentDate))) : fill(null, '25mm')}</div>
  <div class="slot"><div class="line"></div>नोडल अधिकारी के हस्ताक्षर व पदमुद्रा<br>${escapeHtml([p.nodalName, p.nodalRank].filter(Boolean).join(', '))}</div>
</div>`;
}

/** Consent forms: one sheet per Mitan (pre-filled), or one blank sheet. */
export function consentFormsHtml(items: ConsentItem[], profile: ConsentProfile, fonts: PrintFont[]): string {
  const html = documentHtml({
    title: 'सहमति एवं सूचना पत्र / Consent and notice',
    size: 'A4 portrait',
    fonts,
    css: CSS,
    pages: (items.length ? items : [{ mitan: null, team: '', place: '' }]).map((i) => ({ html: consentPage(i, profile) })),
  });
  return spell(html, spellingOf(profile.campaignName));
}
