/**
 * Glyph coverage before layout (README “Fonts”): every character of every run is checked
 * against the faces of its role, so that no page ever shows a blank box.
 *
 * Each run takes the style layout will give it (the same mapping as
 * layout/spans.ts and layout/handlers/): body text → styles.body, `**…**` →
 * styles.lead, `*…*` → styles.emphasis, `##`… → heading1–4, list items →
 * listItem, block quotes → quote, tables → tableHeader/tableText, captions,
 * code, footnotes, and the furniture (titles, banner, contents, page numbers,
 * running header) in theirs.
 *
 * - drawn by the role's first face: fine;
 * - drawn only by a later face of the chain: one warning per role listing the
 *   characters and where they stand (a fallback font changes the look);
 * - drawn by no face: an error at the character's exact position,
 *   `𠀾 (U+2003E) has no glyph in any font of role body (Noto Serif SC, …)`.
 *
 * Columns count UTF-16 code units from the text node's first character, as
 * remark/micromark positions do. Whitespace, controls, format characters and
 * variation selectors need no glyph.
 */
import { Diagnostics } from '../model/diagnostics.js';
import { fillPattern, headerFields, listMarker, pieceFields } from '../model/placeholders.js';
import type { Block, Collection, Inline, Pos, ValuePos } from '../model/types.js';
import type { ResolvedTemplate, Style } from '../template/index.js';
import { THEMATIC_BREAK_MARK } from '../template/index.js';
import type { FontBook, FontFace } from './types.js';

/** Characters that are never drawn as glyphs. */
const NO_GLYPH = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;

export function needsGlyph(ch: string): boolean {
  return !NO_GLYPH.test(ch);
}

/** `needsGlyph` by code point, remembered (the check asks once per character of the collection). */
const glyphNeededCache = new Map<number, boolean>();
function glyphNeeded(cp: number): boolean {
  let need = glyphNeededCache.get(cp);
  if (need === undefined) {
    need = needsGlyph(String.fromCodePoint(cp));
    glyphNeededCache.set(cp, need);
  }
  return need;
}

/** U+2003E style code point label. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The style of an inline's children inside a run of `current` style (mirrors layout/spans.ts). */
export function inlineStyle(kind: Inline['kind'], current: Style, t: ResolvedTemplate): Style {
  if (kind === 'lead') return t.styles.lead;
  if (kind === 'emphasis') return t.styles.emphasis;
  if (kind === 'code') return t.styles.code;
  if (kind === 'footnoteRef') return t.styles.footnoteRef;
  return current;
}

interface Fallback {
  readonly first: FontFace;
  readonly chars: Map<number, { pos: Pos; face: FontFace; label: string }>;
}

class Checker {
  readonly diags = new Diagnostics();
  private readonly fallbacks = new Map<string, Fallback>();
  private readonly errorsAt = new Set<string>();

  constructor(
    private readonly book: FontBook,
    readonly t: ResolvedTemplate,
  ) {}

