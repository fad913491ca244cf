/**
 * The effective-formatting resolver and the numbering reader on small packages
 * written here part by part: theme east-Asian fonts, document defaults, basedOn
 * chains, character styles, direct formatting, numbering levels and their text.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { annotate } from '../../src/import/docx/annotate.js';
import { chineseNumber, formatNumber } from '../../src/import/docx/numbering.js';
import { WordPackage } from '../../src/import/docx/package.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function pkg(parts: {
  document: string;
  styles?: string;
  numbering?: string;
  theme?: string;
  settings?: string;
}): WordPackage {
  const files: Record<string, Uint8Array> = {
    '_rels/.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${parts.document}</w:body></w:document>`),
  };
  const rels: string[] = [];
  for (const [kind, target] of [
    ['styles', 'styles.xml'],
    ['numbering', 'numbering.xml'],
    ['theme', 'theme/theme1.xml'],
    ['settings', 'settings.xml'],
  ] as const) {
    const xml = parts[kind];
    if (xml === undefined) continue;
    files[`word/${target}`] = strToU8(xml);
    rels.push(`<Relationship Id="r${kind}" Type="${REL}/${kind}" Target="${target}"/>`);
  }
  files['word/_rels/document.xml.rels'] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  return WordPackage.open(zipSync(files));
}

const THEME = `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x">
<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:font script="Jpan" typeface="游明朝"/><a:font script="Hans" typeface="等线"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>`;

const STYLES = `<w:styles ${W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/><w:basedOn w:val="1"/><w:pPr><w:jc w:val="left"/></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="一级条目"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="a8"><w:name w:val="强调基"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="a9"><w:name w:val="楷体强调"/><w:basedOn w:val="a8"/><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:style>
</w:styles>`;

const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
const para = (pPr: string, ...runs: string[]) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.join('')}</w:p>`;

describe('effective formatting', () => {
  test('document defaults with theme fonts → style chain → character style chain → direct formatting', () => {
    const p = pkg({
      styles: STYLES,
      theme: THEME,
      document: [
        para('', run('正文')),
        para('<w:pStyle w:val="a3"/>', run('小标题')),
        para(
          '<w:pStyle w:val="1"/>',
          run('标题', '<w:rStyle w:val="a9"/>'),
          run('直接', '<w:rFonts w:eastAsia="方正小标宋简体"/><w:b w:val="0"/><w:sz w:val="28"/>'),
        ),
      ].join(''),
    });
    const a = annotate(p);
    const [normal, h2, h1] = a.paras;
    expect([normal.format.styleName, normal.format.alignment]).toEqual(['Normal', null]);
    expect([h2.format.styleName, h2.format.alignment, h2.format.outlineLevel]).toEqual(['标题 2', 'left', 0]);
    expect([h1.format.styleName, h1.format.alignment]).toEqual(['heading 1', 'center']);
    expect(a.runs.map((r) => r.format)).toEqual([
      // Normal overrides the defaults' east-Asian theme font and size; Latin from the theme
      { eastAsiaFont: '仿宋_GB2312', asciiFont: 'Calibri', bold: false, italic: false, sizeHalfPt: 32 },
      // 标题 2 is based on heading 1: its font and size, its bold switched off again
      { eastAsiaFont: '黑体', asciiFont: 'Calibri', bold: false, italic: false, sizeHalfPt: 44 },
      // character style 楷体强调, based on 强调基 (italic)
      { eastAsiaFont: '楷体', asciiFont: 'Calibri', bold: true, italic: true, sizeHalfPt: 44 },
      // direct formatting wins, one property at a time
      { eastAsiaFont: '方正小标宋简体', asciiFont: 'Calibri', bold: false, italic: false, sizeHalfPt: 28 },
    ]);
  });

  test("without a paragraph style the defaults' theme font is the Hans script's", () => {
    const styles = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;
    const a = annotate(pkg({ styles, theme: THEME, document: para('', run('文字')) }));
    expect(a.runs[0].format.eastAsiaFont).toBe('等线');
    const ja = annotate(
      pkg({
        styles,
        theme: THEME,
        settings: `<w:settings ${W}><w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/></w:settings>`,
        document: para('', run('文字')),
      }),
    );
    expect(ja.runs[0].format.eastAsiaFont).toBe('游明朝');
  });
});

describe('numbering', () => {
  const NUMBERING = `<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>
</w:numbering>`;

  // “%1.%3” shows level 1 in its own format (一.1) as Word does without w:isLgl.
  test('levels counted in document order, deeper levels restarting, through a style or directly, with overrides', () => {
    const numPr = (id: number, lvl: number) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const doc = [
      para('<w:pStyle w:val="a5"/>', run('甲')),
      para(numPr(1, 1), run('乙')),
      para(numPr(1, 1), run('丙')),
      para(numPr(1, 2), run('丁')),
      para('<w:pStyle w:val="a5"/>', run('戊')),
      para(numPr(1, 1), run('己')),
      para(`<w:pStyle w:val="a5"/><w:numPr><w:numId w:val="0"/></w:numPr>`, run('无')),
      para(numPr(2, 0), run('庚')),
    ].join('');
    const a = annotate(pkg({ styles: STYLES, numbering: NUMBERING, document: doc }));
    expect(a.paras.map((p) => p.label?.text ?? null)).toEqual([
      '一、',
      '（一）',
      '（二）',
      '一.1',
      '二、',
      '（一）',
      null,
      '九、',
    ]);
  });

  test.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('Chinese counting: %i → %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });

  test('other formats', () => {
    expect(
      [
        'decimal',
        'decimalZero',
        'ideographTraditional',
        'decimalEnclosedCircle',
        'chineseLegalSimplified',
        'upperRoman',
        'lowerLetter',
      ].map((f) => formatNumber(12, f)),
    ).toEqual(['12', '12', '乙', '⑫', '壹拾贰', 'XII', 'l']);
  });
});
