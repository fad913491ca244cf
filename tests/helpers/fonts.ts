/**
 * The real font book for tests that render with real glyphs: the shipped template's font
 * roles resolved by src/fonts `loadFontBook` against the npm defaults only (no system
 * fonts, so every machine gets the same faces), loaded once per template per test file.
 */
import { loadFontBook, type FontBook, type FontFace } from '../../src/fonts/index.js';
import type { FontRole, ResolvedTemplate } from '../../src/template/index.js';

const books = new Map<ResolvedTemplate, Promise<FontBook>>();

/** The book `template` gets on a machine with no system fonts, from `projectDir`'s fonts/ and the npm defaults. */
export function npmFontBook(template: ResolvedTemplate, projectDir: string): Promise<FontBook> {
  let book = books.get(template);
  if (!book) {
    book = loadFontBook(template, { projectDir, systemFonts: false }).then((r) => r.book);
    books.set(template, book);
  }
  return book;
}

/** `face` as if its licence forbade embedding (OS/2 fsType 2): same file and metrics, another key. */
export function restrictedCopy(face: FontFace, key: string): FontFace {
  return Object.create(face, {
    key: { value: key },
    embedding: { value: 'restricted' },
  }) as FontFace;
}

/** `book` with the chains of the roles in `faces` replaced by that one face. */
export function withFaces(book: FontBook, faces: Partial<Record<FontRole, FontFace>>): FontBook {
  const all = new Map(book.faces);
  for (const f of Object.values(faces)) all.set(f.key, f);
  return {
    chain: (role, bold) => {
      const f = faces[role];
      return f ? [f] : book.chain(role, bold);
    },
    faceFor: (role, bold, cp) => {
      const f = faces[role];
      return f ? (f.hasGlyph(cp) ? f : null) : book.faceFor(role, bold, cp);
    },
    faces: all,
    report: book.report,
  };
}
