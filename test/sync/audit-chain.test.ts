/**
 * The audit hash chain across PCs (issue #14 item 10): each PC's rows travel through the hub with
 * their chain and keep it; a row forged on the hub with a PC account (the hub cannot tell a forged
 * row from a real one by its form) is found on the audit page of every PC that pulls it.
 */
import { describe, expect, it } from 'vitest';
import { checkAuditChains } from '../../renderer/src/db/audit-chain';
import { auditRow } from '../../renderer/src/db/repository';
import { chainText } from '../../renderer/src/domain/auditChain';
import { sha256Hex } from '../../renderer/src/domain/sha256';
import { auditToDoc, stampWriter } from '../../renderer/src/sync/doc';
import { thanaSuite } from './helpers';
import { as } from './hub-helpers';

const suite = thanaSuite('AC');
const pc = suite.pc;

describe('audit chains through the hub', () => {
  it('two PCs’ chains arrive whole at each other: no problem reported, one chain per PC', async () => {
    const a = await pc('a', 0);
    const b = await pc('b', 1, 'B-');
    for (let i = 0; i < 6; i++) await a.create({ title: `जागरूकता ${i}`, people: i });
    for (let i = 0; i < 4; i++) await b.create({ title: `बी ${i}`, people: 3 });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const p of [a, b]) {
      const report = await checkAuditChains(p.db);
      expect(report.problems).toEqual([]);
      expect(report.unchained).toBe(0);
      const mine = report.chains.find((c) => c.pc === p.db.auditPc);
      const theirs = report.chains.find((c) => c.pc !== p.db.auditPc);
      expect(mine?.rows).toBe(p === a ? 6 : 4);
      expect(theirs?.rows).toBe(p === a ? 4 : 6);
    }
    // Rows pulled from the other PC kept their own chain fields exactly.
    const fromA = (await a.db.audit.toArray()).filter((r) => r.pc === a.db.auditPc);
    const atB = new Map((await b.db.audit.toArray()).map((r) => [r.id, r]));
    for (const r of fromA) expect(atB.get(r.id)).toMatchObject({ pc: r.pc, seq: r.seq, prevHash: r.prevHash, hash: r.hash });
  });

  it('a row forged on the hub with PC B’s account into PC A’s chain is reported on A after the pull', async () => {
    const a = await pc('a', 0);
    const b = await pc('b', 1, 'B-');
    for (let i = 0; i < 3; i++) await a.create({ title: `जागरूकता ${i}` });
    await a.sync();
    // Position 2 of A's chain, claimed again with a made-up predecessor.
    const forged = { ...auditRow(b.ctx, b.actor, 'verify', { summary: 'जाली सत्यापन' }), hash: undefined, pc: a.db.auditPc!, seq: 2, prevHash: 'e'.repeat(64) } as Record<string, unknown>;
    forged.hash = sha256Hex(chainText(forged as never));
    const put = await as(suite.setup.pcs[1]!, 'PUT', `${suite.setup.db}/${encodeURIComponent(String(forged.id))}`, stampWriter(auditToDoc(forged as never), suite.setup.pcs[1]!.username));
    expect(put.status).toBe(201);
    // The hub refuses an audit row without its chain.
    const bare = { ...auditRow(b.ctx, b.actor, 'view', { summary: 'बिना शृंखला' }) } as Record<string, unknown>;
    delete bare.hash;
    const refused = await as(suite.setup.pcs[1]!, 'PUT', `${suite.setup.db}/${encodeURIComponent(String(bare.id))}`, stampWriter(auditToDoc(bare as never), suite.setup.pcs[1]!.username));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('hash chain');

    await a.sync();
    const { problems } = await checkAuditChains(a.db);
    expect(problems.map((p) => [p.kind, p.position, p.pc])).toEqual([['duplicate', 2, a.db.auditPc]]);
  });
});
