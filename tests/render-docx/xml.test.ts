/** XML-level checks of the compilation DOCX: styles, fonts, contents field, settings, determinism. */
import { beforeAll, describe, expect, it } from 'vitest';
import { render, type Unpacked } from './shared.js';
import { NO_FACTS } from '../../src/layout/index.js';
import { shippedTemplate, sampleCollection, shippedFontBook } from './helpers.js';
import { restrictedCopy, withFaces } from '../helpers/fonts.js';
import { obfuscateFont } from '../../src/render/docx/fonts.js';

let doc: Unpacked;
let official: Unpacked;
beforeAll(async () => {
  doc = await render();
  official = await render({
    template: await shippedTemplate('official'),
    facts: NO_FACTS,
  });
}, 60_000);

describe('styles', () => {
  it('defines the contract ids with outline levels on piece titles and headings', () => {
    const s = doc.xml('word/styles.xml');
    for (const id of [
      'Title',
      'Heading1',
      'Heading4',
      'TOC1',
      'TOC2',
      'HuibianPieceTitle',
      'HuibianByline',
      'BodyText',
      'HuibianLead',
      'HuibianEmphasis',
    ]) {
      expect(s).toContain(`w:styleId="${id}"`);
    }
    const piece = /<w:style [^>]*w:styleId="HuibianPieceTitle".*?<\/w:style>/.exec(s)![0];
    expect(piece).toContain('<w:outlineLvl w:val="0"/>');
    expect(/<w:style [^>]*w:styleId="Heading2".*?<\/w:style>/.exec(s)![0]).toContain('<w:outlineLvl w:val="2"/>');
  });

  it('uses styles, not direct formatting, for body text', () => {
    const d = doc.xml('word/document.xml');
    expect(d).toContain('<w:pStyle w:val="BodyText"/>');
    expect(d).toContain('<w:rStyle w:val="HuibianLead"/>');
    expect(d).toContain('<w:rStyle w:val="HuibianEmphasis"/>');
    // No direct fonts: a run's w:rFonts, where there is one, only hints that its marks are East Asian.
    const fonts = d.match(/<w:rFonts[^>]*>/g) ?? [];
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toBe('<w:rFonts w:hint="eastAsia"/>');
    expect(d).not.toContain('<w:sz ');
  });

  it('sets exact line spacing equal to the pitch, and the 579-twip / −5 grid for official', () => {
    // The shipped compilation: 12 pt body on a 20 pt pitch.
    expect(doc.xml('word/styles.xml')).toContain('w:line="400" w:lineRule="exact"');
    const s = official.xml('word/styles.xml');
    const body = /<w:style [^>]*w:styleId="BodyText".*?<\/w:style>/.exec(s)![0];
    expect(body).toContain('w:line="579" w:lineRule="exact"');
    expect(body).toContain('<w:spacing w:val="-5"/>');
    expect(body).toContain('w:firstLine="640"'); // firstIndent: 2em of the 16 pt body
    expect(official.xml('word/document.xml')).toContain('w:linePitch="579"');
    expect(official.xml('word/document.xml')).not.toMatch(/w:charSpace="-?[1-9]/);
  });
});

describe('fonts', () => {
  it('names the role faces in eastAsia/ascii/hAnsi with lang zh-CN', () => {
    const s = doc.xml('word/styles.xml');
    const title = /<w:style [^>]*w:styleId="HuibianPieceTitle".*?<\/w:style>/.exec(s)![0];
    for (const a of ['ascii', 'eastAsia', 'hAnsi']) expect(title).toContain(`w:${a}="Noto Serif SC"`);
    expect(title).toContain('<w:b/>');
    const lead = /<w:style [^>]*w:styleId="HuibianLead".*?<\/w:style>/.exec(s)![0];
    expect(lead).toContain('w:eastAsia="Noto Sans SC"');
    expect(s).toContain('<w:lang w:eastAsia="zh-CN"/>');
  });

  it('embeds each used face once as an obfuscated subset with a key derived from its bytes', () => {
    const ft = doc.xml('word/fontTable.xml');
    const embeds = [
      ...ft.matchAll(/<w:embed(Regular|Bold) r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]+)\}" w:subsetted="1"\/>/g),
    ];
    // Noto Serif SC regular and bold (body, titles), Noto Sans SC (hei), LXGW WenKai (kai).
    expect(embeds.map((m) => m[1]).sort()).toEqual(['Bold', 'Regular', 'Regular', 'Regular']);
    expect(new Set(embeds.map((m) => m[3])).size).toBe(embeds.length);
    const rels = doc.xml('word/_rels/fontTable.xml.rels');
    for (const [, , rid, key] of embeds) {
      const target = new RegExp(`Id="${rid}"[^>]*Target="(fonts/font\\d+\\.odttf)"`).exec(rels)![1];
      const data = doc.files[`word/${target}`];
      const plain = obfuscateFont(data, key); // XOR is its own inverse
      expect([...plain.slice(0, 4)]).toEqual([0, 1, 0, 0]); // TrueType sfnt version
      expect(data.length).toBeLessThan(1_000_000); // the collection's characters, not the 14 MB face
    }
    expect(doc.xml('word/settings.xml')).toContain('<w:embedTrueTypeFonts/><w:saveSubsetFonts/>');
  });

  it('names but does not embed a face whose fsType forbids it, with a warning', async () => {
    const book = await shippedFontBook();
    const hei = restrictedCopy(book.chain('hei', false)[0]!, 'restricted-hei');
    const r = await render({ fonts: withFaces(book, { hei }) });
    expect(r.warnings.some((w) => w.message.includes('forbids embedding'))).toBe(true);
    expect(r.xml('word/fontTable.xml')).toMatch(/<w:font w:name="Noto Sans SC">(?:(?!<\/w:font>).)*<\/w:font>/);
    expect(
      /<w:font w:name="Noto Sans SC">((?:(?!<\/w:font>).)*)<\/w:font>/.exec(r.xml('word/fontTable.xml'))![1],
    ).not.toContain('embed');
  }, 30_000);
});

