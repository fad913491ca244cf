/**
 * The OFD writer against its structural reader (ofd-check.ts) and against the PDF of the
 * same page tree: the package holds (element order, attributes, IDs, MaxUnitID, fonts
 * with cmap/name/OS2/post), as many pages as the PDF with the same text on each, every
 * TextObject's font embedded, the contents links and the outline going to the pages the
 * PDF's do, and the same bytes for the same input. The checker is shown to catch a
 * broken package of each kind first.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { OutlineEntry, PageTree } from '../../src/layout/index.js';
import { checkOfd, readOfd } from './ofd-check.js';
import { ASTRAL, CONSTRUCTS, SAMPLE, build, pdfPageTexts, squash, type Built } from './pipeline.js';

const ROOT = join(__dirname, '../..');

/** The package with one part's text changed. */
function edit(zip: Buffer, path: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(zip);
  const before = strFromU8(files[path]!);
  const after = change(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  files[path] = strToU8(after);
  return zipSync(files);
}

/** Where each destination of the tree is: page index by name. */
function destPages(tree: PageTree): Map<string, number> {
  const m = new Map<string, number>();
  tree.pages.forEach((p, i) => p.items.forEach((it) => it.kind === 'dest' && m.set(it.name, i)));
  return m;
}

function flatOutline(entries: readonly OutlineEntry[], depth = 0): { title: string; page: number; depth: number }[] {
  return entries.flatMap((e) => [{ title: e.title, page: e.pageIndex, depth }, ...flatOutline(e.children, depth + 1)]);
}

function expectMatchesPdf(b: Built): void {
  expect(checkOfd(b.ofd)).toEqual([]);
  const read = readOfd(b.ofd);
  expect(read.pageTexts.length).toBe(b.tree.pages.length);
  const pdf = pdfPageTexts(b.pdfFile, b.tree.pages.length);
  expect(read.pageTexts.map(squash)).toEqual(pdf.map(squash));
  for (const f of read.usedFonts) expect(read.embeddedFonts.has(f)).toBe(true);
  // Each contents link goes where the PDF's goes: the page of its destination, whose printed number the entry shows.
  const dests = destPages(b.tree);
  const treeLinks = b.tree.pages.flatMap((p, i) =>
    p.items.flatMap((it) => (it.kind === 'link' && it.dest ? [{ fromPage: i, toPage: dests.get(it.dest)! }] : [])),
  );
  expect(read.links.map(({ fromPage, toPage }) => ({ fromPage, toPage }))).toEqual(treeLinks);
  // Contents entries (on the front pages; links in the body go to footnotes) end in the printed number.
  for (const l of read.links.filter((k) => k.fromPage < b.tree.frontPages)) {
    const printed = /(\d+)$/.exec(squash(l.text));
    if (printed) expect(b.tree.pages[l.toPage]!.number).toBe(Number(printed[1]));
  }
  expect(read.outline).toEqual(flatOutline(b.tree.outline));
}

describe('OFD package of the sample', () => {
  it('holds, and matches the PDF page by page (compilation template)', async () => {
    const b = await build(SAMPLE, 'compilation');
    expectMatchesPdf(b);
    const read = readOfd(b.ofd);
    expect(read.links.length).toBeGreaterThanOrEqual(9);
    expect(read.links.filter((l) => l.fromPage === 0 && /\d$/.test(squash(l.text))).length).toBe(9);
    expect(read.outline.length).toBeGreaterThanOrEqual(9);
    // Same input, same bytes.
    const again = await build(SAMPLE, 'compilation');
    expect(again.ofd.equals(b.ofd)).toBe(true);
  });

  it('holds, and matches the PDF page by page (official template)', async () => {
    expectMatchesPdf(await build(SAMPLE, 'official'));
  });

  it('holds for a handout', async () => {
    expectMatchesPdf(await build(SAMPLE, 'handout', { kind: 'handout', piece: 3 }));
  });
});

describe('OFD package of other collections', () => {
  // The hardest text the fixtures hold: URLs, e-mail, product names, ranges, pasted
  // half-width punctuation, long titles, Latin runs with kerning and ligatures, tables.
  for (const name of ['typography', 'latin-runs', 'url-docx', 'docx-constructs', 'two-em']) {
    for (const template of ['compilation', 'official']) {
      it(`the ${name} fixture on the ${template} template holds and matches the PDF page by page`, async () => {
        expectMatchesPdf(await build(join(ROOT, 'tests/fixtures', name), template));
      });
    }
  }

  it('the constructs collection: tables, images, footnotes, lists', async () => {
    const b = await build(CONSTRUCTS, 'compilation');
    expectMatchesPdf(b);
    const files = unzipSync(b.ofd);
    const contents = Object.keys(files)
      .filter((p) => p.endsWith('Content.xml'))
      .map((p) => strFromU8(files[p]!))
      .join('');
    expect(contents).toContain('<ofd:ImageObject');
    expect(contents).toContain('<ofd:PathObject');
  });

  it('characters outside the BMP: one TextCode character each, their font embedded', async () => {
    const b = await build(ASTRAL, 'compilation');
    expectMatchesPdf(b);
    expect(readOfd(b.ofd).pageTexts.join('')).toContain('🄐阶段完成调查摸底，🄑阶段');
    // Each stands in a TextCode of its own: no DeltaX for a reader to count differently.
    const body = strFromU8(unzipSync(b.ofd)['Doc_0/Pages/Page_1/Content.xml']!);
    expect(body).toMatch(
      /<ofd:TextCode X="[\d.]+" Y="[\d.]+">🄐<\/ofd:TextCode><ofd:TextCode X="[\d.]+" Y="[\d.]+" DeltaX="[\d. ]+">阶段/,
    );
  });
});

describe('the structural checker', () => {
  it('catches a broken package of each kind', async () => {
    const { ofd } = await build(SAMPLE, 'compilation');
    const page = 'Doc_0/Pages/Page_1/Content.xml';
    const bad: [string, Uint8Array, RegExp][] = [
      [
        'element order',
        edit(ofd, page, (x) =>
          x.replace(
            /<ofd:FillColor Value="0 0 0"\/>(<ofd:TextCode[^>]*>[^<]*<\/ofd:TextCode>)/,
            '$1<ofd:FillColor Value="0 0 0"/>',
          ),
        ),
        /<FillColor> comes after <TextCode>/,
      ],
      ['an ID twice', edit(ofd, page, (x) => x.replace(/(<ofd:TextObject ID=")\d+/, '$1' + '1')), /ID 1 also used/],
      [
        'MaxUnitID',
        edit(ofd, 'Doc_0/Document.xml', (x) => x.replace(/<ofd:MaxUnitID>\d+/, '<ofd:MaxUnitID>7')),
        /MaxUnitID 7 is not the largest ID/,
      ],
      ['a required attribute', edit(ofd, page, (x) => x.replace(/ Font="\d+"/, '')), /no Font attribute/],
      [
        'DeltaX',
        edit(ofd, page, (x) => x.replace(/DeltaX="([\d.]+) /, 'DeltaX="')),
        /DeltaX has \d+ values for \d+ characters/,
      ],
      [
        'a font reference',
        edit(ofd, page, (x) => x.replace(/ Font="\d+"/, ' Font="5"')),
        /refers to 5, which is no Font/,
      ],
      [
        'a missing font file',
        edit(ofd, 'Doc_0/PublicRes.xml', (x) => x.replace('font_0.ttf', 'font_9.ttf')),
        /FontFile .* is not in the package/,
      ],
      [
        'a boolean attribute',
        edit(ofd, 'Doc_0/Annots/Page_0/Annotation.xml', (x) => x.replace('Stroke="false"', 'Stroke="no"')),
        /Stroke "no" is not true or false/,
      ],
      [
        'a horizontal scale',
        edit(ofd, page, (x) => x.replace(/(<ofd:TextObject ID="\d+")/, '$1 HScale="0"')),
        /HScale "0" is not a positive number/,
      ],
      [
        'a character its font has no glyph for',
        edit(ofd, page, (x) => x.replace(/(<ofd:TextCode[^>]*>)[^<]/, '$1龘')),
        /its font has no glyph for U\+9F98 “龘”/,
      ],
      [
        'a transformation matrix',
        edit(ofd, page, (x) => x.replace(/(<ofd:TextObject ID="\d+")/, '$1 CTM="1 0 0 1"')),
        /CTM "1 0 0 1" is not a b c d e f/,
      ],
      [
        'the namespace',
        edit(ofd, page, (x) => x.replace('xmlns:ofd="http://www.ofdspec.org/2016"', 'xmlns:ofd="http://example.org/"')),
        /not in the OFD namespace/,
      ],
    ];
    for (const [what, zip, problem] of bad) {
      const problems = checkOfd(zip);
      expect(
        problems.some((p) => problem.test(p)),
        `${what}: ${problems.join('; ')}`,
      ).toBe(true);
    }
    // A link to the wrong page is a valid package; the comparison with the tree catches it.
    const wrong = edit(ofd, 'Doc_0/Annots/Page_0/Annotation.xml', (x) =>
      x.replace(/PageID="(\d+)"/, (_, id) => `PageID="${Number(id) + 1}"`),
    );
    expect(checkOfd(wrong)).toEqual([]);
    const links = readOfd(wrong).links;
    const good = readOfd(ofd).links;
    expect(links[0]!.toPage).toBe(good[0]!.toPage + 1);
  });
});
