/**
 * The hub's validate_doc_update functions, as ES5 source (CouchDB's JavaScript engine may be
 * SpiderMonkey 1.8.5 — reference/sync.md §4 row 13). Kept as text so the same source is installed
 * by provisioning and evaluated as a plain function by the tests.
 *
 * Thana database `thana_<code>`:
 * - server admins may do anything (provisioning, the epoch document, repairs);
 * - every other writer needs the role `thana_<code>` (so district users can never write);
 * - design documents are for admins only;
 * - ids start with '<CODE>:' and `doc.thana` is CODE, forever (it cannot be changed later);
 * - the required metadata is present: `type` (matching the id), `schemaVersion`, `mutationId`;
 * - `meta` documents (the epoch) are for admins only;
 * - a delete is allowed only as a tombstone of a document of this thana (conflict losers).
 *
 * District database `district_<name>`: written only by admins (the server's replication jobs).
 */

/** Largest document a station may write (bytes of JSON); CouchDB's own limit is larger. */
export const MAX_DOC_BYTES = 1_000_000;

export function thanaDesignId(code: string): string {
  // A per-thana name: the design doc replicates into the district database next to the others'.
  return `_design/thana_${code.toLowerCase()}`;
}

export const DISTRICT_DESIGN_ID = '_design/district';

export function thanaRole(code: string): string {
  return `thana_${code.toLowerCase()}`;
}

export function thanaDbName(code: string): string {
  return `thana_${code.toLowerCase()}`;
}

export function districtDbName(name: string): string {
  return `district_${name.toLowerCase()}`;
}

export function districtRole(name: string): string {
  return `district_${name.toLowerCase()}`;
}

export function thanaVdu(code: string): string {
  if (!/^[A-Z0-9]{2,12}$/.test(code)) throw new Error(`Bad thana code: ${code}`);
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    `  var CODE = '${code}';`,
    `  var ROLE = '${thanaRole(code)}';`,
    `  var MAX = ${MAX_DOC_BYTES};`,
    '  var roles = (userCtx && userCtx.roles) || [];',
    '  function has(r) { for (var i = 0; i < roles.length; i++) { if (roles[i] === r) { return true; } } return false; }',
    '  function deny(why) { throw({ forbidden: why }); }',
    "  if (has('_admin')) { return; }",
    "  if (!has(ROLE)) { deny('Only computers of thana ' + CODE + ' may write here / केवल थाना ' + CODE + ' के कंप्यूटर यहाँ लिख सकते हैं'); }",
    "  var id = newDoc._id || '';",
    "  if (id.indexOf('_design/') === 0) { deny('Design documents are for hub admins only / डिज़ाइन दस्तावेज़ केवल हब एडमिन के लिए'); }",
    "  if (id.indexOf(CODE + ':') !== 0) { deny('Document id must start with ' + CODE + ': / दस्तावेज़ की पहचान ' + CODE + ': से शुरू हो'); }",
    '  if (newDoc._deleted === true) {',
    "    if (!oldDoc || oldDoc.thana !== CODE) { deny('Only documents of this thana may be deleted / केवल इसी थाने के दस्तावेज़ हटाए जा सकते हैं'); }",
    '    return;',
    '  }',
    "  if (newDoc.thana !== CODE) { deny('thana must be ' + CODE + ' / thana फ़ील्ड ' + CODE + ' हो'); }",
    "  if (oldDoc && !oldDoc._deleted && oldDoc.thana !== CODE) { deny('thana cannot change / thana बदला नहीं जा सकता'); }",
    "  var parts = id.split(':');",
    "  if (parts.length < 3 || typeof newDoc.type !== 'string' || newDoc.type !== parts[1]) { deny('type is required and must match the id / type आवश्यक है और पहचान से मेल खाए'); }",
    "  if (newDoc.type === 'meta') { deny('meta documents are for hub admins only / meta दस्तावेज़ केवल हब एडमिन के लिए'); }",
    "  if (typeof newDoc.schemaVersion !== 'number' || newDoc.schemaVersion < 1) { deny('schemaVersion is required / schemaVersion आवश्यक है'); }",
    "  if (typeof newDoc.mutationId !== 'string' || newDoc.mutationId.length < 10) { deny('mutationId is required / mutationId आवश्यक है'); }",
    "  if (JSON.stringify(newDoc).length > MAX) { deny('Document too large / दस्तावेज़ बहुत बड़ा है'); }",
    '}',
  ].join('\n');
}

/**
 * The filter of the thana → district replication: the thana's own design document stays home
 * (the district database is not validated by thana rules, and pouchdb-server could not bear it).
 */
export const REPLICATION_FILTER = "function (doc, req) { return doc._id.indexOf('_design/') !== 0; }";

export function replicationFilterName(code: string): string {
  return `${thanaDesignId(code).slice('_design/'.length)}/replicate`;
}

export function districtVdu(): string {
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    '  var roles = (userCtx && userCtx.roles) || [];',
    "  for (var i = 0; i < roles.length; i++) { if (roles[i] === '_admin') { return; } }",
    "  throw({ forbidden: 'The district database is read-only; thanas sync into their own databases / जिला डेटाबेस केवल पढ़ने के लिए है' });",
    '}',
  ].join('\n');
}
