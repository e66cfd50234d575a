/**
 * Every problem sync can meet, in words a station writer understands, in Hindi and English
 * (design §3.10). Codes are stable: the UI, the scheduler and the tests match on them.
 */
import { bi, type Bilingual } from '@/domain/bilingual';

export type SyncErrorCode =
  /** 401: wrong password, or the hub forgot the session. Ask again; never loop. */
  | 'unauthorized'
  /** 403: this user may not use this database. Stop; a person must fix the hub. */
  | 'forbidden'
  /** 404 on the thana database: the hub was not prepared for this thana. Never auto-create. */
  | 'no-database'
  /** The epoch document is missing: the database exists but was not provisioned. */
  | 'not-provisioned'
  /** Connection refused, reset, DNS, offline. */
  | 'network'
  /** No answer in time. */
  | 'timeout'
  /** 5xx */
  | 'server'
  /** The answer was cut off or was not the JSON the protocol promises. */
  | 'bad-response'
  /** 413 for a single document: it can never go as it is. */
  | 'too-large'
  /** Any other 4xx the protocol does not expect. */
  | 'bad-request'
  /** No hub address, user or password yet. */
  | 'not-configured'
  /** The thana profile is not set up, so there is no thana code. */
  | 'no-thana'
  /** The hub address is not https:// (plain http is allowed only to this computer). */
  | 'insecure-url'
  /** Stopped by the user or by closing the app. */
  | 'aborted'
  /** A fault in this app's own code (a bug), never a network problem. */
  | 'internal';

export const SYNC_MESSAGES: Record<SyncErrorCode, Bilingual> = {
  unauthorized: bi(
    'हब में दोबारा साइन इन करें: उपयोगकर्ता नाम या पासवर्ड स्वीकार नहीं हुआ (या सत्र समाप्त हो गया)।',
    'Sign in to the hub again: the user name or password was not accepted (or the session expired).',
  ),
  forbidden: bi(
    'इस उपयोगकर्ता को इस थाने के हब डेटाबेस की अनुमति नहीं है। सिंक रोक दिया गया है — जिला आईटी सेल से संपर्क करें।',
    'This user is not allowed to use this thana’s hub database. Sync has stopped — contact the district IT cell.',
  ),
  'no-database': bi(
    'हब पर इस थाने का डेटाबेस नहीं है। जिला आईटी सेल से हब तैयार (प्रोविज़न) करवाएँ; थाना स्वयं डेटाबेस नहीं बनाता।',
    'The hub has no database for this thana. Ask the district IT cell to provision the hub; a station never creates one.',
  ),
  'not-provisioned': bi(
    'हब का डेटाबेस अधूरा तैयार है (पहचान दस्तावेज़ नहीं मिला)। जिला आईटी सेल से प्रोविज़निंग दोबारा चलवाएँ।',
    'The hub database is not fully provisioned (its identity document is missing). Ask the district IT cell to run provisioning again.',
  ),
  network: bi(
    'हब से संपर्क नहीं हो सका। नेटवर्क लौटने पर सिंक अपने-आप दोबारा होगा; सारा काम इसी कंप्यूटर पर सुरक्षित है।',
    'Could not reach the hub. Sync will retry by itself when the network is back; all work is safe on this computer.',
  ),
  timeout: bi(
    'हब ने समय पर उत्तर नहीं दिया। थोड़ी देर बाद सिंक अपने-आप दोबारा होगा।',
    'The hub did not answer in time. Sync will retry by itself shortly.',
  ),
  server: bi(
    'हब सर्वर में अस्थायी त्रुटि है। थोड़ी देर बाद सिंक अपने-आप दोबारा होगा।',
    'The hub server has a temporary error. Sync will retry by itself shortly.',
  ),
  'bad-response': bi(
    'हब का उत्तर अधूरा या टूटा हुआ मिला (कनेक्शन बीच में कटा)। सिंक दोबारा होगा।',
    'The hub’s answer was incomplete or broken (the connection dropped). Sync will retry.',
  ),
  'too-large': bi('यह प्रविष्टि हब की सीमा से बड़ी है और भेजी नहीं जा सकती।', 'This entry is larger than the hub allows and cannot be sent.'),
  'bad-request': bi('हब ने अनुरोध अस्वीकार किया। जिला आईटी सेल को सूचित करें।', 'The hub refused the request. Inform the district IT cell.'),
  'not-configured': bi(
    'हब का पता, उपयोगकर्ता नाम और पासवर्ड सिंक पृष्ठ पर भरें।',
    'Enter the hub address, user name and password on the sync page.',
  ),
  'no-thana': bi('पहले थाने का प्रारंभिक सेटअप पूरा करें।', 'Complete the thana’s first-run setup first.'),
  'insecure-url': bi(
    'हब का पता https:// से शुरू होना चाहिए (http केवल इसी कंप्यूटर के लिए)।',
    'The hub address must start with https:// (plain http only for this computer).',
  ),
  aborted: bi('सिंक रोका गया।', 'Sync was stopped.'),
  internal: bi(
    'सिंक इस ऐप की एक आंतरिक त्रुटि से रुका — यह नेटवर्क की समस्या नहीं है। सारा काम इसी कंप्यूटर पर सुरक्षित है; सिंक थोड़ी देर बाद दोबारा होगा। बार-बार हो तो जिला आईटी सेल को यह संदेश दिखाएँ।',
    'Sync stopped on an internal error of this app — this is not a network problem. All work is safe on this computer; sync tries again shortly. If it keeps happening, show this message to the district IT cell.',
  ),
};

