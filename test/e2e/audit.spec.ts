/**
 * The audit page checks the log's hash chain (issue #14 item 10): whole after a normal day; a row
 * deleted and a row edited behind the app's back (straight in IndexedDB, as a script in the
 * renderer could) are named on the page, with their positions, in Hindi and English.
 */
import { test, expect } from '@playwright/test';
import { collectConsoleErrors, setupAndSignIn } from './helpers';

test('the audit page names a deleted and an edited audit row, with their positions', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-chain-ok')).toBeVisible();

  // Behind the app's back: delete the PC's 2nd row, rewrite the 3rd row's text.
  const seqs = await page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('cyber-mitan-thana');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const all = store.getAll();
          all.onsuccess = () => {
            const rows = (all.result as { id: string; seq?: number; summary: string }[]).filter((r) => typeof r.seq === 'number').sort((a, b) => a.seq! - b.seq!);
            store.delete(rows[1]!.id);
            store.put({ ...rows[2]!, summary: `${rows[2]!.summary} (बदला गया)` });
            tx.oncomplete = () => resolve(rows.map((r) => r.seq!));
          };
        };
      }),
  );
  expect(seqs.slice(0, 3)).toEqual([1, 2, 3]);

  await page.getByTestId('audit-chain-again').click();
  const problems = page.getByTestId('audit-chain-problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveAttribute('data-kind', 'gap');
  await expect(problems.nth(0)).toContainText('क्रम 2 की पंक्ति लॉग से हटाई गई है');
  await expect(problems.nth(0)).toContainText('the row at position 2 was deleted from the log');
  await expect(problems.nth(1)).toHaveAttribute('data-kind', 'edited');
  await expect(problems.nth(1)).toContainText('position 3 was edited after it was written');
  await expect(page.getByTestId('audit-chain')).toHaveAttribute('data-state', 'broken');
  expect(errors).toEqual([]);
});
