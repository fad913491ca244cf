/**
 * One subset per face per build: the compilation and every handout embed the same bytes
 * for a face (subset once for the characters of the whole collection), so a handout's
 * fonts also draw what only other pieces use, and rebuilding gives the same bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import type { Collection } from '../../src/model/types.js';
import { obfuscateFont } from '../../src/render/docx/fonts.js';
import { collectionChars, embeddingSet } from '../../src/render/docx/charset.js';
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

beforeAll(async () => {
  c = await loadSample();
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
      (ch) => /\p{Script=Han}/u.test(ch) && !c.pieces.slice(0, 8).some((p) => JSON.stringify(p).includes(ch)) && !c.title.includes(ch),
    );
    expect(only9.length).toBeGreaterThan(3);
    const body = [...h1.entries()].find(([k]) => k.endsWith('/Regular') && k.startsWith('Noto Serif'))![1];
    const font = (fontkit as unknown as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } }).create(Buffer.from(body));
    for (const ch of only9) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('derives the set from the collection and the template, not from the target', async () => {
    const t = await realTemplate('compilation', c);
    const h = await realTemplate('handout', c);
    const a = [...embeddingSet(c, t)].sort((x, y) => x - y);
    expect([...embeddingSet(c, h)].sort((x, y) => x - y)).toEqual(a);
    for (const ch of collectionChars(c)) expect(a).toContain(ch.codePointAt(0));
    for (const ch of '目录篇〇一二三十') expect(a).toContain(ch.codePointAt(0));
  });
});
