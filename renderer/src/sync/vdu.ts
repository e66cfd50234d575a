/**
 * The hub's validate_doc_update functions, as ES5 source (CouchDB's JavaScript engine may be
 * SpiderMonkey 1.8.5 — reference/sync.md §4 row 13). Kept as text so the same source is installed
 * by provisioning and evaluated as a plain function by the tests.
 *
 * Thana database `thana_<code>` — the paper rulebook (design §3.15; README "What the hub refuses"):
 * - server admins may do anything (provisioning, the epoch document, repairs, retiring leaves),
 *   but an edit by hand of an entry (data or cancellation changed, no new version) names the admin
 *   in `hubUser`, so the stations' "changed on the hub by <user>" is right;
 * - every other writer needs the role `thana_<code>` (district users and the replication account
 *   never write here); design documents are for admins only;
 * - nobody else deletes anything (an entry is cancelled, never erased);
 * - a document is at most MAX_DOC_BYTES of JSON counted in UTF-8 bytes;
 * - ids start with '<CODE>:', `thana` is CODE, `type` matches the id; `schemaVersion`,
 *   `mutationId` are present, and `hubUser` names the CouchDB user writing this version;
 * - `meta` documents (the epoch) are for admins only; audit documents are written once, and carry their PC's hash chain (`pc`, `seq`, `prevHash`, `hash`);
 * - the thana's profile and options documents keep the thana's code and an object value;
 * - a register document has its register's shape (generated from the register definitions:
 *   vdu-shapes.ts): an object `data` with each field of its kind and within its length, the
 *   row lists (complaint money rows) as lists of rows, `history`, `keys`, `tokens` as lists, a
 *   schemaVersion this hub knows;
 * - a new version keeps every earlier history entry unchanged and adds to it (a version that changes
 *   neither data nor the cancellation may leave the history as it is: e.g. `foldedRevs`);
 *   `createdAt`, `createdBy`, `serial`, `serialYear`, `serialNo`, `thana` never change; a
 *   cancellation is never lifted nor rewritten;
 * - a new entry's serial is in the writer's series (its account's role `series_<letter>`:
 *   `series_a` the plain series `YYYY/NNNN`, `series_b` → `YYYY/B-NNNN`, …).
 *
 * District database `district_<name>`: written only by admins and the hub's replication account.
 */
import { THANA_RULES_ES5 } from './vdu-rules';
import { registerShapes, type RegisterShape } from './vdu-shapes';
/** Largest document a station may write (UTF-8 bytes of JSON); CouchDB's own limit is larger. */
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

/** The role carrying a PC account's serial series: `series_a` = plain `YYYY/NNNN`, `series_b` = `YYYY/B-NNNN`, … */
export function seriesRole(letter: string): string {
  if (!/^[A-Za-z]$/.test(letter)) throw new Error(`Bad series letter: ${letter}`);
  return `series_${letter.toLowerCase()}`;
}

/** The account the hub's own replication jobs run as (one per district). */
export function replicationUser(district: string): string {
  return `repl_${district.toLowerCase()}`;
}

export function replicationRole(district: string): string {
  return `replication_${district.toLowerCase()}`;
}

export function thanaVdu(code: string, shapes: Record<string, RegisterShape> = registerShapes()): string {
  if (!/^[A-Z0-9]{2,12}$/.test(code)) throw new Error(`Bad thana code: ${code}`);
  // JSON of plain strings and numbers: valid ES5, and no quote can break out of it.
  return THANA_RULES_ES5.replace('__CODE__', code)
    .replace('__ROLE__', thanaRole(code))
    .replace('__MAX__', String(MAX_DOC_BYTES))
    .replace('__SHAPES__', () => JSON.stringify(shapes));
}

/**
 * The filter of the thana → district replication: the thana's own design document stays home
 * (the district database is not validated by thana rules, and pouchdb-server could not bear it).
 */
export const REPLICATION_FILTER = "function (doc, req) { return doc._id.indexOf('_design/') !== 0; }";

export function replicationFilterName(code: string): string {
  return `${thanaDesignId(code).slice('_design/'.length)}/replicate`;
}

/** The district database: replication only (admins and the district's replication account). */
export function districtVdu(district: string): string {
  const repl = replicationRole(district);
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    '  var roles = (userCtx && userCtx.roles) || [];',
    `  for (var i = 0; i < roles.length; i++) { if (roles[i] === '_admin' || roles[i] === '${repl}') { return; } }`,
    "  throw({ forbidden: 'The district database is read-only; thanas sync into their own databases / जिला डेटाबेस केवल पढ़ने के लिए है' });",
    '}',
  ].join('\n');
}