  /**
   * Checks `text` set in `style`. `exact`: `pos` is the first character's position and
   * columns advance along the text; otherwise every character is reported at `pos`
   * with `label` (e.g. “in the subtitle”) to say which field it is in.
   */
  text(text: string, style: Style, pos: Pos, exact: boolean, label = ''): void {
    let line = pos.line;
    let column = pos.column;
    const first = this.book.chain(style.font, style.bold)[0];
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i)!;
      const units = cp > 0xffff ? 2 : 1;
      const at = column;
      i += units;
      if (cp === 0x0a) {
        line++;
        column = 1;
        continue;
      }
      column += units;
      // Most characters are drawn by the role's first face: settled without a position or a string.
      if (!glyphNeeded(cp) || first.hasGlyph(cp)) continue;
      const here: Pos = exact ? { file: pos.file, line, column: at } : pos;
      this.char(cp, String.fromCodePoint(cp), style, here, exact ? '' : label);
    }
  }

  /**
   * Checks a YAML field's value: at its characters' own columns when the value is
   * written verbatim (`at.exact`), else every character at the value's start (or at
   * `fallback` when the position is unknown) with `label`.
   */
  field(text: string, style: Style, at: ValuePos | undefined, fallback: Pos, label: string): void {
    if (at?.exact) this.text(text, style, at.pos, true);
    else this.text(text, style, at?.pos ?? fallback, false, label);
  }

  private char(cp: number, ch: string, style: Style, pos: Pos, label: string): void {
    const chain = this.book.chain(style.font, style.bold);
    const face = this.book.faceFor(style.font, style.bold, cp);
    const role = style.font;
    if (face === null) {
      const k = `${pos.file}:${pos.line}:${pos.column}:${cp}`;
      if (this.errorsAt.has(k)) return;
      this.errorsAt.add(k);
      const families = chain.map((f) => f.family).join(', ');
      this.diags.error(
        pos,
        `${ch} (${codePointLabel(cp)}) has no glyph in any font of role ${role} (${families})${label ? ` ${label}` : ''}`,
      );
      return;
    }
    const key = `${role}/${style.bold ? 'bold' : 'regular'}`;
    let fb = this.fallbacks.get(key);
    if (!fb) {
      fb = { first: chain[0], chars: new Map() };
      this.fallbacks.set(key, fb);
    }
    if (!fb.chars.has(cp)) fb.chars.set(cp, { pos, face, label });
  }

  inlines(inlines: readonly Inline[], style: Style): void {
    for (const node of inlines) {
      switch (node.kind) {
        case 'text':
          this.text(node.text, style, node.pos, true);
          break;
        case 'code':
          this.text(node.text, this.t.styles.code, node.pos, true);
          break;
        case 'lead':
        case 'emphasis':
        case 'delete':
        case 'link':
          this.inlines(node.children, inlineStyle(node.kind, style, this.t));
          break;
        case 'footnoteRef':
          this.text(String(node.n), this.t.styles.footnoteRef, node.pos, false, `in footnote reference [^${node.id}]`);
          break;
        case 'break':
          break;
      }
    }
  }

  blocks(blocks: readonly Block[], paraStyle: Style): void {
    const s = this.t.styles;
    for (const block of blocks) {
      switch (block.kind) {
        case 'paragraph':
          this.inlines(block.inlines, paraStyle);
          break;
        case 'heading':
          this.inlines(block.inlines, s[`heading${block.level}`]);
          // Headings down to contents.headingLevels are listed in the contents too.
          if (block.level <= this.t.contents.headingLevels) this.inlines(block.inlines, s.contentsEntry);
          break;
        case 'list':
          block.items.forEach((item, i) => {
            const marker = listMarker(this.t.list, block, i);
            this.text(marker, s.listItem, item.pos, false, 'in the list marker (template)');
            this.blocks(item.blocks, s.listItem);
          });
          break;
        case 'quote':
          this.blocks(block.blocks, s.quote);
          break;
        case 'table':
          block.rows.forEach((row, r) =>
            row.forEach((cell) => this.inlines(cell.inlines, r === 0 ? s.tableHeader : s.tableText)),
          );
          break;
        case 'image':
          if (block.caption) this.text(block.caption, s.caption, block.pos, false, 'in the image caption');
          break;
        case 'code':
          block.lines.forEach((l, i) =>
            this.text(l, s.code, { file: block.pos.file, line: block.pos.line + 1 + i, column: 1 }, true),
          );
          break;
        case 'thematicBreak':
          if (this.t.thematicBreak === 'space')
            this.text(THEMATIC_BREAK_MARK, s.body, block.pos, false, 'in the section break mark');
          break;
      }
    }
  }

  /** The fallback warnings, one per role and weight, at the first character's position. */
  flush(): void {
    for (const [key, fb] of this.fallbacks) {
      const list = [...fb.chars.entries()];
      const shown = list
        .slice(0, 12)
        .map(
          ([cp, c]) =>
            `${String.fromCodePoint(cp)} (${codePointLabel(cp)}, from ${c.face.family}) at ${c.pos.file}:${c.pos.line}:${c.pos.column}${c.label ? ` ${c.label}` : ''}`,
        )
        .join('; ');
      const more = list.length > 12 ? `; and ${list.length - 12} more` : '';
      this.diags.warning(
        list[0][1].pos,
        `${list.length} character${list.length === 1 ? '' : 's'} of role ${key.replace('/regular', '')} not in ${fb.first.family}, set in a fallback font: ${shown}${more}`,
      );
    }
  }
}

