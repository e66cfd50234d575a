/**
 * The thana database's validate_doc_update, ES5 source with four placeholders filled by
 * vdu.ts `thanaVdu()`: __CODE__, __ROLE__, __MAX__ (bytes) and __SHAPES__ (JSON of vdu-shapes.ts).
 * Every refusal names the rule in English and Hindi (`English / हिंदी`), which is what the station
 * shows in its list of refused documents. The rules are listed in vdu.ts and the sync README.
 */
export const THANA_RULES_ES5 = String.raw`function (newDoc, oldDoc, userCtx, secObj) {
  var CODE = '__CODE__';
  var ROLE = '__ROLE__';
  var MAX = __MAX__;
  var SHAPES = __SHAPES__;
  var roles = (userCtx && userCtx.roles) || [];
  var i, k;
  function has(r) { for (var j = 0; j < roles.length; j++) { if (roles[j] === r) { return true; } } return false; }
  function deny(en, hi) { throw({ forbidden: en + ' / ' + hi }); }
  function isArr(v) { return Object.prototype.toString.call(v) === '[object Array]'; }
  function isObj(v) { return v !== null && typeof v === 'object' && !isArr(v); }
  function isStr(v, max) { return typeof v === 'string' && v.length <= max; }
  function same(a, b) { return stable(a) === stable(b); }
  function stable(v) {
    if (v === undefined || v === null) { return 'null'; }
    if (typeof v !== 'object') { return JSON.stringify(v); }
    var out = [], j;
    if (isArr(v)) { for (j = 0; j < v.length; j++) { out.push(stable(v[j])); } return '[' + out.join(',') + ']'; }
    var keys = [];
    for (var key in v) { if (Object.prototype.hasOwnProperty.call(v, key) && v[key] !== undefined) { keys.push(key); } }
    keys.sort();
    for (j = 0; j < keys.length; j++) { out.push(JSON.stringify(keys[j]) + ':' + stable(v[keys[j]])); }
    return '{' + out.join(',') + '}';
  }
  function utf8(s) {
    try { return unescape(encodeURIComponent(s)).length; } catch (e) { /* a lone surrogate: count it by hand */ }
    var n = 0;
    for (var j = 0; j < s.length; j++) {
      var c = s.charCodeAt(j);
      if (c < 0x80) { n += 1; } else if (c < 0x800) { n += 2; } else if (c >= 0xD800 && c <= 0xDBFF && j + 1 < s.length) { n += 4; j++; } else { n += 3; }
    }
    return n;
  }

  if (has('_admin')) {
    // Admins may do anything, but an edit by hand (Fauxton, curl: the data or the cancellation
    // changed with no new version in the history) must name its writer, so that every station's
    // "changed on the hub by <user>" names the admin who made it, not the PC that wrote before.
    var was = oldDoc && !oldDoc._deleted ? oldDoc : null;
    if (was && newDoc._deleted !== true && isArr(was.history) && isObj(was.data) && (!isArr(newDoc.history) || newDoc.history.length <= was.history.length) && (!same(newDoc.data, was.data) || !same(newDoc.cancelled, was.cancelled)) && newDoc.hubUser !== userCtx.name) {
      deny('An edit made on the hub must name its writer: set hubUser to ' + userCtx.name, 'हब पर किया गया बदलाव लिखने वाले का नाम बताए: hubUser में ' + userCtx.name + ' लिखें');
    }
    return;
  }
  if (!has(ROLE)) { deny('Only computers of thana ' + CODE + ' may write here', 'केवल थाना ' + CODE + ' के कंप्यूटर यहाँ लिख सकते हैं'); }
  var id = newDoc._id || '';
  if (id.indexOf('_design/') === 0) { deny('Design documents are for hub admins only', 'डिज़ाइन दस्तावेज़ केवल हब एडमिन के लिए'); }
  if (utf8(JSON.stringify(newDoc)) > MAX) { deny('Document too large (more than ' + MAX + ' bytes)', 'दस्तावेज़ बहुत बड़ा है'); }
  if (newDoc._deleted === true) { deny('Nothing is deleted from a register: cancel the entry instead', 'पंजी से कुछ भी हटाया नहीं जाता: प्रविष्टि निरस्त करें'); }
  if (id.indexOf(CODE + ':') !== 0) { deny('Document id must start with ' + CODE + ':', 'दस्तावेज़ की पहचान ' + CODE + ': से शुरू हो'); }
  if (newDoc.thana !== CODE) { deny('thana must be ' + CODE, 'thana फ़ील्ड ' + CODE + ' हो'); }
  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
  if (old && old.thana !== CODE) { deny('thana cannot change', 'thana बदला नहीं जा सकता'); }
  var parts = id.split(':');
  var type = parts[1];
  if (parts.length < 3 || typeof newDoc.type !== 'string' || newDoc.type !== type) { deny('type is required and must match the id', 'type आवश्यक है और पहचान से मेल खाए'); }
  if (type === 'meta') { deny('meta documents are for hub admins only', 'meta दस्तावेज़ केवल हब एडमिन के लिए'); }
  if (typeof newDoc.schemaVersion !== 'number' || newDoc.schemaVersion < 1 || newDoc.schemaVersion % 1 !== 0) { deny('schemaVersion is required', 'schemaVersion आवश्यक है'); }
  if (!isStr(newDoc.mutationId, 60) || newDoc.mutationId.length < 10) { deny('mutationId is required', 'mutationId आवश्यक है'); }
  if (newDoc.hubUser !== userCtx.name) { deny('hubUser must name the hub account writing this version (' + userCtx.name + ')', 'hubUser में लिखने वाला हब खाता हो'); }

  if (type === 'audit') {
    if (old) { deny('Audit rows are written once and never changed', 'ऑडिट पंक्ति एक बार लिखी जाती है, बदली नहीं जाती'); }
    if (!isStr(newDoc.at, 40) || !isStr(newDoc.action, 40)) { deny('An audit row needs at and action', 'ऑडिट पंक्ति में at और action आवश्यक'); }
    // The hash chain (domain/auditChain.ts): the writing PC, the position, the previous row's hash and its own.
    var hex64 = /^[0-9a-f]{64}$/;
    if (!isStr(newDoc.pc, 60) || newDoc.pc.length < 1 || typeof newDoc.seq !== 'number' || newDoc.seq < 1 || newDoc.seq % 1 !== 0 || typeof newDoc.hash !== 'string' || !hex64.test(newDoc.hash) || typeof newDoc.prevHash !== 'string' || !(newDoc.seq === 1 ? newDoc.prevHash === '' : hex64.test(newDoc.prevHash))) { deny('An audit row carries its hash chain: pc, seq, prevHash and hash', 'ऑडिट पंक्ति में हैश शृंखला (pc, seq, prevHash, hash) आवश्यक'); }
    return;
  }
  if (type === 'pcsync') {
    // A PC's last-sync marker for the district (districtMarker.ts): small, its own id, overwritten in place.
    if (parts[2] !== newDoc.pc || !isStr(newDoc.pc, 60) || !isStr(newDoc.at, 40) || !isStr(newDoc.appVersion, 60) || !isStr(newDoc.pcSeries, 4)) { deny('A sync marker needs pc (its id), at, appVersion and pcSeries', 'सिंक चिह्न में pc, at, appVersion और pcSeries आवश्यक'); }
    return;
  }
  if (type === 'suspect') {
    // A suspect-registry entry (domain/registry/suspects.ts): the identifier and where it was reported,
    // nothing else; the hub replicates these into the district registry every thana reads.
    var SUSPECT_FIELDS = { thana: 1, type: 1, schemaVersion: 1, mutationId: 1, hubUser: 1, complaintId: 1, key: 1, serial: 1, date: 1, category: 1, band: 1, withdrawn: 1, updatedAt: 1 };
    for (k in newDoc) { if (Object.prototype.hasOwnProperty.call(newDoc, k) && k.charAt(0) !== '_' && !SUSPECT_FIELDS[k]) { deny('A suspect-registry entry may not carry ' + k + ' (only the identifier, thana, serial, date, category and amount band)', 'संदेही रजिस्टर की प्रविष्टि में ' + k + ' नहीं हो सकता'); } }
    if (utf8(JSON.stringify(newDoc)) > 2048) { deny('A suspect-registry entry is at most 2048 bytes', 'संदेही रजिस्टर की प्रविष्टि अधिकतम 2048 बाइट'); }
    if (!isStr(newDoc.complaintId, 80) || newDoc.complaintId.indexOf(CODE + ':complaint:') !== 0 || parts[2].indexOf(newDoc.complaintId.split(':')[2] + '-') !== 0) { deny('A suspect-registry entry names its complaint of this thana in its id', 'संदेही प्रविष्टि की पहचान में इसी थाने की शिकायत हो'); }
    if (!isStr(newDoc.key, 300) || !/^(utr|smob|upi|acct|url):.+$/.test(newDoc.key)) { deny('key must be a suspect identifier (utr, smob, upi, acct or url)', 'key संदेही पहचान (utr, smob, upi, acct, url) हो'); }
    if (!isStr(newDoc.serial, 20) || !/^([0-9]{4}-[0-9]{2}-[0-9]{2})?$/.test(newDoc.date || '') || !isStr(newDoc.date, 10) || !isStr(newDoc.category, 60) || !/^(nil|lt10k|10k-1l|1l-10l|ge10l)$/.test(newDoc.band || '') || typeof newDoc.withdrawn !== 'boolean' || !isStr(newDoc.updatedAt, 40)) { deny('A suspect-registry entry needs serial, date, category, band, withdrawn and updatedAt', 'संदेही प्रविष्टि में क्रमांक, दिनांक, श्रेणी, राशि वर्ग, withdrawn और updatedAt आवश्यक'); }
    if (old && (old.key !== newDoc.key || old.complaintId !== newDoc.complaintId)) { deny('A suspect-registry entry keeps its identifier and complaint; withdraw it instead', 'संदेही प्रविष्टि की पहचान और शिकायत नहीं बदलती; उसे वापस लें'); }
    return;
  }
  if (type === 'profile' || type === 'options') {
    if (!isObj(newDoc.value)) { deny('A settings document needs an object value', 'सेटिंग दस्तावेज़ में value वस्तु हो'); }
    if (type === 'profile' && newDoc.value.thanaCode !== CODE) { deny('The profile must keep thana code ' + CODE, 'प्रोफ़ाइल में थाना कोड ' + CODE + ' ही रहे'); }
    return;
  }

  var shape = SHAPES[type];
  if (!shape) { deny('Unknown register ' + type + ': provision the hub again with the current app', 'अज्ञात पंजी ' + type + ': हब का प्रावधान नए ऐप से फिर करें'); }
  if (newDoc.schemaVersion > shape.v && !(old && newDoc.schemaVersion === old.schemaVersion)) { deny('schemaVersion ' + newDoc.schemaVersion + ' is newer than this hub knows (' + shape.v + '): provision the hub again with the current app', 'यह schemaVersion हब नहीं जानता: हब का प्रावधान फिर करें'); }
  var d = newDoc.data;
  if (!isObj(d)) { deny('data must be an object', 'data वस्तु (object) हो'); }
  if (!isArr(newDoc.history) || newDoc.history.length < 1) { deny('history must be a list of versions', 'history संस्करणों की सूची हो'); }
  for (i = 0; i < newDoc.history.length; i++) {
    var h = newDoc.history[i];
    if (!isObj(h) || typeof h.version !== 'number' || !isStr(h.kind, 40) || !isStr(h.mutationId, 60) || !isArr(h.changes) || !isStr(h.at, 40)) { deny('history entry ' + (i + 1) + ' is malformed', 'history की प्रविष्टि ' + (i + 1) + ' सही नहीं'); }
    if (h.reason !== undefined && h.reason !== null && !isStr(h.reason, 2000)) { deny('history entry ' + (i + 1) + ': reason too long', 'कारण बहुत लंबा है'); }
  }
  var lists = ['keys', 'tokens'];
  for (i = 0; i < lists.length; i++) {
    var l = newDoc[lists[i]];
    if (!isArr(l)) { deny(lists[i] + ' must be a list', lists[i] + ' सूची हो'); }
    for (k = 0; k < l.length; k++) { if (!isStr(l[k], 300)) { deny(lists[i] + ' must be a list of short texts', lists[i] + ' छोटे पाठ की सूची हो'); } }
  }
  if (newDoc.cancelled !== undefined && newDoc.cancelled !== null && (!isObj(newDoc.cancelled) || !isStr(newDoc.cancelled.reason, 2000) || !isStr(newDoc.cancelled.at, 40))) { deny('cancelled must say when and why', 'निरस्तीकरण में दिनांक और कारण हो'); }
  if (newDoc.foldedRevs !== undefined) {
    if (!isArr(newDoc.foldedRevs) || newDoc.foldedRevs.length > 1000) { deny('foldedRevs must be a list of revisions', 'foldedRevs संशोधनों की सूची हो'); }
    for (k = 0; k < newDoc.foldedRevs.length; k++) { if (typeof newDoc.foldedRevs[k] !== 'string' || !/^[0-9]+-[0-9a-f]{1,64}$/.test(newDoc.foldedRevs[k])) { deny('foldedRevs must be a list of revisions', 'foldedRevs संशोधनों की सूची हो'); } }
  }
  for (k in shape.f) {
    if (!Object.prototype.hasOwnProperty.call(shape.f, k)) { continue; }
    var v = d[k], kind = shape.f[k][0], max = shape.f[k][1];
    if (v === undefined || v === null) { continue; }
    if (kind === 's' && !(typeof v === 'string' && (!max || v.length <= max))) { deny('data.' + k + ' must be a text of at most ' + max + ' characters', 'data.' + k + ' अधिकतम ' + max + ' अक्षर का पाठ हो'); }
    if (kind === 'n' && (typeof v !== 'number' || !isFinite(v))) { deny('data.' + k + ' must be a number', 'data.' + k + ' संख्या हो'); }
    if (kind === 'b' && typeof v !== 'boolean') { deny('data.' + k + ' must be yes or no', 'data.' + k + ' हाँ/नहीं हो'); }
    if (kind === 'a') {
      var items = shape.f[k][2] || 1000;
      if (!isArr(v) || v.length > items) { deny('data.' + k + ' must be a list of at most ' + items + ' values', 'data.' + k + ' अधिकतम ' + items + ' मानों की सूची हो'); }
      for (i = 0; i < v.length; i++) { if (!isStr(v[i], max)) { deny('data.' + k + ' must be a list of texts of at most ' + max + ' characters', 'data.' + k + ' अधिकतम ' + max + ' अक्षर के पाठों की सूची हो'); } }
    }
  }
  for (k in shape.rows) {
    if (!Object.prototype.hasOwnProperty.call(shape.rows, k)) { continue; }
    var rows = d[k], rs = shape.rows[k];
    if (rows === undefined || rows === null) { continue; }
    if (!isArr(rows) || rows.length > rs.max) { deny('data.' + k + ' must be a list of at most ' + rs.max + ' rows', 'data.' + k + ' अधिकतम ' + rs.max + ' पंक्तियों की सूची हो'); }
    for (i = 0; i < rows.length; i++) {
      if (!isObj(rows[i])) { deny('data.' + k + ' row ' + (i + 1) + ' must be a row', 'data.' + k + ' पंक्ति ' + (i + 1) + ' सही नहीं'); }
      for (var rk in rows[i]) {
        if (!Object.prototype.hasOwnProperty.call(rows[i], rk)) { continue; }
        var rv = rows[i][rk], rmax = Object.prototype.hasOwnProperty.call(rs.f, rk) ? rs.f[rk] : 200;
        if (rv !== null && typeof rv === 'object') { deny('data.' + k + ' row ' + (i + 1) + ': ' + rk + ' must be a plain value', 'data.' + k + ' पंक्ति ' + (i + 1) + ': ' + rk + ' सही नहीं'); }
        if (typeof rv === 'string' && rv.length > rmax) { deny('data.' + k + ' row ' + (i + 1) + ': ' + rk + ' longer than ' + rmax + ' characters', 'data.' + k + ' पंक्ति ' + (i + 1) + ': ' + rk + ' ' + rmax + ' अक्षरों से लंबा'); }
      }
    }
  }

  if (!old) {
    if (!isStr(newDoc.createdAt, 40) || !isStr(newDoc.createdBy, 200)) { deny('createdAt and createdBy are required', 'createdAt और createdBy आवश्यक'); }
    if (newDoc.cancelled) { /* created cancelled: allowed (an import of a cancelled paper entry) */ }
    // A serial is checked when the entry first reaches the hub (a write with no revision before it);
    // a PC bringing back an entry deleted on the hub brings back the serial it always had.
    if (shape.serial && !oldDoc && !newDoc._rev) {
      var series = null;
      for (i = 0; i < roles.length; i++) {
        if (/^series_[a-z]$/.test(roles[i])) { var letter = roles[i].charAt(7).toUpperCase(); series = letter === 'A' ? '' : letter + '-'; }
      }
      if (series === null) { deny('This hub account has no serial series: the district IT cell provisions it again', 'इस हब खाते की क्रमांक श्रृंखला नहीं है: जिला आईटी सेल प्रावधान फिर करे'); }
      var m = typeof newDoc.serial === 'string' ? /^([0-9]{4})\/([A-Z]-)?([0-9]{4,6})$/.exec(newDoc.serial) : null;
      if (!m || (m[2] || '') !== series) { deny('Serial ' + newDoc.serial + ' is outside the series of this PC (YYYY/' + series + 'NNNN)', 'क्रमांक ' + newDoc.serial + ' इस पीसी की श्रृंखला (YYYY/' + series + 'NNNN) में नहीं है'); }
      if (newDoc.serialYear !== Number(m[1]) || newDoc.serialNo !== Number(m[3])) { deny('serialYear and serialNo must match the serial', 'serialYear और serialNo क्रमांक से मेल खाएँ'); }
    }
    return;
  }

  // CouchDB hands over the revision being replaced; pouchdb-server hands over the current winner
  // even when the write is based on an older revision (it then fails as a conflict). Compare with
  // the old version only when it is the one being replaced (always so on CouchDB).
  if (typeof newDoc._rev === 'string' && typeof old._rev === 'string' && newDoc._rev !== old._rev && parseInt(newDoc._rev, 10) <= parseInt(old._rev, 10)) { return; }
  var fixed = ['createdAt', 'createdBy', 'serial', 'serialYear', 'serialNo'];
  for (i = 0; i < fixed.length; i++) {
    if (!same(newDoc[fixed[i]], old[fixed[i]])) { deny(fixed[i] + ' never changes', fixed[i] + ' कभी नहीं बदलता'); }
  }
  if (old.cancelled && !same(newDoc.cancelled, old.cancelled)) { deny('A cancellation is never lifted or rewritten', 'निरस्तीकरण कभी हटाया या बदला नहीं जाता'); }
  var before = isArr(old.history) ? old.history : [];
  var byMutation = {};
  for (i = 0; i < newDoc.history.length; i++) { byMutation[newDoc.history[i].mutationId + '#' + newDoc.history[i].version] = stable(newDoc.history[i]); }
  for (i = 0; i < before.length; i++) {
    if (byMutation[before[i].mutationId + '#' + before[i].version] !== stable(before[i])) { deny('History must keep version ' + before[i].version + ' unchanged', 'history का संस्करण ' + before[i].version + ' जैसा था वैसा रहे'); }
  }
  if (newDoc.history.length <= before.length && (!same(newDoc.data, old.data) || !same(newDoc.cancelled, old.cancelled))) { deny('A change needs a new version in the history', 'हर बदलाव history में नया संस्करण जोड़े'); }
}`;
