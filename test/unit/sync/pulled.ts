// Hub documents of the Mitan register as another PC of the thana pushed them, and pulled pages
// landed from them: shared by the pull's unit tests.
import { derived } from '../../../renderer/src/db/repository';
import { applyPullBatch, prepareLanding, type ApplyContext, type RemoteDoc } from '../../../renderer/src/db/sync';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { validateRecord } from '../../../renderer/src/domain/validation';
import type { HubDoc } from '../../../renderer/src/sync/doc';
import { freshDb } from '../records/fixtures';

export const THANA = 'BSPKOTA';
export const TODAY = '2026-11-28';
const TEAM = `${THANA}:team:01JTEAM0000000000000000001`;
const PLACE = `${THANA}:place:01JPLACE000000000000000001`;

export function ctx(): ApplyContext {
  let n = 0;
  return { thana: THANA, mode: 'station', defs: (t) => REGISTERS[t], now: () => new Date(`${TODAY}T06:30:00Z`), newId: () => `01JNEW${String(n++).padStart(20, '0')}` };
}

/** A Mitan entry as another PC of the thana pushed it: valid, with its derived fields. */
export function mitanDoc(i: number, over: { name?: string; mobile?: string; cancelled?: boolean } = {}): HubDoc {
  const id = `${THANA}:mitan:01JMITAN${String(i).padStart(18, '0')}`;
  const mutationId = `01JMUT${String(i).padStart(20, '0')}`;
  const at = '2026-11-20T05:00:00.000Z';
  const { data } = validateRecord(
    mitanRegister,
    {
      name: over.name ?? `मितान ${i}`,
      relativeName: 'रामलाल',
      gender: 'female',
      age: 30,
      mobile: over.mobile ?? String(9_100_000_000 + i),
      teamId: TEAM,
      role: 'member',
      placeId: PLACE,
      area: 'rural',
      category: 'volunteer',
      consentDate: '2026-11-20',
      status: 'active',
    },
    { today: TODAY, settings: {} },
  );
  return {
    _id: id,
    _rev: `1-${String(i).padStart(32, 'a')}`,
    thana: THANA,
    type: 'mitan',
    schemaVersion: 1,
    serial: `2026/${String(i + 1).padStart(4, '0')}`,
    serialYear: 2026,
    serialNo: i + 1,
    data,
    ...derived(mitanRegister, data),
    createdAt: at,
    createdBy: 'user:writer',
    updatedAt: at,
    updatedBy: 'user:writer',
    mutationId,
    version: 1,
    history: [{ version: 1, kind: 'create', at, by: 'user:writer', byName: 'लता', initials: 'ल', reason: null, changes: [], mutationId }],
    cancelled: over.cancelled ? { at, by: 'user:writer', byName: 'लता', reason: 'दोहरी प्रविष्टि' } : null,
    late: false,
    hubUser: 'pc_bspkota_1',
  };
}

export const remote = (doc: HubDoc): RemoteDoc => ({ id: doc._id, rev: doc._rev ?? null, deleted: false, doc });
export const checkpoint = (seq: number) => ({ url: 'http://127.0.0.1:1', db: 'thana_bspkota', epoch: 'e1', seq });

export async function land(docs: HubDoc[], prepared: boolean, seq = 1) {
  const db = freshDb();
  await db.open();
  const remotes = docs.map(remote);
  const c = ctx();
  if (prepared) await prepareLanding(remotes, c);
  const stats = await applyPullBatch(db, remotes, checkpoint(seq), c);
  return { db, stats, remotes };
}
