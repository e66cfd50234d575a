// Issue #14 item 9: every text that reaches the print view's CSS (the page's margin boxes) or its
// HTML is escaped for the place it goes: a district, thana or filter text holding "</style>"
// stays text and never ends the style block.
import { describe, expect, it } from 'vitest';
import { bi } from '../../../renderer/src/domain/bilingual';
import { buildPrintHtml, cssString } from '../../../renderer/src/export/print/printView';
import type { SheetSpec } from '../../../renderer/src/export/sheet';

const EVIL = '</style><script>alert(1)</script><style>';
const spec: SheetSpec = {
  sheetName: 'x',
  district: `बिलासपुर ${EVIL}`,
  thana: `कोटा "\\ ${EVIL.toUpperCase()}`,
  title: bi(`पंजी ${EVIL}`, `Register ${EVIL}`),
  subtitle: `खोज: "${EVIL}"`,
  columns: [{ label: bi(`नाम ${EVIL}`, 'Name'), kind: 'text', width: 10, total: false }],
  printedOn: '20-11-2026',
  signatures: [{ role: bi('थाना प्रभारी', 'Thana in-charge'), name: EVIL }],
};

describe('the print view', () => {
  it('keeps a district, thana, title, filter or cell text holding "</style>" inside its place', () => {
    const html = buildPrintHtml(spec, [{ cells: [EVIL] }], null, { fonts: [] });
    // One style block, closed once, and no script anywhere.
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html.match(/<style/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<script/i);
    const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    // The margin boxes still carry the thana and the filter, escaped as CSS.
    expect(css).toContain('@top-right { content: "थाना कोटा \\22 \\5c  \\3c /STYLE\\3e ');
    expect(css).toContain('@bottom-left { content: "खोज: \\22 \\3c /style\\3e ');
    // In the HTML every one of them is text.
    expect(html).toContain('जिला बिलासपुर &lt;/style&gt;&lt;script&gt;');
  });

  it('writes CSS strings that end where they should', () => {
    expect(cssString('a"b\\c</style>\nd')).toBe('"a\\22 b\\5c c\\3c /style\\3e  d"');
  });
});