describe('contents', () => {
  it('is a TOC field whose cached entries carry PAGEREFs with the resolved pages', () => {
    const d = doc.xml('word/document.xml');
    expect(d.replace(/&quot;/g, '"')).toContain(
      '<w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText>',
    );
    const refs = [
      ...d.matchAll(
        /PAGEREF (_TocPiece\d+) \\h <\/w:instrText>.*?<w:fldChar w:fldCharType="separate"\/>.*?<w:t[^>]*>(\d+)<\/w:t>/g,
      ),
    ];
    expect(refs.map((m) => [m[1], Number(m[2])])).toEqual(
      Array.from({ length: 9 }, (_, i) => [`_TocPiece${String(i + 1).padStart(3, '0')}`, i + 1]),
    );
    expect(d).not.toContain('w:dirty');
    expect(doc.xml('word/settings.xml')).not.toContain('updateFields');
  });

  it('caches the numbers the layout gives, not its own guess', async () => {
    const c = await sampleCollection();
    const facts = {
      ...NO_FACTS,
      piecePages: c.pieces.map((p) => ({ n: p.n, startPage: 2 * p.n + 1, endPage: 2 * p.n + 2 })),
      frontPages: 1,
      bodyPages: 20,
    };
    const r = await render({ facts });
    const nums = [
      ...r.xml('word/document.xml').matchAll(/PAGEREF _TocPiece\d+ \\h <\/w:instrText>.*?<w:t[^>]*>(\d+)<\/w:t>/g),
    ].map((m) => Number(m[1]));
    expect(nums).toEqual(c.pieces.map((p) => 2 * p.n + 1));
  }, 30_000);

  it('puts a bookmark on every piece title and writes the entry text as the PDF does', () => {
    const d = doc.xml('word/document.xml');
    for (let n = 1; n <= 9; n++) expect(d).toContain(`w:name="_TocPiece${String(n).padStart(3, '0')}"`);
    expect(d).toContain('重庆市区县委书记和部门一把手例会交流发言材料汇编（9篇）');
    expect(d).toContain('>目录<');
    expect(d).toContain('1．西部科学城重庆高新区党工委书记张安疆：');
  });

  it('sets a right tab with the template’s leader (the shipped compilation’s middle dots) at the real text width', () => {
    const toc1 = /<w:style [^>]*w:styleId="TOC1".*?<\/w:style>/.exec(doc.xml('word/styles.xml'))![0];
    // A4 595.28 pt − 28 mm − 26 mm = 442.2 pt = 8844 twips
    expect(toc1).toMatch(/<w:tab w:val="right" w:pos="8844" w:leader="middleDot"\/>/);
  });
});

describe('settings and sections', () => {
  it('switches on kinsoku, off hanging punctuation, on punctuation compression and Han–Latin spacing', () => {
    const s = doc.xml('word/styles.xml');
    expect(s).toContain('<w:kinsoku/><w:overflowPunct w:val="0"/><w:autoSpaceDE/><w:autoSpaceDN/>');
    expect(doc.xml('word/settings.xml')).toContain('<w:characterSpacingControl w:val="compressPunctuation"/>');
  });

  it('numbers the body from 1 with — n — footers, the contents unnumbered; official has odd/even footers', () => {
    const d = doc.xml('word/document.xml');
    const sects = [...d.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(2);
    expect(sects[0]).not.toContain('footerReference');
    expect(sects[1]).toContain('<w:pgNumType w:start="1"/>');
    expect(doc.xml('word/footer1.xml')).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/);
    expect(official.xml('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    expect(official.xml('word/document.xml')).toMatch(/w:footerReference w:type="even"/);
  });
});

describe('reproducible bytes', () => {
  it('gives byte-identical output for identical input, and different bytes for another date', async () => {
    const again = await render();
    expect(Buffer.compare(again.buffer, doc.buffer)).toBe(0);
    expect(doc.xml('docProps/core.xml')).toContain('2023-10-24T00:00:00Z');
    const other = await render({ meta: { creationDate: new Date('2024-01-01T00:00:00Z') } });
    expect(Buffer.compare(other.buffer, doc.buffer)).not.toBe(0);
  }, 60_000);
});