/** Checks every character of `collection` against the faces of its role. Errors and warnings, none thrown. */
export function checkCoverage(collection: Collection, template: ResolvedTemplate, book: FontBook): Diagnostics {
  const c = new Checker(book, template);
  const s = template.styles;
  const tpos: Pos = { file: template.file, line: 1, column: 1 };
  const count = collection.pieces.length;

  // Contents page and furniture.
  const suffix = collection.showCount ? fillPattern(template.contents.countSuffix, { count }) : '';
  const cf = collection.fieldPos ?? {};
  c.field(collection.title, s.compilationTitle, cf.title, collection.pos, 'in the collection title');
  if (suffix) c.text(suffix, s.compilationTitle, tpos, false, 'in contents.countSuffix');
  c.text(template.contents.title, s.contentsTitle, tpos, false, 'in contents.title');
  c.text(template.contents.leader, s.contentsEntry, tpos, false, 'in contents.leader');
  c.text('0123456789', s.contentsEntry, tpos, false, 'in the contents page numbers');
  c.text(
    fillPattern(template.pageNumber.format, { n: '0123456789' }),
    s.pageNumber,
    tpos,
    false,
    'in pageNumber.format',
  );
  for (const part of collection.parts) {
    c.text(part.title, s.contentsPart, part.pos, false, 'in the part title');
    c.text(part.title, s.partTitle, part.pos, false, 'in the part title');
  }
  if (collection.banner) {
    const b = collection.banner;
    const bf = b.fieldPos ?? {};
    if (b.headline) c.field(b.headline, s.bannerHeadline, bf.headline, b.pos, 'in banner.headline');
    // The banner name defaults to the collection title, and is checked where it was written.
    if (bf.name) c.field(b.name, s.bannerName, bf.name, b.pos, 'in banner.name');
    else c.field(b.name, s.bannerName, cf.title, b.pos, 'in banner.name');
    if (b.provenance) {
      // The provenance line is the source and the date in the template's punctuation: the
      // source's characters at its value, the line's own (brackets, 年月日, digits) at the banner.
      if (b.source) c.field(b.source, s.bannerSource, bf.source, b.pos, 'in banner.source');
      const own = b.source === null ? b.provenance : b.provenance.replace(b.source, '');
      c.text(own, s.bannerSource, bf.date?.pos ?? b.pos, false, 'in banner.source/date');
    }
  }

  for (const p of collection.pieces) {
    const values = pieceFields(p);
    const literals = (pattern: string): string => pattern.replace(/\{\w+\}/gu, '');
    // Piece fields where layout sets them; the template's literals once, at the template.
    // Each front matter field at its own value; the byline is role then author, checked apart.
    const f = p.fieldPos ?? {};
    const title = f.title ?? { pos: p.pos, exact: true };
    c.field(p.title, s.pieceTitle, title, p.pos, 'in the title');
    if (p.subtitle) c.field(p.subtitle, s.subtitle, f.subtitle, p.pos, 'in the subtitle');
    if (p.role) c.field(p.role, s.byline, f.role, p.pos, 'in the byline (role)');
    if (p.author) c.field(p.author, s.byline, f.author, p.pos, 'in the byline (author)');
    if (p.byline && p.role === null && p.author === null) c.text(p.byline, s.byline, p.pos, false, 'in the byline');
    c.field(p.title, s.contentsEntry, title, p.pos, 'in the title, in the contents');
    if (p.role) c.field(p.role, s.contentsEntry, f.role, p.pos, 'in the byline (role), in the contents');
    if (p.author) c.field(p.author, s.contentsEntry, f.author, p.pos, 'in the byline (author), in the contents');
    if (p.subtitle && template.contents.subtitleLine)
      c.field(p.subtitle, s.contentsEntry, f.subtitle, p.pos, 'in the subtitle, in the contents');
    c.text(String(values.n), s.contentsEntry, tpos, false, 'in contents.entry');
    for (const pat of [template.contents.entry, template.contents.entryTitle, template.contents.subtitleLine]) {
      c.text(literals(pat), s.contentsEntry, tpos, false, 'in the contents entry pattern');
    }
    if (template.header?.text) {
      // The pattern's own characters at the template, each value filled in where it was written.
      const pattern = template.header.text;
      c.text(literals(pattern), s.header, tpos, false, 'in header.text');
      if (pattern.includes('{collection}'))
        c.field(collection.title, s.header, cf.title, collection.pos, 'in the collection title, in header.text');
      if (pattern.includes('{title}')) c.field(p.title, s.header, title, p.pos, 'in the title, in header.text');
      const source = collection.banner?.source;
      if (source && pattern.includes('{source}'))
        c.field(
          source,
          s.header,
          collection.banner?.fieldPos?.source,
          collection.banner!.pos,
          'in banner.source, in header.text',
        );
      const date = headerFields(collection, p).date;
      if (date && pattern.includes('{date}'))
        c.text(
          date,
          s.header,
          (p.date ? f.date : collection.banner?.fieldPos?.date)?.pos ?? tpos,
          false,
          'in the date, in header.text',
        );
    }
    c.blocks(p.blocks, s.body);
    for (const note of p.footnotes) {
      c.text(`${note.n}`, s.footnote, note.pos, false, `in footnote [^${note.id}]`);
      c.blocks(note.blocks, s.footnote);
    }
  }
  c.flush();
  return c.diags;
}
