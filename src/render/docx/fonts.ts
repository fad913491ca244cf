/**
 * Fonts in the DOCX: which family each style names, and the embedded subsets.
 *
 * ECMA-376 Part 1 §17.3.2.26 w:rFonts (eastAsia/ascii/hAnsi all name the role's CJK face,
 * because LibreOffice sets “” ‘’ — weak characters — in the ascii font and the widths must
 * match the PDF), §17.3.2.20 w:lang, §17.8.3.3 w:embedRegular/w:embedBold with the
 * obfuscation of §17.8.1 (first 32 bytes XORed with the reversed GUID key). Keys are
 * derived from the subset bytes, so identical input gives identical packages. Subsetting
 * (harfbuzz, src/fonts/hb-subset.ts) is the fonts module's, memoised per face and character set.
 * OpenType OS/2 fsType: 'restricted' fonts are named but not embedded (a warning).
 */
import { createHash } from 'node:crypto';
import type { FontBook, FontFace } from '../../fonts/index.js';
import { subsetFont } from '../../fonts/index.js';
import type { FontRole, Style } from '../../template/index.js';
import type { Diagnostic } from '../../model/diagnostics.js';

/** The face a style is set in, and whether Word must be told it is bold. */
export interface StyleFont {
  readonly face: FontFace;
  readonly family: string;
  /** w:b: the style is bold, or its face is a bold weight (drawn from w:embedBold). */
  readonly bold: boolean;
}

export function styleFont(fonts: FontBook, role: FontRole, bold: boolean): StyleFont {
  const face = fonts.chain(role, bold)[0];
  return { face, family: face.family, bold: bold || face.weight >= 600 };
}

export function styleFontOf(fonts: FontBook, style: Style): StyleFont {
  return styleFont(fonts, style.font, style.bold);
}

/** One embedded face file: family, which slot (regular/bold), subset bytes, deterministic key. */
export interface EmbeddedFace {
  readonly family: string;
  readonly slot: 'regular' | 'bold';
  readonly data: Uint8Array;
  /** GUID `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`, upper case, from a hash of `data`. */
  readonly key: string;
  readonly subsetted: boolean;
}

/** Characters used per face, collected while the document is written (accumulated state). */
export class FontUsage {
  private readonly uses = new Map<string, { sf: StyleFont; chars: Set<string> }>();

  static keyOf(sf: StyleFont): string {
    return `${sf.family}\u0000${sf.bold ? 'b' : 'r'}\u0000${sf.face.key}`;
  }

  /** Characters recorded for a face (empty when it was not used). */
  charsOf(sf: StyleFont): ReadonlySet<string> {
    return this.uses.get(FontUsage.keyOf(sf))?.chars ?? new Set();
  }

  add(sf: StyleFont, text: string): void {
    const k = FontUsage.keyOf(sf);
    let u = this.uses.get(k);
    if (!u) {
      u = { sf, chars: new Set() };
      this.uses.set(k, u);
    }
    for (const ch of text) u.chars.add(ch);
  }

  /** Entries sorted by key, characters sorted by code point: deterministic. */
  entries(): { sf: StyleFont; text: string }[] {
    return [...this.uses.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, u]) => ({
        sf: u.sf,
        text: [...u.chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join(''),
      }));
  }
}

/** GUID from the first 16 bytes of SHA-256 of the data. */
export function fontKeyFor(data: Uint8Array): string {
  const h = createHash('sha256').update(data).digest('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** §17.8.1 font obfuscation: XOR the first 32 bytes with the key's bytes in reverse order. */
export function obfuscateFont(data: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[-{}]/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  bytes.reverse();
  const out = new Uint8Array(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] ^= bytes[i % 16];
  return out;
}

/**
 * A subset's bytes and key, by the subsetter's result object (memoised there per face and
 * character set): every document of a build embeds the same objects, so the font parts
 * and their packed zip entries are made once, not hashed and copied per handout.
 */
const keyedSubsets = new WeakMap<Uint8Array, { data: Uint8Array; key: string }>();

function keyed(subset: Uint8Array): { data: Uint8Array; key: string } {
  let k = keyedSubsets.get(subset);
  if (!k) {
    const data = new Uint8Array(subset);
    k = { data, key: fontKeyFor(data) };
    keyedSubsets.set(subset, k);
  }
  return k;
}

/** What every document of a build embeds for a face: the whole collection's usage of it, and a common set. */
export interface BuildSets {
  /** The face's characters over the whole collection on this template (a compilation's usage). */
  readonly collection: FontUsage;
  /** Added to every face: ASCII, CJK punctuation, the template's literals, header texts. */
  readonly common: ReadonlySet<number>;
}

/**
 * Subsets every used face to its build-wide set (charset.ts, BuildSets) plus whatever this
 * document used beyond it, through the fonts module's memoised subsetter: the compilation
 * and every handout ask for the same set, so each face is subset once per build. Faces whose fsType
 * forbids embedding are left out with a warning; two faces competing for one family slot
 * keep the first (a warning names the other).
 */
export async function embedFaces(
  usage: FontUsage,
  warn: (d: Diagnostic) => void,
  build: BuildSets | null = null,
): Promise<EmbeddedFace[]> {
  const out: EmbeddedFace[] = [];
  const taken = new Map<string, string>();
  for (const { sf, text } of usage.entries()) {
    const slot = sf.bold ? 'bold' : 'regular';
    const slotKey = `${sf.family}\u0000${slot}`;
    if (sf.face.embedding === 'restricted') {
      warn({
        severity: 'warning',
        file: sf.face.file,
        line: 1,
        column: 1,
        message: `font "${sf.family}" forbids embedding (OS/2 fsType restricted): named in the DOCX but not embedded`,
      });
      continue;
    }
    const prior = taken.get(slotKey);
    if (prior !== undefined) {
      if (prior !== sf.face.key) {
        warn({
          severity: 'warning',
          file: sf.face.file,
          line: 1,
          column: 1,
          message: `two faces for "${sf.family}" ${slot}: only the first is embedded`,
        });
      }
      continue;
    }
    taken.set(slotKey, sf.face.key);
    const cps = new Set(build?.common ?? []);
    for (const ch of build?.collection.charsOf(sf) ?? []) cps.add(ch.codePointAt(0)!);
    for (const ch of text) cps.add(ch.codePointAt(0)!);
    const { data, key } = keyed(await subsetFont(sf.face, cps));
    out.push({ family: sf.family, slot, data, key, subsetted: !sf.face.noSubset });
  }
  return out;
}
