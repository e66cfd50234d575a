/**
 * SpreadsheetML text for the streaming writer: escaping, the style sheet, and the package parts
 * around the worksheets. Element order follows the ECMA-376 schema; Excel refuses files that
 * put elements out of order even where LibreOffice does not.
 */
import type { CellStyle } from './layout';
import { FONT_NAME, SHADE_RGB, styleKey } from './layout';

// Characters XML 1.0 does not allow (a stray control character from a paste would make Excel
// refuse the whole file), and the ones that need escaping.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Collects the distinct cell styles used and writes styles.xml at the end. */
export class StyleBook {
  private readonly fonts: string[] = [];
  private readonly fontIndex = new Map<string, number>();
  private readonly numFmts = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly xfIndex = new Map<string, number>();

  constructor() {
    // Font 0 and xf 0 are the workbook defaults; fills 0/1 and border 0 are required by Excel.
    this.font({ size: 10 });
    this.xf({ size: 10 });
  }

  private font(s: { bold?: boolean; strike?: boolean; size: number }): number {
    const xml = `<font>${s.bold ? '<b/>' : ''}${s.strike ? '<strike/>' : ''}<sz val="${s.size}"/><name val="${escapeXml(FONT_NAME)}"/><family val="2"/></font>`;
    let i = this.fontIndex.get(xml);
    if (i === undefined) {
      i = this.fonts.length;
      this.fonts.push(xml);
      this.fontIndex.set(xml, i);
    }
    return i;
  }

  private numFmt(code: string): number {
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** The style index for `s` (added on first use). */
  xf(s: CellStyle): number {
    const key = styleKey(s);
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const fontId = this.font(s);
    const fillId = s.shaded ? 2 : 0;
    const borderId = s.border ? 1 : 0;
    const numFmtId = s.numFmt ? this.numFmt(s.numFmt) : 0;
    const align =
      s.h || s.v || s.wrap
        ? `<alignment${s.h ? ` horizontal="${s.h}"` : ''}${s.v ? ` vertical="${s.v === 'middle' ? 'center' : s.v}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}` +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    const i = this.xfs.length;
    this.xfs.push(xml);
    this.xfIndex.set(key, i);
    return i;
  }

  /** Run properties of rich text (rPr children in schema order: rFont, strike, sz). */
  static runProps(size: number, strike: boolean): string {
    return `<rPr><rFont val="${escapeXml(FONT_NAME)}"/>${strike ? '<strike/>' : ''}<sz val="${size}"/></rPr>`;
  }

  xml(): string {
    const numFmts = [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
      .join('');
    const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
      `<fill><patternFill patternType="solid"><fgColor rgb="${SHADE_RGB}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="0"/><tableStyles count="0"/>` +
      `</styleSheet>`
    );
  }
}

export interface SheetEntry {
  name: string;
  /** 1-based sheet number: xl/worksheets/sheet<N>.xml */
  index: number;
  printTitlesRow: string | null;
  /** 'A:B': columns repeated on each page across. */
  printTitlesColumn: string | null;
  /** '$A$1:$L$40' */
  printArea: string | null;
  /** The sheet has notes (xl/comments<N>.xml and its VML drawing). */
  comments: boolean;
}

export function contentTypesXml(sheets: SheetEntry[]): string {
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (sheets.some((s) => s.comments) ? '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' : '') +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map((s) => `<Override PartName="/xl/worksheets/sheet${s.index}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('') +
    sheets
      .filter((s) => s.comments)
      .map((s) => `<Override PartName="/xl/comments${s.index}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`)
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

export function rootRelsXml(): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>'
  );
}

export function coreXml(props: { creator: string; title?: string; created: Date }): string {
  const at = props.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (props.title ? `<dc:title>${escapeXml(props.title)}</dc:title>` : '') +
    `<dc:creator>${escapeXml(props.creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Cyber Mitan Thana Desk</Application></Properties>'
  );
}

export function workbookXml(sheets: SheetEntry[]): string {
  // Sheet names never contain an apostrophe (sanitizeSheetName), so quoting is safe.
  const names = sheets
    .flatMap((s) => {
      const q = `'${escapeXml(s.name)}'!`;
      const out: string[] = [];
      if (s.printArea) out.push(`<definedName name="_xlnm.Print_Area" localSheetId="${s.index - 1}">${q}${s.printArea}</definedName>`);
      const titles: string[] = [];
      if (s.printTitlesColumn) {
        const [a, b] = s.printTitlesColumn.split(':');
        titles.push(`${q}$${a}:$${b}`);
      }
      if (s.printTitlesRow) {
        const [a, b] = s.printTitlesRow.split(':');
        titles.push(`${q}$${a}:$${b}`);
      }
      if (titles.length) out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${s.index - 1}">${titles.join(',')}</definedName>`);
      return out;
    })
    .join('');
  return (
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    `<sheets>${sheets.map((s) => `<sheet name="${escapeXml(s.name)}" sheetId="${s.index}" r:id="rId${s.index}"/>`).join('')}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="191029"/>' +
    '</workbook>'
  );
}

/** The relations of a sheet with notes: its VML drawing (rId1, what Excel shows) and its comments part. */
export function sheetRelsXml(index: number): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${NS_REL}/vmlDrawing" Target="../drawings/vmlDrawing${index}.vml"/>` +
    `<Relationship Id="rId2" Type="${NS_REL}/comments" Target="../comments${index}.xml"/>` +
    '</Relationships>'
  );
}

export interface SheetNote {
  ref: string;
  text: string;
}

export function commentsXml(notes: SheetNote[]): string {
  return (
    XML_HEAD +
    `<comments xmlns="${NS_MAIN}"><authors><author>Cyber Mitan Thana Desk</author></authors><commentList>` +
    notes.map((n) => `<comment ref="${n.ref}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(n.text)}</t></r></text></comment>`).join('') +
    '</commentList></comments>'
  );
}

/** Where a cell is: 0-based column and row of 'B12'. */
function cellAt(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [col - 1, Number(m[2]) - 1];
}

/** The VML drawing Excel needs to show notes (hidden until the cell is pointed at). */
export function vmlXml(notes: SheetNote[]): string {
  const shapes = notes
    .map((n, i) => {
      const [c, r] = cellAt(n.ref);
      return (
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 3}, 15, ${r + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData>` +
        '</v:shape>'
      );
    })
    .join('');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes +
    '</xml>'
  );
}

export function workbookRelsXml(sheets: SheetEntry[]): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets
      .map((s) => `<Relationship Id="rId${s.index}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${s.index}.xml"/>`)
      .join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

export const WORKSHEET_OPEN = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
