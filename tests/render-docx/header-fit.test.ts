/**
 * A running header wider than the type area (a long collection title on the handout
 * template) is shortened with …… in the middle of the title (layout/header-text.ts):
 * the PDF's header stays inside the type area, one positioned warning is given, and
 * the DOCX header carries the same text, on one line in LibreOffice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { convertAll, loadSample, realFonts, realTemplate } from './pipeline.js';
import { unpack } from './shared.js';
import { FIXED_DATE } from './helpers.js';
import { layoutDocument } from '../../src/layout/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { fitHeaderText, HEADER_ELLIPSIS } from '../../src/layout/header-text.js';
import { headerFields } from '../../src/model/placeholders.js';
import { typeArea } from '../../src/layout/geometry.js';
import type { Collection } from '../../src/model/types.js';
import type { ResolvedTemplate } from '../../src/template/types.js';
import type { FontBook } from '../../src/fonts/types.js';
import type { LayoutResult } from '../../src/layout/index.js';
import { makeCollection, piece } from '../sources/helpers.js';

const LONG_TITLE =
  '重庆市区县委书记和部门一把手例会暨全市经济形势分析会交流发言材料汇编以决战决胜姿态冲刺四季度打好收官战';

let c: Collection;
let t: ResolvedTemplate;
let fonts: FontBook;
let laid: LayoutResult;
let docx: Buffer;
let loPdf: string;

beforeAll(async () => {
  const dir = makeCollection({
    'collection.yaml': `title: ${LONG_TITLE}\nbanner:\n  source: 重庆日报\n  date: 2023-10-24\npieces: [a.md]\n`,
    'a.md': piece('正文。', 'title: 坚持工业立区制造强区\nrole: 区委书记\nauthor: 某某'),
  });
  c = await loadSample(dir);
  t = await realTemplate('handout', c);
  fonts = await realFonts(t);
  const target = { kind: 'handout', piece: 1 } as const;
  laid = layoutDocument({ collection: c, template: t, fonts, target });
  docx = (
    await renderDocx({
      collection: c,
      template: t,
      fonts,
      facts: laid.facts,
      target,
      meta: { creationDate: FIXED_DATE },
    })
  ).buffer;
  loPdf = convertAll({ handout: docx }).handout!;
}, 200_000);

describe('a running header wider than the type area', () => {
  it('is shortened with …… in the middle of the collection title, keeping its head and tail', () => {
    const fitted = fitHeaderText(fonts, t, headerFields(c, c.pieces[0]!));
    expect(fitted.shortened).toBe('collection');
    expect(fitted.full).toContain(LONG_TITLE);
    const [head, tail] = fitted.text.split(HEADER_ELLIPSIS);
    expect(LONG_TITLE.startsWith(head!)).toBe(true);
    expect(tail).toMatch(/打好收官战　重庆日报 2023年10月24日$/);
    expect(head!.length).toBeGreaterThan(5);
  });

  it('stays inside the type area in the PDF', () => {
    const area = typeArea(t);
    const header = laid.tree.pages[0]!.items.filter((i) => i.kind === 'glyphs' && i.yPt < area.topPt);
    expect(header.map((i) => (i.kind === 'glyphs' ? i.text : '')).join('')).toContain(HEADER_ELLIPSIS);
    for (const i of header) if (i.kind === 'glyphs') expect(i.xPt).toBeGreaterThanOrEqual(area.leftPt - 0.01);
  });

  it('is reported once, at the collection title', () => {
    const w = laid.warnings.filter((d) => d.message.includes('running header'));
    expect(w.length).toBe(1);
    expect(w[0]!.file).toContain('collection.yaml');
    expect(w[0]!.line).toBe(1);
  });

  it('is the same text in the DOCX header, on one line in LibreOffice', () => {
    const fitted = fitHeaderText(fonts, t, headerFields(c, c.pieces[0]!));
    const x = unpack(docx);
    const header = x.names
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map((n) => x.xml(n))
      .join('');
    expect(header).toContain(fitted.text);
    expect(header).not.toContain(LONG_TITLE);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', '-enc', 'UTF-8', loPdf, '-'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(first[0]).toContain('2023 年 10 月 24 日');
  });

  it('leaves a header that fits as it is', () => {
    const sample = { ...c, title: '重庆市区县委书记和部门一把手例会交流发言材料汇编' };
    const fitted = fitHeaderText(fonts, t, headerFields(sample, c.pieces[0]!));
    expect(fitted.shortened).toBeNull();
    expect(fitted.text).toBe(fitted.full);
  });
});