/** Errors after which the scheduler must not retry by itself: a person has to act first. */
export const NEEDS_PERSON: readonly SyncErrorCode[] = [
  'unauthorized',
  'forbidden',
  'no-database',
  'not-provisioned',
  'not-configured',
  'no-thana',
  'insecure-url',
  'bad-request',
];

/** Errors worth retrying with back-off. */
export const TRANSIENT: readonly SyncErrorCode[] = ['network', 'timeout', 'server', 'bad-response'];

export class SyncError extends Error {
  readonly bilingual: Bilingual;
  constructor(
    readonly code: SyncErrorCode,
    /** Technical detail for the log (the hub's own words, the HTTP status). */
    readonly detail = '',
    readonly status = 0,
  ) {
    const b = SYNC_MESSAGES[code];
    super(`${b.en} / ${b.hi}${detail ? ` (${detail})` : ''}`);
    this.name = 'SyncError';
    this.bilingual = b;
  }

  get transient(): boolean {
    return TRANSIENT.includes(this.code);
  }
}

/**
 * Any failure as a SyncError. Network failures are already SyncErrors (http.ts makes them); what
 * is left is a fault in the app's own code, reported as such — never as "the hub cannot be reached".
 */
export function toSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  if (err instanceof Error && err.name === 'AbortError') return new SyncError('aborted');
  return new SyncError('internal', err instanceof Error ? `${err.name}: ${err.message}` : String(err));
}

