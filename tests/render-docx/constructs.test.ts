/**
 * Every construct becomes real Word structure (tests/fixtures/docx-constructs: two parts,
 * headings 1–4, nested lists, quote, GFM table, PNG and JPEG, footnotes, hard and thematic
 * breaks, link, code), and the contents with parts reads as the PDF's: part titles at
 * level 1 (TOC1) without numbers, pieces under them (TOC2).
 */
import { THEMATIC_BREAK_MARK } from '../../src/template/types.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolve, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { build, loadSample, pageTexts, squash, tempDir, writeTemp, type Built } from './pipeline.js';
import { unpack, type Unpacked } from './shared.js';

const DIR = resolve(__dirname, '../fixtures/docx-constructs');
let built: Built;
let x: Unpacked;
let doc: string;
let pdfContents: string;

beforeAll(async () => {
  built = await build(await loadSample(DIR), 'compilation', { kind: 'compilation' }, true);
  x = unpack(built.docx);
  doc = x.xml('word/document.xml');
  pdfContents = pageTexts(writeTemp('constructs.pdf', built.pdf!)).slice(0, built.tree.frontPages).join('');
}, 120_000);

/** Paragraph XML elements of the body, in order. */
function paragraphs(): string[] {
  return [...doc.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => m[0]);
}
const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const paraWith = (text: string) => paragraphs().find((p) => textOf(p).includes(text))!;

