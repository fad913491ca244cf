/**
 * Word body blocks → huibian Markdown (the source format's conventions): a bold or
 * 黑体 run → `**lead**`, an italic or 楷体 run → `*emphasis*` (fonts count only where
 * they differ from the body's own font); heading styles and whole short bold/黑体
 * paragraphs → `##`…`#####`; Chinese automatic numbers (一、（一）) → their literal
 * text, bullet and decimal lists → Markdown lists; tables → GFM tables; footnotes →
 * `[^n]`; images → files under `images/`. Sizes, colours and other fonts are dropped.
 */
import { cpLength, endsSentence, enumeratorLevel, SENTENCE_PUNCT } from '../chars.js';
import { escapeMarkdown } from '../inline.js';
import { runFontClass, type FontClass } from './fonts.js';
import type { RunFormat } from './formatting.js';
import type { Block, Inline, ParagraphBlock, TableBlock } from './read.js';

/** Longest paragraph (code points) taken as a heading when it is wholly bold or 黑体. */
const HEADING_MAX = 40;

export interface ImageOut {
  /** Path relative to the collection folder (images/…). */
  readonly path: string;
  readonly read: () => Promise<Buffer>;
}

export interface BodyContext {
  /** Font class of most of the body's text: a run in it is not marked. */
  readonly bodyFont: FontClass;
  /** Added to heading-style levels so that the shallowest lands on `##`. */
  readonly headingShift: number;
  /** File-name stem for images (the piece id). */
  readonly imageStem: string;
}

interface Marks {
  readonly strong: boolean;
  readonly emph: boolean;
}

export type LabelKind = 'literal' | 'bullet' | 'ordered';

const DECIMAL_FORMATS = new Set(['decimal', 'decimalZero', 'decimalFullWidth', 'decimalFullWidth2']);

/** How an automatic number is written: as its text (一、 （一）), or as a Markdown list. */
export function labelKind(format: string, text: string): LabelKind {
  if (format === 'bullet') return 'bullet';
  if (DECIMAL_FORMATS.has(format) && /^\s*[\d０-９]+[.)．）]?\s*$/u.test(text)) return 'ordered';
  return 'literal';
}

/** Heading level 1–5 a paragraph style name gives (heading 1 / 标题 1 / Heading1), or 0. */
export function styleHeadingLevel(name: string | null): number {
  const m = name === null ? null : /^(?:heading|标题)\s*([1-9])$/iu.exec(name.trim());
  return m ? Number(m[1]) : 0;
}

export function marksOf(f: RunFormat | null, body: FontClass): Marks {
  const cls = runFontClass(f);
  return {
    strong: (f?.bold ?? false) || (cls === 'hei' && body !== 'hei'),
    emph: (f?.italic ?? false) || (cls === 'kai' && body !== 'kai'),
  };
}

/** The paragraph's visible text: its literal automatic number, then its runs. */
export function paragraphText(p: ParagraphBlock): string {
  const label =
    p.info?.label && labelKind(p.info.label.format, p.info.label.text) === 'literal' ? p.info.label.text : '';
  return (label + inlineText(p.inlines)).trim();
}

export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : i.kind === 'link' ? inlineText(i.children) : '')).join('');
}

/** Largest run size in a paragraph (half-points), 0 when none is set. */
export function paragraphSize(p: ParagraphBlock): number {
  let max = 0;
  for (const i of p.inlines)
    if (i.kind === 'text' && i.text.trim() !== '') max = Math.max(max, i.format?.sizeHalfPt ?? 0);
  return max;
}

/** Trim whitespace (including U+3000 indents typed by hand) from the ends of a text run list. */
function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const edit = (k: number, f: (s: string) => string) => {
    const i = out[k];
    if (i.kind === 'text') out[k] = { ...i, text: f(i.text) };
  };
  while (out.length > 0 && out[0].kind === 'text') {
    edit(0, (s) => s.replace(/^[\s\u3000]+/u, ''));
    if ((out[0] as { text: string }).text !== '') break;
    out.shift();
  }
  while (out.length > 0 && out[out.length - 1].kind === 'text') {
    edit(out.length - 1, (s) => s.replace(/[\s\u3000]+$/u, ''));
    if ((out[out.length - 1] as { text: string }).text !== '') break;
    out.pop();
  }
  return out;
}

/** Wrap escaped text in the delimiters of its marks, whitespace kept outside them. */
function wrap(text: string, marks: Marks, atStart: boolean): string {
  if (!marks.strong && !marks.emph) return escapeMarkdown(text, atStart);
  const m = /^([\s\u3000]*)([\s\S]*?)([\s\u3000]*)$/u.exec(text)!;
  if (m[2] === '') return text;
  const d = marks.strong && marks.emph ? '***' : marks.strong ? '**' : '*';
  return `${m[1]}${d}${escapeMarkdown(m[2], false)}${d}${m[3]}`;
}

export class BodyWriter {
  readonly images: ImageOut[] = [];
  /** Content types of pictures left out (huibian prints PNG and JPEG only). */
  readonly skipped: string[] = [];
  private readonly notes: string[] = [];

  constructor(private readonly ctx: BodyContext) {}