/** Words for the sync page (labels, statuses), next to the errors so both languages live in one place. */
export const SYNC_TEXT = {
  title: bi('सिंक (जिला हब)', 'Sync (district hub)'),
  hubSection: bi('हब से जुड़ाव', 'Hub connection'),
  hubUrl: bi('हब का पता', 'Hub address'),
  hubUrlHelp: bi('जैसे https://hub.bilaspur.example:6984', 'e.g. https://hub.bilaspur.example:6984'),
  username: bi('उपयोगकर्ता नाम (इस कंप्यूटर का)', 'User name (of this computer)'),
  password: bi('पासवर्ड', 'Password'),
  database: bi('हब डेटाबेस', 'Hub database'),
  save: bi('सहेजें', 'Save'),
  forget: bi('पासवर्ड भूलें', 'Forget password'),
  saved: bi('सहेजा गया', 'Saved'),
  savedMemory: bi(
    'ब्राउज़र मोड: पासवर्ड केवल इस सत्र तक याद रहेगा।',
    'Browser mode: the password is kept only for this session.',
  ),
  savedVault: bi('पासवर्ड इस कंप्यूटर पर एन्क्रिप्ट करके रखा गया है।', 'The password is kept encrypted on this computer.'),
  syncNow: bi('अभी सिंक करें', 'Sync now'),
  stop: bi('रोकें', 'Stop'),
  running: bi('सिंक चल रहा है…', 'Sync is running…'),
  idle: bi('सिंक अभी नहीं चल रहा', 'Sync is idle'),
  lastOk: bi('अंतिम सफल सिंक', 'Last successful sync'),
  never: bi('अभी तक नहीं', 'Not yet'),
  waiting: bi('भेजने के लिए प्रतीक्षारत प्रविष्टियाँ', 'Entries waiting to be sent'),
  pushing: bi('भेजा जा रहा है', 'Sending'),
  pulling: bi('हब से प्राप्त हो रहा है', 'Receiving from the hub'),
  received: bi('प्राप्त', 'received'),
  sent: bi('भेजी गईं', 'sent'),
  merged: bi('मिलाई गईं', 'merged'),
  problems: bi('समस्याएँ', 'Problems'),
  noProblems: bi('कोई समस्या नहीं', 'No problems'),
  rejects: bi('हब द्वारा अस्वीकृत प्रविष्टियाँ', 'Entries the hub refused'),
  rejectsHelp: bi(
    'ये प्रविष्टियाँ इसी कंप्यूटर पर सुरक्षित हैं पर हब ने इन्हें नहीं लिया। कारण ठीक होने पर "फिर भेजें" दबाएँ।',
    'These entries are safe on this computer but the hub did not take them. Press "Send again" once the cause is fixed.',
  ),
  retry: bi('फिर भेजें', 'Send again'),
  conflicts: bi('अपने-आप मिलाए गए बदलाव', 'Changes merged automatically'),
  conflictsHelp: bi(
    'दो कंप्यूटरों ने एक ही प्रविष्टि बदली। हब पर पहले पहुँचा मान रखा गया; दूसरा मान इतिहास में दर्ज है।',
    'Two computers changed the same entry. The value that reached the hub first was kept; the other value is recorded in the history.',
  ),
  field: bi('फ़ील्ड', 'Field'),
  localValue: bi('इस कंप्यूटर का मान', 'Value on this computer'),
  serverValue: bi('हब का मान', 'Value on the hub'),
  bothValues: bi('दोनों की पंक्तियाँ जोड़ी गईं', 'Rows of both kept'),
  kept: bi('रखा गया', 'Kept'),
  when: bi('कब', 'When'),
  entry: bi('प्रविष्टि', 'Entry'),
  reason: bi('कारण', 'Reason'),
  notAllowed: bi('आपकी भूमिका को सिंक सेटिंग बदलने की अनुमति नहीं है।', 'Your role may not change the sync settings.'),
  hubReset: bi(
    'हब का डेटाबेस नया बना या बैकअप से लौटाया गया था; इस कंप्यूटर की प्रविष्टियाँ दोबारा जाँचकर भेजी गईं।',
    'The hub database was recreated or restored from a backup; this computer’s entries were checked and sent again.',
  ),
  auto: bi('स्वचालित सिंक: ऑनलाइन होने पर, हर 5 मिनट, और बदलाव के कुछ सेकंड बाद', 'Automatic sync: when online, every 5 minutes, and a few seconds after changes'),
  nextTry: bi('अगला प्रयास', 'Next try'),
  district: bi('जिला दृश्य', 'District view'),
  quarantine: bi('हब के दस्तावेज़ जो नहीं लिए गए (संगरोध)', 'Hub documents not taken (quarantine)'),
  quarantineHelp: bi(
    'ये दस्तावेज़ हब पर हैं पर यह कंप्यूटर इन्हें स्वीकार नहीं कर सका। बाकी सिंक चलता रहा। हर सिंक पर ये दोबारा जाँचे जाते हैं; ठीक होते ही अपने-आप ले लिए जाएँगे।',
    'These documents are on the hub but this computer could not accept them. The rest of sync went on. They are checked again at every sync and taken in as soon as they are fixed.',
  ),
  document: bi('दस्तावेज़', 'Document'),
  whatToDo: bi('क्या करें', 'What to do'),
  reviews: bi('जाँच हेतु प्रविष्टियाँ (सिंक के बाद नियम टूटा)', 'Entries to review (a rule broken after sync)'),
  reviewsHelp: bi(
    'दो कंप्यूटरों के बदलाव मिलाने पर ये प्रविष्टियाँ पंजी के किसी नियम से मेल नहीं खातीं। दोनों मान रखे गए हैं; प्रविष्टि खोलकर सुधारें या निरस्त करें।',
    'After the changes of two computers were merged, these entries break a rule of their register. Both values are kept; open the entry and correct or cancel it.',
  ),
  problem: bi('समस्या', 'Problem'),
  hubDeleted: bi('हब पर हटाई गई प्रविष्टियाँ (यहाँ सुरक्षित)', 'Entries deleted on the hub (kept here)'),
  hubDeletedHelp: bi(
    'किसी ने हब पर ये प्रविष्टियाँ हटा दीं। पंजी से कुछ नहीं हटता: थाना प्रभारी कारण लिखकर प्रविष्टि निरस्त करें, या इसे हब पर वापस भेजें।',
    'Someone deleted these entries on the hub. Nothing is erased from a register: the thana in-charge either cancels the entry with a reason, or sends it back to the hub.',
  ),
  pushBack: bi('हब पर वापस भेजें', 'Send back to the hub'),
  cancelEntry: bi('निरस्त करें', 'Cancel the entry'),
  cancelReason: bi('निरस्त करने का कारण', 'Reason for cancelling'),
} satisfies Record<string, Bilingual>;
