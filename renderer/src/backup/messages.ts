/** Every word the backup panel and the update banner show, in Hindi and English. */
import { bi, DomainError, type Bilingual } from '@/domain/bilingual';
import { BridgeError } from '@/bridge/contract';

export const BACKUP_TEXT = {
  title: bi('बैकअप और अपडेट', 'Backups and updates'),
  inchargeOnly: bi('केवल थाना प्रभारी बदल सकते हैं', 'Only the thana in-charge can change these'),
  passphrase: bi('बैकअप पासफ़्रेज़', 'Backup passphrase'),
  passphraseSet: bi('पासफ़्रेज़ सेट है (इस कंप्यूटर में सुरक्षित)', 'A passphrase is set (kept safely on this PC)'),
  passphraseThisSession: bi('पासफ़्रेज़ केवल इस ब्राउज़र टैब के खुले रहने तक याद है', 'The passphrase is remembered only while this browser tab is open'),
  passphraseMissing: bi('पासफ़्रेज़ सेट नहीं है: स्वचालित बैकअप नहीं बन रहे', 'No passphrase set: automatic backups are not being made'),
  passphraseHelp: bi(
    'कम से कम 8 अक्षर। इसे लिखकर थाने की तिजोरी में रखें: इसके बिना बैकअप वापस नहीं लाया जा सकता।',
    'At least 8 characters. Write it down and keep it in the thana safe: a backup cannot be restored without it.',
  ),
  newPassphrase: bi('नया पासफ़्रेज़', 'New passphrase'),
  confirmPassphrase: bi('पासफ़्रेज़ दोबारा', 'Passphrase again'),
  setPassphrase: bi('पासफ़्रेज़ सहेजें', 'Save passphrase'),
  passphraseSaved: bi('पासफ़्रेज़ सहेजा गया', 'Passphrase saved'),
  passphraseMismatch: bi('दोनों पासफ़्रेज़ एक जैसे नहीं हैं', 'The two passphrases differ'),
  automatic: bi('हर दिन स्वचालित बैकअप', 'Automatic daily backup'),
  keep: bi('कितने बैकअप रखें', 'Backups to keep'),
  primaryFolder: bi('बैकअप फ़ोल्डर', 'Backups folder'),
  secondFolder: bi('दूसरी प्रति (USB ड्राइव)', 'Second copy (USB drive)'),
  noSecondFolder: bi('कोई नहीं', 'None'),
  chooseFolder: bi('फ़ोल्डर चुनें…', 'Choose folder…'),
  forgetFolder: bi('हटाएँ', 'Remove'),
  openFolder: bi('फ़ोल्डर खोलें', 'Open folder'),
  save: bi('सहेजें', 'Save'),
  saved: bi('सहेजा गया', 'Saved'),
  backupNow: bi('अभी बैकअप लें', 'Back up now'),
  working: bi('कृपया प्रतीक्षा करें…', 'Please wait…'),
  lastBackup: bi('अंतिम बैकअप', 'Last backup'),
  never: bi('कभी नहीं', 'Never'),
  backups: bi('बैकअप फ़ाइलें', 'Backup files'),
  noBackups: bi('अभी कोई बैकअप नहीं', 'No backups yet'),
  restore: bi('वापस लाएँ…', 'Restore…'),
  restoreFromFile: bi('किसी फ़ाइल से वापस लाएँ…', 'Restore from a file…'),
  restorePassphrase: bi('इस बैकअप का पासफ़्रेज़', "This backup's passphrase"),
  restoreWarning: bi(
    'वापस लाने पर इस कंप्यूटर का पूरा डेटा बैकअप के डेटा से बदल जाएगा। पहले अभी की स्थिति का एक बैकअप अपने-आप बनेगा।',
    "Restoring replaces all data on this PC with the backup's data. A backup of the current state is made first.",
  ),
  restoreConfirm: bi('हाँ, वापस लाएँ', 'Yes, restore'),
  cancel: bi('रद्द करें', 'Cancel'),
  webMode: bi(
    'ब्राउज़र मोड: बैकअप डाउनलोड होता है, और स्वचालित बैकअप नहीं बनता। डेस्कटॉप ऐप में यह अपने-आप होता है।',
    'Browser mode: a backup is downloaded, and there is no automatic backup. The desktop app does this by itself.',
  ),
  updates: bi('अपडेट', 'Updates'),
  updateServer: bi('अपडेट सर्वर का पता', 'Update server address'),
  updateServerHelp: bi('खाली छोड़ें तो इंस्टॉलर में लिखा पता', 'Leave empty for the address built into the installer'),
  metered: bi('सीमित डेटा वाली लाइन (मोबाइल डेटा)', 'Metered line (mobile data)'),
  autoDownload: bi('अपडेट मिलते ही डाउनलोड करें (सीमित लाइन पर नहीं)', 'Download updates as soon as found (not on a metered line)'),
} satisfies Record<string, Bilingual>;

