import { bi, type Issue } from '../bilingual';
import { RANKS } from '../setup';
import { OUTREACH_TOPICS_SETTING, TOPIC_MAX_LENGTH, TOPICS_MAX } from '../outreach/topics';
import { validateTopics } from '../outreach/rules';
import { notFuture } from '../roster/rules';
import { REF_ID_MAX, type RegisterDef } from './types';

/**
 * Training register (प्रशिक्षण पंजी), issue 16 item 6: one entry per training session — date,
 * place, trainer, topics, the Mitans present. Saving a session (db/training.ts) also writes the
 * training date, venue and trainer into each present Mitan's roster entry, in the same transaction
 * (it used to take one correction per Mitan, 25 for a session). Forms, lists, Excel, print, sync,
 * import and the hub's validation read this definition like any other register's.
 */
export const TRAINING_TOTAL_KEY = 'training:all';

/** The lookup key of a Mitan present at a session (a Mitan's trainings are one index step). */
export function trainingMitanKey(mitanId: string): string {
  return `mitan:${mitanId}`;
}

/** Most Mitans one session may list (a hall full; a larger number is a typing mistake). */
export const MAX_PRESENT = 300;

const SESSION = bi('प्रशिक्षण सत्र', 'Training session');
const PRESENT = bi('उपस्थिति', 'Who was there');

function validatePresent(value: unknown): Issue | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 0)
    return { field: 'mitanIds', code: 'required', severity: 'error', message: bi('कम से कम एक उपस्थित मितान चुनें', 'Choose at least one Mitan who was present') };
  if (new Set(value).size !== value.length)
    return { field: 'mitanIds', code: 'duplicate', severity: 'error', message: bi('एक मितान दो बार चुना गया है', 'A Mitan is chosen twice') };
  if (value.length > MAX_PRESENT)
    return { field: 'mitanIds', code: 'max', severity: 'error', message: bi(`एक सत्र में ${MAX_PRESENT} से अधिक मितान नहीं`, `No more than ${MAX_PRESENT} Mitans in one session`) };
  return null;
}

export const trainingRegister: RegisterDef = {
  type: 'training',
  title: bi('प्रशिक्षण पंजी', 'Training register'),
  printTitle: bi('साइबर मितान प्रशिक्षण पंजी', 'Cyber Mitan training register'),
  serial: true,
  serialDateField: 'date',
  schemaVersion: 1,
  // Names the Mitans present (by reference): views and prints are logged like the roster's.
  auditReads: true,
  searchFields: ['venue', 'trainerName', 'remarks'],
  lookupKeys: (d) => (Array.isArray(d.mitanIds) ? d.mitanIds.map((m) => trainingMitanKey(String(m))) : []),
  totals: (d) => [{ key: TRAINING_TOTAL_KEY, values: { sessions: 1, present: Array.isArray(d.mitanIds) ? d.mitanIds.length : 0 } }],
  fields: [
    {
      key: 'date',
      label: bi('प्रशिक्षण दिनांक', 'Training date'),
      type: 'date',
      required: true,
      section: SESSION,
      validate: notFuture('date', bi('प्रशिक्षण दिनांक', 'Training date')),
      list: { order: 1, width: 100 },
      print: { order: 1, width: 11 },
      importAliases: ['प्रशिक्षण दिनांक', 'दिनांक', 'training date', 'date'],
    },
    {
      key: 'venue',
      label: bi('प्रशिक्षण स्थान', 'Training venue'),
      type: 'text',
      required: true,
      maxLength: 120,
      carryOver: true,
      list: { order: 2, width: 160 },
      print: { order: 2, width: 18 },
      importAliases: ['प्रशिक्षण स्थान', 'स्थान', 'venue', 'place'],
    },
    {
      key: 'trainerName',
      label: bi('प्रशिक्षक का नाम', 'Trainer’s name'),
      type: 'text',
      required: true,
      maxLength: 100,
      carryOver: true,
      list: { order: 3, width: 140 },
      print: { order: 3, width: 18 },
      importAliases: ['प्रशिक्षक', 'प्रशिक्षक का नाम', 'trainer', 'trainer name'],
    },
    {
      key: 'trainerRank',
      label: bi('प्रशिक्षक का पद', 'Trainer’s rank'),
      type: 'select',
      required: true,
      options: RANKS,
      carryOver: true,
      print: { order: 4, width: 12 },
      importAliases: ['पद', 'प्रशिक्षक का पद', 'rank', 'trainer rank'],
    },
    {
      key: 'hours',
      label: bi('अवधि (घंटे)', 'Duration (hours)'),
      type: 'int',
      min: 1,
      max: 40,
      print: { order: 5, width: 7, total: false },
      importAliases: ['अवधि', 'घंटे', 'hours', 'duration'],
    },
    {
      key: 'topics',
      label: bi('प्रशिक्षण के विषय', 'Topics taught'),
      type: 'multiselect',
      required: true,
      optionsSetting: OUTREACH_TOPICS_SETTING,
      maxLength: TOPIC_MAX_LENGTH,
      maxItems: TOPICS_MAX,
      validate: validateTopics,
      print: { order: 6, width: 26 },
      importAliases: ['विषय', 'प्रशिक्षण के विषय', 'topics'],
    },
    {
      key: 'mitanIds',
      label: bi('उपस्थित साइबर मितान', 'Cyber Mitans present'),
      type: 'refs',
      refType: 'mitan',
      maxLength: REF_ID_MAX,
      maxItems: 500,
      required: true,
      section: PRESENT,
      validate: validatePresent,
      help: bi('मितान का क्रमांक या नाम लिखें; सहेजने पर हर मितान की पंजी में प्रशिक्षण दर्ज होगा', 'Type the Mitan’s number or name; saving records the training on each Mitan’s roster entry'),
      list: { order: 4, width: 200 },
      print: { order: 7, width: 30 },
      importAliases: ['उपस्थित साइबर मितान', 'मितान', 'mitans present'],
    },
    {
      key: 'presentCount',
      label: bi('उपस्थित मितान संख्या', 'Mitans present (number)'),
      type: 'int',
      compute: (d) => (Array.isArray(d.mitanIds) ? d.mitanIds.length : 0),
      list: { order: 5, width: 80 },
      print: { order: 8, width: 9 },
    },
    {
      key: 'remarks',
      label: bi('रिमार्क', 'Remarks'),
      type: 'longtext',
      maxLength: 500,
      print: { order: 9, width: 16 },
      importAliases: ['रिमार्क', 'टिप्पणी', 'remarks'],
    },
  ],
};

/** The trainer as printed on a certificate and a Mitan's roster entry: 'name, rank'. */
export function trainerLine(d: Record<string, unknown>): string {
  return [d.trainerName, d.trainerRank].filter((v) => typeof v === 'string' && v).join(', ');
}
