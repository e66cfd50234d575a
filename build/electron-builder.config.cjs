/**
 * electron-builder configuration: `npm run dist` (installers land in release/).
 *
 * Windows: an assisted NSIS installer, per-user by default (no admin needed, and the app
 * can update itself without UAC). The district IT cell can still install for all users:
 *   - silently, from the normal installer:  "Cyber Mitan Thana Desk Setup 1.2.3.exe" /S /allusers
 *     (per-user silent install: /S /currentuser; a different folder: /D=C:\Apps\ThanaDesk, last)
 *   - or build an installer that is always per-machine:  CMTD_PER_MACHINE=1 npm run dist
 *     (every update then asks for an administrator: see README "Installing on a station PC").
 * Linux: AppImage and deb.
 *
 * Environment (all optional):
 *   CMTD_UPDATE_URL   the district's update folder (https:// only), written into app-update.yml
 *                     (the in-charge can also set it in Settings; that one wins)
 *   CMTD_PER_MACHINE  '1': the Windows installer always installs for all users
 *   CMTD_PUBLISHER    the code-signing certificate's subject (full DN): updates must carry it.
 *                     Without it a Windows build refuses every update (electron/updater.ts) and
 *                     says why: it could not tell the district's installers from anyone else's.
 *   CSC_LINK / CSC_KEY_PASSWORD   the signing certificate (read by electron-builder itself)
 */
'use strict';

/** A placeholder that can never resolve (RFC 2606): an unconfigured PC fails quietly, offline. */
const PLACEHOLDER_UPDATE_URL = 'https://updates.district-hub.invalid/thana-desk/';

const HINDI_NAME = 'साइबर मितान थाना डेस्क';

/** Updates only over https: a plain-http folder lets anyone on the line hand out installers. */
function updateUrl() {
  const url = process.env.CMTD_UPDATE_URL || PLACEHOLDER_UPDATE_URL;
  if (!/^https:\/\//i.test(url)) throw new Error(`CMTD_UPDATE_URL must be an https:// address (got ${url})`);
  return url;
}
const perMachine = process.env.CMTD_PER_MACHINE === '1';
const publisher = process.env.CMTD_PUBLISHER || null;

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  // NEVER CHANGE. The NSIS GUID (install folder, uninstall entry, updates) is derived from it;
  // a new appId installs a second app next to the old one instead of updating it.
  appId: 'in.gov.cgpolice.bilaspur.cybermitan',
  // ASCII on purpose: it names the install folder, the .exe, and the userData folder that holds
  // the station's IndexedDB. NEVER CHANGE either: a new name means a new, empty userData.
  productName: 'Cyber Mitan Thana Desk',
  copyright: 'Bilaspur Police (Chhattisgarh), district IT cell',
  directories: { output: 'release', buildResources: 'build' },
  // Only the bundles and the manifest; production dependencies (electron-updater) are added by
  // electron-builder from package.json.
  files: ['dist/electron/**', 'dist/renderer/**', 'package.json'],
  asar: true,
  compression: 'normal',
  electronLanguages: ['en-US', 'hi'],

  // Production fuses, flipped in the Electron binary itself (design §3.6).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  // The first publisher is what electron-updater reads (app-update.yml). A generic server is a
  // plain folder on the district hub's web server: upload the .exe, its .blockmap, then latest.yml.
  publish: [
    {
      provider: 'generic',
      url: updateUrl(),
      channel: 'latest',
      // Many office web servers refuse multi-range requests; a differential update then fails over.
      useMultipleRangeRequest: false,
    },
  ],

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/icon.png',
    // Keep it: an update whose signature does not match the publisher is refused.
    verifyUpdateCodeSignature: true,
    ...(publisher ? { signtoolOptions: { publisherName: [publisher] } } : {}),
  },
  nsis: {
    oneClick: false,
    // false: the installer asks "only for me / for all users" (for me is chosen by default);
    // CMTD_PER_MACHINE=1: always for all users, no question.
    perMachine,
    selectPerMachineByDefault: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    // Needed by electron-updater to update a per-machine install.
    packElevateHelper: true,
    // The registers live in userData; an uninstall must never take them with it.
    deleteAppDataOnUninstall: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: HINDI_NAME,
    uninstallDisplayName: `\${productName} (${HINDI_NAME}) \${version}`,
    // NSIS ships no Hindi page texts; the installer speaks English, the shortcut is in Hindi.
    installerLanguages: ['en_US'],
    unicode: true,
    runAfterFinish: true,
    include: 'build/installer.nsh',
    artifactName: '${productName} Setup ${version}.${ext}',
    differentialPackage: true,
    warningsAsErrors: true,
  },

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons/icon.png',
    category: 'Office',
    synopsis: `${HINDI_NAME}: station registers of the Cyber Mitan campaign`,
    description: `${HINDI_NAME} — station registers (Mitan roster, outreach, cyber complaints), offline first, synced with the district hub.`,
    maintainer: 'District IT Cell, Bilaspur Police <it-cell@bilaspur-police.invalid>',
    vendor: 'Bilaspur Police (Chhattisgarh)',
    executableName: 'cyber-mitan-thana-desk',
    desktop: {
      entry: {
        Name: 'Cyber Mitan Thana Desk',
        'Name[hi]': HINDI_NAME,
        Comment: 'Station registers of the Cyber Mitan campaign',
        'Comment[hi]': 'साइबर मितान अभियान के थाना रजिस्टर',
      },
    },
  },
  deb: {
    packageCategory: 'office',
    priority: 'optional',
  },
  appImage: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
};
