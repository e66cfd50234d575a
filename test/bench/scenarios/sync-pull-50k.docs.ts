// The hub documents of "sync-pull-50k": lib/records.mjs rows as the Mitan entries a station pushes
// — valid by the register's rules (validateRecord) and with the tokens and lookup keys the app
// derives (db/repository.ts `derived`), so the pull measures what a thana's hub really holds
// rather than 50,000 entries that each break the roster's rules. Serials are in the plain series
// (the first PC account's), so the hub's validation function accepts them from that PC.
// Bundled for Node by the scenario (ctx.node.bundleForNode) so the app's own code builds them.
import { derived } from '@/db/repository';
import { mitanRegister } from '@/domain/registers/mitan';
import { validateRecord } from '@/domain/validation';
import type { HubDoc } from '@/sync/doc';
import { makeRecords } from '../lib/records.mjs';
import { mitanHubDoc } from '../lib/sync-docs.mjs';

const TODAY = '2025-12-31';

export function pullDocs(count: number): HubDoc[] {
  return makeRecords(count, { thanaCount: 1 }).map((r, i) => {
    const input = {
      name: r.name,
      relativeName: r.fatherName,
      gender: r.gender === 'महिला' ? 'female' : 'male',
      age: r.age,
      mobile: r.mobile,
      whatsapp: i % 3 !== 0,
      teamId: `${r.thana}:team:${String(i % 40).padStart(26, '0')}`,
      role: 'member',
      placeId: `${r.thana}:place:${String(r.ward).padStart(26, '0')}`,
      locality: r.village,
      area: 'rural',
      category: 'volunteer',
      education: r.education,
      occupation: r.occupation,
      consentDate: r.createdAt.slice(0, 10),
      status: 'active',
      remarks: r.remarks,
    };
    const { data, issues } = validateRecord(mitanRegister, input, { today: TODAY, settings: {} });
    const errors = issues.filter((x) => x.severity === 'error');
    if (errors.length) throw new Error(`bench Mitan ${r.id} is invalid: ${errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
    return mitanHubDoc(r, data, derived(mitanRegister, data), mitanRegister.schemaVersion) as HubDoc;
  });
}