export const UPDATE_TEXT = {
  available: (v: string) => bi(`नया संस्करण ${v} उपलब्ध है`, `Version ${v} is available`),
  download: bi('डाउनलोड करें', 'Download'),
  later: bi('बाद में', 'Later'),
  downloading: (p: number) => bi(`अपडेट डाउनलोड हो रहा है… ${p}%`, `Downloading the update… ${p}%`),
  downloaded: (v: string) => bi(`संस्करण ${v} तैयार है`, `Version ${v} is ready`),
  restartNow: bi('अभी पुनः आरंभ करें', 'Restart now'),
  onClose: bi('बाद में: ऐप बंद करने पर इंस्टॉल होगा', 'Later: it installs when the app is closed'),
  failed: bi('अपडेट डाउनलोड नहीं हो सका; बाद में फिर प्रयास करें', 'The update could not be downloaded; try again later'),
  retry: bi('फिर प्रयास करें', 'Try again'),
  refused: {
    'unsigned-build': bi(
      'यह इंस्टॉलर जिले के हस्ताक्षरकर्ता (प्रकाशक) के नाम के बिना बना है, इसलिए यह नहीं जाँच सकता कि अपडेट जिले का है; अपडेट इंस्टॉल नहीं होंगे। जिला आईटी सेल से हस्ताक्षरित इंस्टॉलर लें।',
      'This installer was built without the district’s publisher name, so it cannot check that an update comes from the district; updates will not be installed. Ask the district IT cell for a signed installer.',
    ),
    'insecure-feed': bi(
      'इंस्टॉलर में अपडेट सर्वर का पता http:// है; अपडेट केवल https:// से लिए जाते हैं। सेटिंग्स में https:// पता लिखें या जिला आईटी सेल से संपर्क करें।',
      'The update server built into this installer is a plain http:// address; updates come only over https://. Enter an https:// address in Settings or contact the district IT cell.',
    ),
  },
} as const;

/** What a backup run did, for the panel and the banner. */
export function backupDoneMessage(name: string, second: 'none' | 'written' | 'unavailable' | 'failed'): Bilingual {
  const base = bi(`बैकअप बना: ${name}`, `Backup made: ${name}`);
  if (second === 'written') return bi(`${base.hi} (USB पर भी)`, `${base.en} (also on the USB drive)`);
  if (second === 'unavailable') return bi(`${base.hi}। USB ड्राइव नहीं लगी थी, दूसरी प्रति नहीं बनी।`, `${base.en}. The USB drive was not plugged in; no second copy.`);
  if (second === 'failed') return bi(`${base.hi}। USB पर दूसरी प्रति नहीं लिखी जा सकी।`, `${base.en}. The second copy on the USB drive could not be written.`);
  return base;
}

export const BACKUP_OVERDUE = (days: number) =>
  bi(`${days} दिन से कोई बैकअप नहीं बना है`, `No backup has been made for ${days} days`);

const BRIDGE_MESSAGES: Record<string, Bilingual> = {
  'secrets-unavailable': bi(
    'यह कंप्यूटर पासफ़्रेज़ को सुरक्षित (एन्क्रिप्ट) नहीं रख सकता; कुछ नहीं सहेजा गया। जिला आईटी सेल से संपर्क करें।',
    'This PC cannot keep the passphrase safely (encrypted); nothing was saved. Contact the district IT cell.',
  ),
  'secret-unreadable': bi(
    'सहेजा गया पासफ़्रेज़ इस Windows उपयोगकर्ता के लिए पढ़ा नहीं जा सकता; पासफ़्रेज़ फिर से सेट करें।',
    'The saved passphrase cannot be read by this Windows user; set the passphrase again.',
  ),
  'folder-missing': bi('चुना गया फ़ोल्डर नहीं मिला', 'The chosen folder was not found'),
  'folder-inside-app-data': bi('दूसरी प्रति ऐप के अपने फ़ोल्डर से बाहर (जैसे USB ड्राइव पर) हो', 'The second copy must be outside the app\'s own folder (e.g. on a USB drive)'),
  'folder-not-writable': bi('चुने गए फ़ोल्डर में लिखा नहीं जा सकता', 'The chosen folder cannot be written to'),
  'not-found': bi('यह बैकअप फ़ाइल अब नहीं मिली', 'This backup file is no longer there'),
  unsupported: bi('यह काम डेस्कटॉप ऐप में ही होता है', 'This needs the desktop app'),
  'too-large': bi('यह फ़ाइल किसी बैकअप से बहुत बड़ी है', 'This file is far larger than any backup'),
};

/** Any failure of the backup flow, in both languages: domain refusals keep their own words. */
export function backupErrorMessage(e: unknown): Bilingual {
  if (e instanceof DomainError) return e.bilingual;
  if (e instanceof BridgeError && BRIDGE_MESSAGES[e.code]) return BRIDGE_MESSAGES[e.code]!;
  const text = e instanceof Error ? e.message : String(e);
  return bi(`कुछ गलत हो गया: ${text}`, `Something went wrong: ${text}`);
}
