/**
 * DOCX line-breaking parity for URLs and e-mail addresses: each carries a zero-width
 * space at exactly the places the PDF's breaker may break it (layout's
 * `urlBreakOffsets`), never w:softHyphen; the text without those spaces is the
 * address as written and a link's target has none; LibreOffice then keeps every line
 * inside the type area and the piece on as many pages as the PDF. Runs with — … “ ”
 * carry w:hint="eastAsia".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findUrls, markUrlBreaks, urlBreakOffsets } from '../../src/layout/index.js';
import { ROOT } from '../helpers/cli.js';
import { readStext } from '../helpers/stext.js';
import { build, convertAll, loadSample, pageCount, type Built } from './pipeline.js';
import { unpack, type Unpacked } from './shared.js';

const ZWSP = '\u200b';
const URLS = [
  'https://zwfw.cq.gov.cn/icity/proinfo/index?code=500101-000-XK-0011-0002&type=detail&from=portal_home_recommend#section-guide',
  'service_center.digital-government@bigdata.example.gov.cn',
  'www.cq.gov.cn/zwgk/zfxxgkml/szfwj/qtgw/202310/t20231024_12472688_wap.html',
  'https://www.cq.gov.cn/zwgk/zfxxgkml/szfwj/qtgw/202310/t20231024_12472688.html',
  'https://www.cq.gov.cn/zwgk/zfxxgkml/202310/t20231024_12472688.html',
];

let built: Built;
let docx: Unpacked;
let text: string;

beforeAll(async () => {
  const c = await loadSample(join(ROOT, 'tests/fixtures/url-docx'));
  built = await build(c, 'official');
  docx = unpack(built.docx);
  const xml = docx.xml('word/document.xml') + docx.xml('word/footnotes.xml');
  text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join('');
});

describe('URLs and e-mail addresses in the DOCX', () => {
  it('break only where the PDF may: a zero-width space at each break offset, none elsewhere', () => {
    for (const url of URLS) {
      const marked = markUrlBreaks(url, ZWSP);
      expect(text).toContain(marked);
      expect(marked.split(ZWSP).length - 1).toBe(urlBreakOffsets(url).length);
    }
    expect(text.replaceAll(ZWSP, '')).toContain(URLS[0]);
    // Every zero-width space stands inside an address.
    const plain = text.replaceAll(ZWSP, '');
    expect(findUrls(plain).map((s) => plain.slice(s.start, s.end))).toEqual(expect.arrayContaining(URLS));
    expect(text.split(ZWSP).length - 1).toBe(URLS.reduce((n, u) => n + urlBreakOffsets(u).length, 0));
  });

  it('never uses a soft hyphen, and a link target stays the bare address', () => {
    const xml = docx.xml('word/document.xml');
    expect(xml).not.toContain('softHyphen');
    expect(xml).not.toContain('\u00ad');
    const targets = [...xml.matchAll(/HYPERLINK &quot;(.*?)&quot;/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(targets).toContain(URLS[4]);
    for (const t of targets) expect(t).not.toContain(ZWSP);
  });

  it('marks runs holding — … “ ” as East Asian', () => {
    const xml = docx.xml('word/document.xml');
    const runs = [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)];
    const marked = runs.filter((r) => /[—…“”]/.test(r[2]!));
    expect(marked.length).toBeGreaterThan(0);
    for (const r of marked) expect(r[1] ?? '').toContain('w:hint="eastAsia"');
    for (const r of runs.filter((x) => !/[—―⸺…⋯“”‘’·]/.test(x[2]!))) expect(r[1] ?? '').not.toContain('w:hint');
  });

  // A line may still end in a mark LibreOffice hangs past the margin (it does not read w:overflowPunct): not an address.
  it('LibreOffice keeps every address line inside the type area and the piece on the PDF’s pages', () => {
    const pdf = convertAll({ url: built.docx }).url!;
    expect(pageCount(pdf)).toBe(built.tree.pages.length);
    const rightPt = built.template.page.widthPt - built.template.page.marginRightPt;
    for (const line of readStext(pdf).flatMap((p) => p.lines.filter((l) => /[a-z]/i.test(l.text)))) {
      expect(line.x1, `p.${line.page} ${line.text}`).toBeLessThanOrEqual(rightPt + 1);
    }
  });
});
