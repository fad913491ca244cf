/**
 * The fonts an OFD embeds (GB/T 33190-2016 §11.1: Font with FontFile): each face the
 * page tree draws with, subset to the characters it draws by harfbuzz — the subsets the
 * DOCX embeds, whole TrueType/OpenType files keeping cmap, name, OS/2 and post, so a
 * reader maps every TextCode character to its glyph. Faces in key order, characters in
 * code-point order: deterministic.
 */
import { subsetFont, type FontBook, type FontFace } from '../../fonts/index.js';
import type { PageTree } from '../../layout/index.js';

export interface OfdFont {
  readonly face: FontFace;
  readonly data: Buffer;
  /** File name inside the resource folder. */
  readonly file: string;
}

/** Code points each face draws in the tree, by face key. */
export function fontUsage(tree: PageTree): Map<string, Set<number>> {
  const used = new Map<string, Set<number>>();
  for (const page of tree.pages) {
    for (const it of page.items) {
      if (it.kind !== 'glyphs') continue;
      let set = used.get(it.fontKey);
      if (!set) used.set(it.fontKey, (set = new Set()));
      for (const ch of it.text) set.add(ch.codePointAt(0)!);
    }
  }
  return used;
}

/** Magic number of a CFF-flavoured OpenType file ('OTTO'). */
const OTTO = 0x4f54544f;

export async function embeddedFonts(tree: PageTree, fonts: FontBook): Promise<OfdFont[]> {
  const out: OfdFont[] = [];
  const usage = fontUsage(tree);
  for (const key of [...usage.keys()].sort()) {
    const face = fonts.faces.get(key);
    if (!face) throw new Error(`page tree names font ${key}, which is not in the font book`);
    const data = await subsetFont(face, usage.get(key)!);
    const ext = data.length >= 4 && data.readUInt32BE(0) === OTTO ? 'otf' : 'ttf';
    out.push({ face, data, file: `font_${out.length}.${ext}` });
  }
  return out;
}
