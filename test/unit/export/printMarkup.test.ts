// Issue #16 (pdf-2000): what makes Chromium's PDF of a long register slow is in the print view's
// markup. These pin the three things that keep it fast; `npm run bench -- pdf-2000` measures them.
import { describe, expect, it } from 'vitest';
import { bi } from '../../../renderer/src/domain/bilingual';
import { buildPrintHtml } from '../../../renderer/src/export/print/printView';
import type { SheetSpec } from '../../../renderer/src/export/sheet';
import { nodePrintFonts } from './fixtures';

const spec: SheetSpec = {
  sheetName: 'x',
  district: 'बिलासपुर',
  thana: 'कोटा',
  title: bi('मितान पंजी', 'Mitan register'),
  subtitle: 'अवधि: 01-11-2026 से 30-11-2026',
  columns: [
    { label: bi('क्र.', 'S.No.'), kind: 'text', width: 6, total: false, center: true },
    {
      label: bi('नाम / पिता / मोबाइल', 'Name / father / mobile'),
      kind: 'text',
      width: 20,
      total: false,
      parts: [
        { label: bi('नाम', 'Name'), kind: 'text', total: false },
        { label: bi('पिता', 'Father'), kind: 'text', total: false },
        { label: bi('मोबाइल', 'Mobile'), kind: 'text', total: false },
      ],
    },
    { label: bi('दिनांक / राशि', 'Date / amount'), kind: 'text', width: 12, total: false, parts: [
        { label: bi('दिनांक', 'Date'), kind: 'date', total: false },
        { label: bi('राशि', 'Amount'), kind: 'money', total: false },
      ],
    },
  ],
  printedOn: '20-11-2026',
  signatures: null,
};
const row = { cells: ['2026/0001', ['रमेश कुमार', 'सोहन लाल', '9826100011'], ['2026-11-15', 6000.5]] };

function styleBlocks(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
}

describe('the print view markup (fast in Chromium)', () => {
  const html = buildPrintHtml(spec, [row], null, { fonts: nodePrintFonts() });

  it('keeps the @font-face rules in a style element of their own, which Chromium keeps when it switches to print media', () => {
    const [fonts, rest, ...more] = styleBlocks(html);
    expect(more).toHaveLength(0);
    expect(fonts!.match(/@font-face/g)).toHaveLength(4);
    expect(fonts!.replace(/@font-face \{[^}]*\}/g, '').trim()).toBe('');
    expect(rest).toContain('@media screen');
    expect(rest).not.toContain('@font-face');
  });

  it('lets the Devanagari face take the spaces, so a Hindi line is one run of one font', () => {
    const faces = styleBlocks(html)[0]!.match(/@font-face \{[^}]*\}/g)!;
    const deva = faces.map((f, i) => (f.includes('U+0900') ? i : -1)).filter((i) => i >= 0);
    const latin = faces.map((f, i) => (f.includes('U+0900') ? -1 : i)).filter((i) => i >= 0);
    // Declared last, so it wins the overlapping space and no-break space.
    expect(Math.min(...deva)).toBeGreaterThan(Math.max(...latin));
    for (const i of deva) expect(faces[i]).toMatch(/unicode-range: U\+0020, U\+00A0, U\+0900/);
  });

  it('writes a stacked cell as lines of one text, with a nowrap element only where a value could break', () => {
    const body = html.slice(html.indexOf('<tbody>'));
    expect(body).toContain('<td>रमेश कुमार\nसोहन लाल\n9826100011</td>');
    expect(body).not.toContain('<br>');
    // A date (hyphens) and a serial (slash) are held together; a mobile and an amount need nothing.
    expect(body).toContain('<span class="w">15-11-2026</span>\n6,000.50');
    expect(body).toContain('<span class="w">2026/0001</span>');
    expect(html).toMatch(/td \{ white-space: pre-line; \}/);
  });
});
