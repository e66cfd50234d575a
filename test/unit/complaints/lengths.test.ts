/** Every text a user can type has a limit declared in the register definitions, and validation holds it. */
import { describe, expect, it } from 'vitest';
import { createComplaint } from '../../../renderer/src/db/complaints';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import { MONEY_ROW_ARRAYS } from '../../../renderer/src/domain/complaints/money-rows';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { complaint, makeCtx, twoTransactions, writer } from './fixtures';

describe('text limits', () => {
  it('every typed text field of every register declares its maxLength', () => {
    const unlimited = Object.values(REGISTERS).flatMap((def) =>
      def.fields.filter((f) => (f.type === 'text' || f.type === 'longtext') && !f.compute && !f.maxLength).map((f) => `${def.type}.${f.key}`),
    );
    expect(unlimited).toEqual([]);
    const rowTexts = MONEY_ROW_ARRAYS.flatMap((a) => a.fields.filter((f) => f.type === 'text' && !f.maxLength).map((f) => `${a.key}.${f.key}`));
    expect(rowTexts).toEqual([]);
  });

  it.each([
    ['utr', 'A'.repeat(41)],
    ['victimBank', 'स'.repeat(101)],
    ['beneficiaryUpi', `${'x'.repeat(100)}@okaxis`],
  ])('a money-row %s longer than its limit is refused, in Hindi and English, and nothing is saved', async (key, value) => {
    const ctx = makeCtx();
    const rows = twoTransactions();
    rows[0]![key] = value;
    const e = await createComplaint(ctx, writer, complaint({ transactions: rows })).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainError);
    const issue = (e as DomainError).issues.find((i) => i.field === `transactions.0.${key}`);
    expect(issue).toMatchObject({ code: 'length', severity: 'error' });
    expect(issue!.message.hi).toContain('अक्षरों से अधिक नहीं');
    expect(issue!.message.en).toContain('cannot be longer than');
    expect(await ctx.db.complaint.count()).toBe(0);
  });

  it('more money rows than the register allows are refused', async () => {
    const ctx = makeCtx();
    const max = MONEY_ROW_ARRAYS.find((a) => a.key === 'transactions')!.maxRows;
    const one = twoTransactions()[1]!;
    const e = await createComplaint(ctx, writer, complaint({ transactions: Array.from({ length: max + 1 }, () => ({ ...one })) })).catch((err: unknown) => err);
    expect((e as DomainError).issues.some((i) => i.code === 'money.rows.max')).toBe(true);
  });
});