describe('block constructs', () => {
  it('writes headings 1–4 in the Heading styles', () => {
    expect(paraWith('一、总体要求')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paraWith('（一）指导思想')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paraWith('1．基本原则')).toContain('<w:pStyle w:val="Heading3"/>');
    expect(paraWith('（1）具体措施')).toContain('<w:pStyle w:val="Heading4"/>');
  });

  it('makes lists real Word numbering: the template’s markers by depth, bullets, a start of 3', () => {
    const n = x.xml('word/numbering.xml');
    // The text follows the marker directly (no tab) and the marker stands at the 2 em first-line indent (GB/T 9704).
    const level = (fmt: string, text: string) =>
      new RegExp(
        `<w:numFmt w:val="${fmt}"/><w:suff w:val="nothing"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="480"/>`,
      );
    expect(n).toMatch(level('decimal', '%1．'));
    expect(n).toMatch(level('decimal', '（%2）'));
    expect(n).toMatch(level('none', '●　')); // literal level text: LibreOffice keeps one character of a bullet level
    expect(n).toMatch(level('none', '○　'));
    expect(n).not.toContain('chineseCounting');
    expect(n).toContain('<w:start w:val="3"/>');
    expect(n).toContain('<w:startOverride w:val="3"/>');
    expect(paraWith('第一项')).toMatch(
      /<w:pStyle w:val="ListParagraph"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/,
    );
    expect(paraWith('子项甲')).toContain('<w:ilvl w:val="1"/>');
    expect(paraWith('孙项')).toContain('<w:ilvl w:val="2"/>');
    expect(textOf(paraWith('已完成'))).toBe('☑ 已完成');
    // Items of one list share one numbering instance; the list starting at 3 has its own.
    const id = (t: string) => /<w:numId w:val="(\d+)"\/>/.exec(paraWith(t))![1];
    expect(id('第一项')).toBe(id('第二项'));
    expect(id('从三开始')).not.toBe(id('第一项'));
    expect(id('从三开始')).toBe(id('第四'));
  });

  it('sets quotes, nested ones too, in the Quote style', () => {
    expect(paraWith('坚持以人民为中心')).toContain('<w:pStyle w:val="Quote"/>');
    expect(paraWith('嵌套引文')).toContain('<w:pStyle w:val="Quote"/>');
  });

  it('writes a GFM table as w:tbl whose header row repeats, with column alignment', () => {
    const tables = [...doc.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(1);
    const rows = [...tables[0].matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(41);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('<w:pStyle w:val="HuibianTableHeader"/>');
    for (const r of rows.slice(1)) expect(r).not.toContain('<w:tblHeader/>');
    expect(rows[1]).toContain('<w:pStyle w:val="HuibianTableText"/>');
    const cells = [...rows[1].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells.map((c) => /<w:jc w:val="(\w+)"\/>/.exec(c)![1])).toEqual(['left', 'center', 'right']);
    expect(tables[0]).toContain('<w:tblBorders>');
    // The template's table.rule, 0.5 pt, in eighths of a point.
    expect(tables[0]).toMatch(/<w:top w:val="single" w:color="000000" w:sz="4"\/>|<w:top [^>]*w:sz="4"/);
  });

  it('embeds each image once as an inline w:drawing, the PNG used twice by one relationship', () => {
    const media = x.names.filter((n) => n.startsWith('word/media/')).sort();
    expect(media.map((m) => m.replace(/^.*\./, ''))).toEqual(['jpg', 'png']);
    const drawings = [...doc.matchAll(/<w:drawing>.*?<\/w:drawing>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(3);
    const embeds = drawings.map((d) => /r:embed="(rId\d+)"/.exec(d)![1]);
    expect(embeds[0]).toBe(embeds[2]);
    expect(embeds[1]).not.toBe(embeds[0]);
    const rels = x.xml('word/_rels/document.xml.rels');
    expect(rels).toMatch(new RegExp(`Id="${embeds[0]}"[^>]*Target="media/[^"]+\\.png"`));
    expect(rels).toMatch(new RegExp(`Id="${embeds[1]}"[^>]*Target="media/[^"]+\\.jpg"`));
    // 36 × 24 px at 96 dpi = 27 × 18 pt = 342900 × 228600 EMU.
    expect(drawings[0]).toContain('<wp:extent cx="342900" cy="228600"/>');
    expect(paraWith('图1 创新中心')).toContain('<w:pStyle w:val="Caption"/>');
  });

  it("writes code blocks line by line in the code style, and thematic breaks as the PDF's centred mark", () => {
    const code = paragraphs()
      .filter((p) => p.includes('<w:pStyle w:val="HuibianCode"/>'))
      .map(textOf);
    expect(code).toEqual(['huibian build sources/chongqing-2023-10', 'huibian check sources/chongqing-2023-10']);
    const ps = paragraphs();
    const before = ps.indexOf(paraWith('分隔线之后'));
    expect(ps[before - 1]).toMatch(/<w:jc w:val="center"\/>/);
    expect(textOf(ps[before - 1])).toBe(THEMATIC_BREAK_MARK);
  });
});

describe('inline constructs', () => {
  it('makes footnotes real Word footnotes, numbered in order of first reference', () => {
    const refs = [...paraWith('后引用的脚注').matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) =>
      Number(m[1]),
    );
    expect(refs).toEqual([1, 2, 1]);
    const f = x.xml('word/footnotes.xml');
    const body = (id: number) => new RegExp(`<w:footnote w:id="${id}">.*?</w:footnote>`).exec(f)![0];
    expect(textOf(body(1))).toContain('脚注乙');
    expect(textOf(body(2))).toContain('脚注甲');
    expect(body(1)).toContain('<w:pStyle w:val="FootnoteText"/>');
  });

  it('writes a hard break as w:br, a link as a HYPERLINK field, inline code as text', () => {
    expect(paraWith('第一行')).toMatch(/第一行<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t[^>]*>第二行/);
    const link = paraWith('开头一段');
    expect(link).toContain('HYPERLINK &quot;https://www.cqrb.cn/&quot;');
    expect(textOf(link)).toContain('重庆日报');
    expect(textOf(link)).toContain('huibian build');
  });
});

describe('contents with parts', () => {
  it('puts part titles at level 1 and pieces at level 2, in the TOC field and the outline', () => {
    expect(doc.replace(/&quot;/g, '"')).toContain('TOC \\o "1-2" \\h \\z \\u');
    const toc = paragraphs().filter((p) => /<w:pStyle w:val="TOC[12]"\/>/.test(p));
    expect(toc.map((p) => [/TOC([12])/.exec(p)![1], textOf(p).replace(/\d+$/, '')])).toEqual([
      ['1', '第一篇　结构'],
      ['2', '1．测试单位甲：结构示例'],
      ['2', '2．测试单位乙：表格与脚注'],
      ['1', '第二篇　图片'],
      ['2', '3．测试单位丙：图片示例'],
    ]);
    const s = x.xml('word/styles.xml');
    expect(/<w:style [^>]*w:styleId="HuibianPartTitle".*?<\/w:style>/.exec(s)![0]).toContain(
      '<w:outlineLvl w:val="0"/>',
    );
    expect(/<w:style [^>]*w:styleId="HuibianPieceTitle".*?<\/w:style>/.exec(s)![0]).toContain(
      '<w:outlineLvl w:val="1"/>',
    );
  });

  it('reads as the PDF contents: same lines in the same order, numbers on pieces only', () => {
    const pdf = squash(pdfContents);
    let at = 0;
    for (const p of paragraphs().filter((p) => /<w:pStyle w:val="TOC[12]"\/>/.test(p))) {
      const text = squash(textOf(p));
      const plain = text.replace(/\d+$/, '');
      const i = pdf.indexOf(plain, at);
      expect(i, plain).toBeGreaterThanOrEqual(at);
      at = i + plain.length;
      const isPart = p.includes('<w:pStyle w:val="TOC1"/>');
      expect(p.includes('PAGEREF'), plain).toBe(!isPart);
      if (!isPart) expect(pdf.slice(at).replace(/^[…·.]+/, '')).toMatch(new RegExp(`^${/\d+$/.exec(text)![0]}`));
    }
    expect(built.tree.piecePages.map((p) => p.startPage)).toEqual(
      paragraphs()
        .filter((p) => p.includes('PAGEREF _TocPiece'))
        .map((p) => Number(/(\d+)$/.exec(textOf(p))![1])),
    );
  });

  it('hangs the title line under the byline, with the line break inside one entry', () => {
    const e = paraWith('1．测试单位甲：');
    expect(e).toMatch(/<w:ind w:left="(\d+)" w:hanging="\1"\/>/);
    expect(e).toMatch(/测试单位甲：<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>结构示例/);
  });
});

describe('package parts', () => {
  // Validation against the ECMA-376 schemas is tests/e2e/docx-schema.test.ts (docs/docx-styles.md
  // “Schema validation”); here, quickly: xmllint checks every part is well-formed XML, and the
  // order of CT_Settings is checked.
  it('writes every XML part well-formed', () => {
    const dir = tempDir('huibian-docx-xml-');
    const parts = x.names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    expect(parts).toEqual(
      expect.arrayContaining([
        'word/document.xml',
        'word/styles.xml',
        'word/settings.xml',
        'word/numbering.xml',
        'word/footnotes.xml',
      ]),
    );
    const files = parts.map((n, i) => {
      const f = join(dir, `${i}.xml`);
      writeFileSync(f, x.files[n]);
      return f;
    });
    expect(() => execFileSync('xmllint', ['--noout', ...files], { stdio: 'pipe' })).not.toThrow();
  });

  it('keeps settings children in CT_Settings sequence order', () => {
    const order = [
      'embedTrueTypeFonts',
      'saveSubsetFonts',
      'defaultTabStop',
      'evenAndOddHeaders',
      'characterSpacingControl',
      'footnotePr',
      'endnotePr',
      'compat',
      'themeFontLang',
    ];
    const kids = [...x.xml('word/settings.xml').matchAll(/<w:(\w+)[ />]/g)]
      .map((m) => m[1])
      .filter((k) => order.includes(k));
    expect(kids.length).toBeGreaterThanOrEqual(5);
    expect([...kids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(kids);
  });
});
