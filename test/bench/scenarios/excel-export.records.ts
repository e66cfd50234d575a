// The bench register and its entries, shared by the Node and browser halves of the export
// benchmarks: a roster-like register with 20 printed columns, and entries made page by page from
// a seeded generator (the same for the same seed), so nothing holds the register whole.
import { bi } from '@/domain/bilingual';
import type { StoredRecord } from '@/domain/records';
import type { FieldDef, RegisterDef } from '@/domain/registers/types';

const opt = (...pairs: [string, string, string][]) => pairs.map(([value, hi, en]) => ({ value, label: bi(hi, en) }));
const f = (key: string, hi: string, en: string, type: FieldDef['type'], order: number, width: number, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  label: bi(hi, en),
  type,
  print: { order, width },
  ...extra,
});

/** A roster-like register with 20 printed columns of every printed kind (22 with क्र. and the note). */
export const benchRegister: RegisterDef = {
  type: 'mitan',
  title: bi('बेंच पंजी', 'Bench register'),
  printTitle: bi('साइबर मितान पंजी (बेंच)', 'Cyber Mitan roster (bench)'),
  serial: true,
  schemaVersion: 1,
  searchFields: [],
  // As paper registers are declared (issue #16): 9 columns, several fields stacked in one.
  paper: {
    columns: [
      { parts: ['name', 'relativeName', 'mobile'], label: bi('नाम / पिता या पति का नाम / मोबाइल', "Name / father's or husband's name / mobile"), repeat: true },
      { parts: ['gender', 'age'], label: bi('लिंग / आयु', 'Gender / age') },
      { parts: ['enrolledOn', 'consent'], label: bi('पंजीयन दिनांक / सहमति', 'Enrolled on / consent') },
      { parts: ['village', 'area', 'beat'], label: bi('ग्राम/वार्ड / क्षेत्र / बीट', 'Village/ward / area / beat') },
      { parts: ['occupation', 'education'], label: bi('व्यवसाय / शिक्षा', 'Occupation / education') },
      { parts: ['trainedOn', 'sessions', 'people'], label: bi('प्रशिक्षण / सत्र / जागरूक व्यक्ति', 'Trained on / sessions / people reached') },
      { parts: ['amount'] },
      { parts: ['status', 'time', 'enteredAt'], label: bi('स्थिति / समय / प्रविष्टि समय', 'Status / time / entered at') },
      { parts: ['remarks'] },
    ],
  },
  fields: [
    f('enrolledOn', 'पंजीयन दिनांक', 'Enrolled on', 'date', 1, 11),
    f('name', 'नाम', 'Name', 'text', 2, 20),
    f('relativeName', 'पिता/पति का नाम', "Father's/Husband's name", 'text', 3, 20),
    f('gender', 'लिंग', 'Gender', 'select', 4, 7, { options: opt(['m', 'पुरुष', 'Male'], ['f', 'महिला', 'Female']) }),
    f('age', 'आयु', 'Age', 'int', 5, 6, { print: { order: 5, width: 6, total: false } }),
    f('mobile', 'मोबाइल', 'Mobile', 'mobile', 6, 12),
    f('village', 'ग्राम/वार्ड', 'Village/ward', 'text', 7, 14),
    f('area', 'शहरी/ग्रामीण', 'Urban/Rural', 'select', 8, 9, { options: opt(['rural', 'ग्रामीण', 'Rural'], ['urban', 'शहरी', 'Urban']) }),
    f('beat', 'बीट', 'Beat', 'text', 9, 9),
    f('occupation', 'व्यवसाय', 'Occupation', 'text', 10, 14),
    f('education', 'शिक्षा', 'Education', 'select', 11, 10, { options: opt(['8', 'आठवीं', '8th'], ['10', 'दसवीं', '10th'], ['12', 'बारहवीं', '12th'], ['ug', 'स्नातक', 'Graduate']) }),
    f('trainedOn', 'प्रशिक्षण दिनांक', 'Trained on', 'date', 12, 11),
    f('sessions', 'सत्र', 'Sessions', 'int', 13, 7),
    f('people', 'जागरूक व्यक्ति', 'People reached', 'int', 14, 9),
    f('amount', 'बचाई गई राशि', 'Amount saved', 'money', 15, 13),
    f('status', 'स्थिति', 'Status', 'select', 16, 9, { options: opt(['active', 'सक्रिय', 'Active'], ['idle', 'निष्क्रिय', 'Idle']) }),
    f('consent', 'सहमति', 'Consent', 'boolean', 17, 7),
    f('remarks', 'रिमार्क', 'Remarks', 'longtext', 18, 22),
    f('time', 'समय', 'Time', 'time', 19, 7),
    f('enteredAt', 'प्रविष्टि समय', 'Entered at', 'datetime', 20, 15),
  ],
};

