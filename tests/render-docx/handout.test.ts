/**
 * The handout target: one piece on the `handout` template, a running header naming the
 * collection and the source (with a rule under it), page numbers from 1, no contents, no
 * banner. XML checks on a sample handout; one LibreOffice conversion (a sample handout and
 * a long one) checks the page counts against the PDF handouts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Collection } from '../../src/model/types.js';
import { build, convertAll, loadSample, pageCount, pageTexts, squash, writeTemp, type Built } from './pipeline.js';
import { unpack, type Unpacked } from './shared.js';

let c: Collection;
let h2: Built;
let x: Unpacked;

/** The sample's third piece carrying the paragraphs of four pieces: a handout over several pages. */
function withLongPiece(sample: Collection): Collection {
  const blocks: Block[] = sample.pieces.slice(0, 4).flatMap((p) => p.blocks);
  return { ...sample, pieces: sample.pieces.map((p) => (p.n === 3 ? { ...p, blocks } : p)) };
}

beforeAll(async () => {
  c = await loadSample();
  h2 = await build(c, 'handout', { kind: 'handout', piece: 2 }, true);
  x = unpack(h2.docx);
}, 120_000);

describe('handout DOCX', () => {
  it('holds one piece: its title bookmarked, no contents, no banner, no other piece', () => {
    const d = x.xml('word/document.xml');
    expect(d).toContain('w:name="_TocPiece002"');
    // The text without markup (a balanced title carries a w:br where the PDF breaks it).
    const text = d
      .replace(/<w:br\/>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"');
    expect(text).toContain(c.pieces[1].title);
    expect(d).not.toContain('TOC \\o');
    expect(d).not.toContain('HuibianBannerHeadline');
    for (const p of c.pieces.filter((p) => p.n !== 2)) expect(text).not.toContain(p.title);
  });

  it('has one section numbered from 1, with a header naming the collection, source and date over a rule', () => {
    const d = x.xml('word/document.xml');
    const sects = [...d.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(1);
    expect(sects[0]).toContain('<w:pgNumType w:start="1"/>');
    expect(sects[0]).toMatch(/<w:headerReference w:type="default"/);
    const header = x.names
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map((n) => x.xml(n))
      .join('');
    expect(header).toContain('重庆市区县委书记和部门一把手例会交流发言材料汇编　重庆日报 2023年10月24日');
    expect(header).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(header).toContain('<w:pStyle w:val="Header"/>');
  });

  it('prints a bare page number, centred, from a PAGE field', () => {
    const footer = x.names
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map((n) => x.xml(n))
      .join('');
    expect(footer).toContain('<w:pStyle w:val="Footer"/>');
    expect(footer).toContain('<w:jc w:val="center"/>');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).not.toContain('—');
  });
});

describe('handouts in LibreOffice', () => {
  let lo: Record<string, string>;
  let long: Built;

  beforeAll(async () => {
    long = await build(withLongPiece(c), 'handout', { kind: 'handout', piece: 3 }, true);
    lo = convertAll({ h2: h2.docx, long: long.docx });
  }, 180_000);

  it('gives each handout as many pages as the PDF handout', () => {
    expect(pageCount(writeTemp('long.pdf', long.pdf!))).toBeGreaterThan(1);
    expect(pageCount(lo.long)).toBe(pageCount(writeTemp('long.pdf', long.pdf!)));
    expect(pageCount(lo.h2)).toBe(pageCount(writeTemp('h2.pdf', h2.pdf!)));
  });

  it('repeats the header on every page and numbers the pages 1, 2, …', () => {
    const pages = pageTexts(lo.long);
    pages.forEach((p, i) => {
      expect(squash(p)).toContain(squash('重庆市区县委书记和部门一把手例会交流发言材料汇编　重庆日报 2023年10月24日'));
      expect(p.trim().split('\n').at(-1)!.trim()).toBe(String(i + 1));
    });
  });
});
