/**
 * Two-em units in the DOCX as LibreOffice sets it: no line ends inside a ——
 * (paragraphs with a unit every four characters put some line end on one), in the
 * PDF as in LibreOffice's rendering of the DOCX (…… the PDF never splits either;
 * LibreOffice 7.4 does, whatever the DOCX says: docs/docx-styles.md); a subtitle the
 * author began with —— shows it once in the contents and the title block, in the
 * compilation and the handout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { build, convertAll, loadSample, pageTexts, squash, writeTemp, type Built } from './pipeline.js';
import { unpack } from './shared.js';
import type { Collection } from '../../src/model/types.js';

/** Lines that end inside a unit of `mark` and the next line that starts inside it: a lone mark at each edge. */
function splitUnits(text: string, mark: '—' | '…'): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const end = new RegExp(`(^|[^${mark}])${mark}$`);
  const start = new RegExp(`^${mark}([^${mark}]|$)`);
  const out: string[] = [];
  lines.forEach((l, i) => {
    const next = lines[i + 1] ?? '';
    if (end.test(l) && start.test(next)) out.push(`${l} / ${next}`);
  });
  return out;
}

let collection: Collection;
const built: Record<string, Built> = {};
let lo: Record<string, string>;

beforeAll(async () => {
  collection = await loadSample(join(ROOT, 'tests/fixtures/two-em'));
  for (const t of ['compilation', 'official']) built[t] = await build(collection, t, { kind: 'compilation' }, true);
  built.handout = await build(collection, 'handout', { kind: 'handout', piece: 1 });
  lo = convertAll(Object.fromEntries(Object.entries(built).map(([k, b]) => [k, b.docx])));
});

describe('two-em units in the DOCX', () => {
  it.each(['compilation', 'official'])('—— is never split across lines, in the PDF and in LibreOffice (%s)', (t) => {
    const pdf = writeTemp(`${t}.pdf`, built[t]!.pdf!);
    const ours = pageTexts(pdf).join('\n');
    const theirs = pageTexts(lo[t]!).join('\n');
    // The keep-together paragraphs wrap: some line ends next to a unit in both.
    expect(ours.split('\n').filter((l) => /——$/.test(l.trim())).length).toBeGreaterThan(0);
    expect(theirs.split('\n').filter((l) => /——$/.test(l.trim())).length).toBeGreaterThan(0);
    expect(splitUnits(ours, '—')).toEqual([]);
    expect(splitUnits(ours, '…')).toEqual([]);
    expect(splitUnits(theirs, '—')).toEqual([]);
  });

  it('keeps a subtitle’s own —— once in the contents, the title block and the handout', () => {
    for (const b of [built.compilation!, built.handout!]) {
      const d = unpack(b.docx).xml('word/document.xml');
      expect(d).not.toContain('———');
    }
    const text = squash(pageTexts(lo.compilation!).join(''));
    expect(text.split('——在区委全会上的发言').length - 1).toBe(2);
    expect(text).toContain('——加快建设现代制造业基地');
    expect(squash(pageTexts(lo.handout!).join(''))).toContain('——在区委全会上的发言');
  });
});