const FIRST = ['रामकुमार', 'सुनीता', 'मनोज', 'गीता', 'राजेश', 'पूजा', 'संतोष', 'लक्ष्मी', 'दिनेश', 'कविता', 'अजय', 'रेखा'];
const SURNAME = ['साहू', 'यादव', 'पटेल', 'वर्मा', 'कश्यप', 'ध्रुव', 'मरकाम', 'नेताम', 'सिंह', 'कौशिक'];
const VILLAGE = ['सेमरताल', 'सेंदरी', 'कोनी', 'बिरकोना', 'लखराम', 'मंगला', 'सिरगिट्टी', 'घुटकू', 'बेलतरा', 'सीपत'];
const OCCUPATION = ['किसान', 'शिक्षक', 'छात्र', 'दुकानदार', 'स्वयं सहायता समूह सदस्य', 'आंगनबाड़ी कार्यकर्ता', 'मजदूर'];
const REMARK = ['प्रशिक्षण पूर्ण', 'स्कूल में सत्र', 'हाट बाजार में पर्चे बांटे', 'महिला समूह बैठक में चर्चा', ''];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AT = '2026-11-20T05:30:00.000Z';

function entry(i: number, r: () => number): StoredRecord {
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const day = (n: number) => `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const id = String(i).padStart(26, '0');
  return {
    id: `BSPKOTA:mitan:${id}`,
    thana: 'BSPKOTA',
    type: 'mitan',
    schemaVersion: 1,
    serial: `2026/${String(i).padStart(6, '0')}`,
    serialYear: 2026,
    serialNo: i,
    data: {
      enrolledOn: day(i),
      name: `${pick(FIRST)} ${pick(SURNAME)}`,
      relativeName: `${pick(FIRST)} ${pick(SURNAME)}`,
      gender: r() < 0.5 ? 'm' : 'f',
      age: 18 + Math.floor(r() * 50),
      mobile: `9${String(100_000_000 + i).slice(-9)}`,
      village: pick(VILLAGE),
      area: r() < 0.7 ? 'rural' : 'urban',
      beat: `बीट ${1 + (i % 9)}`,
      occupation: pick(OCCUPATION),
      education: pick(['8', '10', '12', 'ug']),
      trainedOn: day(i + 3),
      sessions: Math.floor(r() * 20),
      people: Math.floor(r() * 500),
      amount: Math.floor(r() * 10_000_000),
      status: r() < 0.8 ? 'active' : 'idle',
      consent: true,
      remarks: pick(REMARK) || null,
      time: `${String(9 + (i % 9)).padStart(2, '0')}:30`,
      enteredAt: `${day(i)}T${String(9 + (i % 9)).padStart(2, '0')}:15`,
    },
    tokens: [],
    keys: [],
    createdAt: AT,
    createdBy: 'u1',
    updatedAt: AT,
    updatedBy: 'u1',
    mutationId: id,
    version: 1,
    history: [],
    cancelled: null,
    late: false,
  };
}

/** `count` entries in pages of `pageSize`, the same for the same seed. */
export async function* entryPages(count: number, pageSize = 500, seed = 20_251_128): AsyncIterable<StoredRecord[]> {
  const r = rng(seed);
  for (let start = 1; start <= count; start += pageSize) {
    const page: StoredRecord[] = [];
    for (let i = start; i < Math.min(count + 1, start + pageSize); i++) page.push(entry(i, r));
    yield page;
  }
}
