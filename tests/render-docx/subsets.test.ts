/**
 * One subset per face per build: the compilation and every handout embed the same bytes
 * for a face (subset once for that face's share of the whole collection plus a common
 * set), so a handout's fonts also draw what only other pieces use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import type { Collection } from '../../src/model/types.js';
import { obfuscateFont } from '../../src/render/docx/fonts.js';
import { commonSet } from '../../src/render/docx/charset.js';
import type { ResolvedTemplate } from '../../src/template/types.js';
import { build, loadSample, realTemplate } from './pipeline.js';
import { unpack, type Unpacked } from './shared.js';

/** Embedded faces of a DOCX: family + slot → de-obfuscated font bytes. */
function embedded(x: Unpacked): Map<string, Uint8Array> {
  const ft = x.xml('word/fontTable.xml');
  const rels = x.xml('word/_rels/fontTable.xml.rels');
  const out = new Map<string, Uint8Array>();
  for (const f of ft.matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/g)) {
    for (const e of f[2].matchAll(/<w:embed(Regular|Bold) r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]+)\}"/g)) {
      const target = new RegExp(`Id="${e[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      out.set(`${f[1]}/${e[1]}`, obfuscateFont(x.files[`word/${target}`], e[3]));
    }
  }
  return out;
}

let c: Collection;
let comp: Map<string, Uint8Array>;
let h1: Map<string, Uint8Array>;
let h9: Map<string, Uint8Array>;
let handoutTemplate: ResolvedTemplate;

beforeAll(async () => {
  c = await loadSample();
  handoutTemplate = await realTemplate('handout', c);
  comp = embedded(unpack((await build(c, 'compilation')).docx));
  h1 = embedded(unpack((await build(c, 'handout', { kind: 'handout', piece: 1 })).docx));
  h9 = embedded(unpack((await build(c, 'handout', { kind: 'handout', piece: 9 })).docx));
}, 120_000);

describe('build-wide font subsets', () => {
  it('embeds the same bytes for each face in the compilation and in every handout', () => {
    expect(comp.size).toBeGreaterThanOrEqual(3);
    expect([...h1.keys()].sort()).toEqual([...comp.keys()].sort());
    for (const [k, bytes] of comp) {
      expect(Buffer.compare(Buffer.from(h1.get(k)!), Buffer.from(bytes)), k).toBe(0);
      expect(Buffer.compare(Buffer.from(h9.get(k)!), Buffer.from(bytes)), k).toBe(0);
    }
  });

  it('covers the whole collection: handout 1 draws characters only piece 9 uses', () => {
    const only9 = [...new Set(c.pieces[8].blocks.flatMap((b) => JSON.stringify(b).split('')))].filter(
      (ch) =>
        /\p{Script=Han}/u.test(ch) &&
        !c.pieces.slice(0, 8).some((p) => JSON.stringify(p).includes(ch)) &&
        !c.title.includes(ch),
    );
    expect(only9.length).toBeGreaterThan(3);
    const body = [...h1.entries()].find(([k]) => k.endsWith('/Regular') && k.startsWith('Noto Serif'))![1];
    const font = fontkit.create(Buffer.from(body));
    for (const ch of only9) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('gives each face its share of the collection: the title face lacks what only body text uses', () => {
    const shown = [
      c.title,
      c.banner?.headline ?? '',
      c.banner?.provenance ?? '',
      ...c.pieces.flatMap((p) => [p.title, p.subtitle ?? '', p.byline]),
    ].join('');
    const common = commonSet(c, handoutTemplate);
    // Characters of plain runs in body paragraphs (not inside lead/emphasis, set in other faces).
    const plain = new Set(
      c.pieces.flatMap((p) =>
        p.blocks.flatMap((b) =>
          b.kind === 'paragraph' ? b.inlines.flatMap((n) => (n.kind === 'text' ? [...n.text] : [])) : [],
        ),
      ),
    );
    const bodyOnly = [...plain].filter(
      (ch) => /\p{Script=Han}/u.test(ch) && !shown.includes(ch) && !common.has(ch.codePointAt(0)!),
    );
    expect(bodyOnly.length).toBeGreaterThan(100);
    const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes));
    const title = open([...h1.entries()].find(([k]) => k.endsWith('/Bold'))![1]);
    const body = open([...h1.entries()].find(([k]) => k.endsWith('/Regular') && k.startsWith('Noto Serif'))![1]);
    for (const ch of bodyOnly) {
      expect(body.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
      expect(title.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(false);
    }
  });

  it('adds the same common set on the compilation and the handout template', async () => {
    const a = [...commonSet(c, await realTemplate('compilation', c))].sort((x, y) => x - y);
    expect([...commonSet(c, handoutTemplate)].sort((x, y) => x - y)).toEqual(a);
    // The template's literals (contents, count suffix, list markers 1． （1） ● ○), dates and the source.
    for (const ch of '目录篇．（）●○年月日重庆日报') expect(a).toContain(ch.codePointAt(0));
    // Chinese counting digits only when a list level counts in Chinese ({cn}); the shipped ones do not.
    expect(a).not.toContain('〇'.codePointAt(0));
  });
});
