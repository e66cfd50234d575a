// lib/records.mjs rows as hub documents of the Mitan register, in the shape the station stores and
// sends them (shared by the sync-* scenarios and their in-page halves). Serials are in the plain
// series (the first PC account's), so the hub's validation function accepts them from that PC.

/**
 * The hub document of a Mitan entry around `data` (no `_rev`, no writer): the envelope a station
 * sends, with the lookups (`tokens`, `keys`) given by the caller.
 */
export function mitanHubDoc(r, data, lookups, schemaVersion = 1) {
  return {
    _id: r.id,
    thana: r.thana,
    type: 'mitan',
    schemaVersion,
    serial: `2025/${String(r.serial).padStart(4, '0')}`,
    serialYear: 2025,
    serialNo: r.serial,
    data,
    ...lookups,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    mutationId: r.mutationId,
    version: 1,
    history: [{ version: 1, kind: 'create', at: r.createdAt, by: r.createdBy, byName: r.createdBy, initials: 'MS', reason: null, changes: [], mutationId: r.mutationId }],
    cancelled: null,
    late: false,
  };
}
