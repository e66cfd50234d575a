/**
 * The district suspect registry on the hub (issue #15 §5; README "The district hub"):
 *
 * - a database `registry_<district>` whose members are the role `registry_<district>` (every PC
 *   account of the district carries it), the district readers and the replication account;
 * - written only by the hub's replication (admins and the replication account): its validation
 *   function refuses everyone else (on CouchDB; pouchdb-server would drop every replicated update
 *   behind a validation function, so it gets none there and a warning — the function is tested
 *   as a plain function);
 * - one continuous replication per thana database into it, selecting only the registry entries
 *   (`type: 'suspect'`) and the thana's profile (its name and whom to call). On CouchDB the job
 *   uses a `selector` (no JavaScript per document); pouchdb-server crashes on a selector, so there
 *   the job uses the filter function `registry` of the thana's design document, which says the same.
 *
 * Replication copies whole documents, which is why each station writes the registry entries itself
 * (db/registry.ts): the complaint, with the complainant in it, never matches the selection.
 */
import type { ServerFlavor } from './provisioner';

/** The document types the registry replication selects. */
export const REGISTRY_TYPES = ['suspect', 'profile'] as const;

/** The filter function of the thana design document (pouchdb-server; ES5). */
export const REGISTRY_FILTER = "function (doc, req) { return doc.type === 'suspect' || doc.type === 'profile'; }";

/** The same selection as a Mango selector (CouchDB). */
export const REGISTRY_SELECTOR = { type: { $in: [...REGISTRY_TYPES] } };

export function registryDbName(district: string): string {
  return `registry_${district.toLowerCase()}`;
}

/** Read access to the registry: every PC account of the district has it. */
export function registryRole(district: string): string {
  return `registry_${district.toLowerCase()}`;
}

/** The district name from an account's roles (`registry_bilaspur` → 'bilaspur'), or null. */
export function registryDistrictOf(roles: readonly string[] | undefined): string | null {
  for (const r of roles ?? []) {
    const m = /^registry_([a-z][a-z0-9_]{1,30})$/.exec(r);
    if (m) return m[1]!;
  }
  return null;
}

export const REGISTRY_DESIGN_ID = '_design/registry';
export const REGISTRY_EPOCH_ID = 'registry:meta:epoch';

/** The registry database's validation function: only admins and the replication account write. */
export function registryVdu(replicationRoleName: string): string {
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    '  var roles = (userCtx && userCtx.roles) || [];',
    `  for (var i = 0; i < roles.length; i++) { if (roles[i] === '_admin' || roles[i] === '${replicationRoleName}') { return; } }`,
    "  throw({ forbidden: 'The suspect registry is filled by the hub from every thana; stations only read it / संदेही रजिस्टर केवल पढ़ने के लिए है' });",
    '}',
  ].join('\n');
}

/** The replication job of one thana into the registry, for this server. */
export function registryJob(flavor: ServerFlavor, source: unknown, target: unknown, filterName: string): Record<string, unknown> {
  return flavor === 'couchdb'
    ? { source, target, continuous: true, selector: REGISTRY_SELECTOR }
    : { source, target, continuous: true, filter: filterName };
}