  /** Inline Markdown of a run list; `lead` is text put before the first run with its marks (a literal number). */
  inlines(inlines: readonly Inline[], lead = '', blockStart = true): string {
    let out = '';
    let pending: { text: string; marks: Marks } | null = null;
    const flush = () => {
      if (pending) out += wrap(pending.text, pending.marks, blockStart && out === '');
      pending = null;
    };
    const firstText = inlines.find((i) => i.kind === 'text');
    const all: Inline[] =
      lead !== ''
        ? [{ kind: 'text', text: lead, format: firstText?.kind === 'text' ? firstText.format : null }, ...inlines]
        : [...inlines];
    for (const i of trimInlines(all)) {
      if (i.kind === 'text') {
        const marks = marksOf(i.format, this.ctx.bodyFont);
        if (pending && pending.marks.strong === marks.strong && pending.marks.emph === marks.emph)
          pending.text += i.text;
        else {
          flush();
          pending = { text: i.text, marks };
        }
        continue;
      }
      flush();
      switch (i.kind) {
        case 'break':
          out += '\\\n';
          break;
        case 'note':
          this.notes.push(
            i.blocks.map((b) => (b.kind === 'paragraph' ? this.inlines(b.inlines) : this.table(b))).join(' '),
          );
          out += `[^${this.notes.length}]`;
          break;
        case 'image': {
          if (i.contentType !== 'image/png' && i.contentType !== 'image/jpeg') {
            this.skipped.push(i.contentType ?? 'unknown type');
            break;
          }
          const ext = i.contentType === 'image/jpeg' ? 'jpg' : 'png';
          const path = `images/${this.ctx.imageStem}-${this.images.length + 1}.${ext}`;
          this.images.push({ path, read: i.read });
          out += `![${escapeMarkdown(i.alt ?? '', false)}](${path})`;
          break;
        }
        case 'link':
          out += `[${this.inlines(i.children)}](${i.href.replace(/[()\s]/g, encodeURIComponent)})`;
          break;
      }
    }
    flush();
    return out;
  }

  /** Heading level (1–4 inside the piece) of a paragraph, or 0. */
  headingLevel(p: ParagraphBlock, text: string): number {
    const styled = styleHeadingLevel(p.info?.format.styleName ?? null);
    if (styled > 0) return Math.min(4, Math.max(1, styled - 1 + this.ctx.headingShift));
    if (text === '' || cpLength(text) > HEADING_MAX || endsSentence(text) || /[。！？]$/u.test(text)) return 0;
    const texts = p.inlines.filter((i) => i.kind === 'text' && i.text.trim() !== '');
    const wholeStrong =
      texts.length > 0 && texts.every((i) => i.kind === 'text' && marksOf(i.format, this.ctx.bodyFont).strong);
    const level = enumeratorLevel(text);
    if (wholeStrong) return level || 1;
    if (level > 0 && !SENTENCE_PUNCT.test(text)) return level;
    return 0;
  }

  table(t: TableBlock): string {
    const grid: string[][] = [];
    const taken: boolean[][] = [];
    t.rows.forEach((row, r) => {
      grid[r] ??= [];
      taken[r] ??= [];
      let c = 0;
      for (const cell of row.cells) {
        while (taken[r][c]) c++;
        const text = cell.blocks
          .map((b) => (b.kind === 'paragraph' ? this.inlines(b.inlines, literalLabel(b), false) : ''))
          .filter((s) => s !== '')
          .join(' ')
          .replace(/\\\n/g, ' ')
          .replace(/\|/g, '\\|');
        for (let dr = 0; dr < cell.rowSpan; dr++) {
          for (let dc = 0; dc < cell.colSpan; dc++) {
            grid[r + dr] ??= [];
            taken[r + dr] ??= [];
            grid[r + dr][c + dc] = dr === 0 && dc === 0 ? text : '';
            taken[r + dr][c + dc] = true;
          }
        }
        c += cell.colSpan;
      }
    });
    const width = Math.max(1, ...grid.map((r) => r.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, k) => cells[k] ?? '').join(' | ')} |`;
    return [line(grid[0] ?? []), line(Array(width).fill('---')), ...grid.slice(1).map(line)].join('\n');
  }

  /** The body: blocks separated by blank lines, list items by single lines, footnote definitions last. */
  blocks(blocks: readonly Block[]): string {
    const out: string[] = [];
    let list: string[] | null = null;
    let listId: string | null = null;
    const endList = () => {
      if (list) out.push(list.join('\n'));
      list = null;
    };
    for (const b of blocks) {
      if (b.kind === 'table') {
        endList();
        if (b.rows.length > 0) out.push(this.table(b));
        continue;
      }
      const label = b.info?.label ?? null;
      const kind = label ? labelKind(label.format, label.text) : 'literal';
      if (label && kind !== 'literal') {
        // A list of another numbering starts a new Markdown list.
        if (list && label.level === 0 && label.numId !== listId) endList();
        listId = label.level === 0 ? label.numId : listId;
        const indent = ' '.repeat((kind === 'ordered' ? 3 : 2) * label.level);
        const marker =
          kind === 'ordered'
            ? `${/\d+/.exec(label.text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))?.[0] ?? '1'}.`
            : '-';
        list ??= [];
        list.push(`${indent}${marker} ${this.inlines(b.inlines)}`);
        continue;
      }
      endList();
      const text = paragraphText(b);
      if (text === '' && !b.inlines.some((i) => i.kind === 'image')) continue;
      const level = this.headingLevel(b, text);
      if (level > 0) out.push(`${'#'.repeat(level + 1)} ${escapeMarkdown(text, false)}`);
      else out.push(this.inlines(b.inlines, literalLabel(b)));
    }
    endList();
    if (this.notes.length > 0) out.push(this.notes.map((n, k) => `[^${k + 1}]: ${n}`).join('\n'));
    return out.join('\n\n');
  }
}

function literalLabel(p: ParagraphBlock): string {
  const l = p.info?.label;
  return l && labelKind(l.format, l.text) === 'literal' ? l.text : '';
}
