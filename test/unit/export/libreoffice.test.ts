// Issue #7: a generated workbook converts with `libreoffice --headless --convert-to pdf`
// without error. Skipped, with a message, on machines without LibreOffice.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportRegisterXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, seedSessions, sessionRegister, writer } from './fixtures';

function findLibreOffice(): string | null {
  for (const name of ['libreoffice', 'soffice']) {
    const r = spawnSync('which', [name], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

const office = findLibreOffice();
if (!office) console.warn('LibreOffice not found (which libreoffice soffice): the conversion test is skipped');

const dir = mkdtempSync(join(tmpdir(), 'thana-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!office)('LibreOffice', () => {
  it.each(['memory', 'streaming'] as const)('converts a register workbook to PDF without error (%s writer)', async (mode) => {
    const ctx = makeCtx();
    try {
      await seedSessions(ctx);
      const r = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, mode });
      const file = join(dir, `register-${mode}.xlsx`);
      writeFileSync(file, r.data);
      // Its own profile and HOME, so a user's LibreOffice (or a running one) is not touched.
      const home = join(dir, `home-${mode}`);
      execFileSync(office!, [`-env:UserInstallation=file://${home}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        env: { ...process.env, HOME: home },
        timeout: 120_000,
        stdio: 'pipe',
      });
      const pdf = join(dir, `register-${mode}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('साइबर जागरूकता सत्र पंजी');
      // The paper sheet on one page; LibreOffice numbers the pages of both sheets together.
      expect(text).toMatch(/पृष्ठ 1 \/ \d/);
      expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' })).toContain('हस्ताक्षर व पदमुद्रा');
      expect(text).toContain('12,34,567.89');
      expect(text).toContain('14-11-2026');
    } finally {
      await dropCtx(ctx);
    }
  }, 180_000);
});
