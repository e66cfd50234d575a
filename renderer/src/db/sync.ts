/**
 * The Dexie side of sync: every read and write the replicator makes on the station database goes
 * through these modules, each batch in ONE transaction. The decisions (which version wins, how two
 * versions merge, what is accepted) are in src/sync/; these modules apply them.
 *
 * - sync-meta.ts        client id, checkpoint, bookkeeping
 * - sync-outbox.ts      pushing: the next batch, the hub's answers, refused documents, hub re-checks
 * - sync-land.ts        landing pulled documents (and the hub's answers to a 409)
 * - sync-workset.ts     what one batch writes, written together at its end
 * - sync-attention.ts   what waits for a person: quarantine, records to review, hub deletions
 * - sync-waiting.ts     what the next push sends, by kind (the Sync page's "waiting")
 */
export * from './sync-meta';
export * from './sync-outbox';
export * from './sync-land';
export * from './sync-attention';
export * from './sync-waiting';
export { syncTables, PENDING_LEAVES_KEY } from './sync-workset';
