/**
 * A Word file read with mammoth (paragraphs, runs, tables, footnotes, images, links,
 * tracked insertions accepted and deletions dropped) into the importer's block tree,
 * each paragraph and run joined to the formatting annotate.ts resolved for it through
 * the markers mammoth carried through.
 */
import mammoth from 'mammoth';
import {
  annotate,
  paragraphMark,
  runMark,
  type Annotated,
  type HiddenText,
  type ParaInfo,
  type RunInfo,
} from './annotate.js';
import type { RunFormat } from './formatting.js';
import { WordPackage } from './package.js';

export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly format: RunFormat | null }
  | { readonly kind: 'break' }
  | { readonly kind: 'note'; readonly blocks: readonly Block[] }
  | {
      readonly kind: 'image';
      readonly alt: string | null;
      readonly contentType: string | null;
      readonly read: () => Promise<Buffer>;
      readonly format: RunFormat | null;
    }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] };

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly info: ParaInfo | null;
  readonly inlines: readonly Inline[];
}

export interface TableCell {
  readonly blocks: readonly Block[];
  readonly colSpan: number;
  readonly rowSpan: number;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly rows: readonly { readonly cells: readonly TableCell[]; readonly header: boolean }[];
}

export type Block = ParagraphBlock | TableBlock;

export interface WordDocument {
  readonly blocks: readonly Block[];
  /** Tracked deletions, field instructions, comments, headers and footers. */
  readonly hidden: readonly HiddenText[];
  /** mammoth's warnings about content it did not read. */
  readonly warnings: readonly string[];
}

/** mammoth's document elements (lib/documents.js), as far as they are read here. */
interface MElement {
  readonly type: string;
  readonly children?: MElement[];
  readonly value?: string;
  readonly alignment?: string | null;
  readonly font?: string | null;
  readonly href?: string;
  readonly anchor?: string;
  readonly noteType?: string;
  readonly noteId?: string;
  readonly altText?: string;
  readonly contentType?: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly isHeader?: boolean;
  readAsBuffer?: () => Promise<Buffer>;
}

interface MDocument {
  readonly children: MElement[];
  readonly notes: { resolve(ref: { noteType: string; noteId: string }): { body: MElement[] } | null };
}

class Converter {
  constructor(
    private readonly ann: Annotated,
    private readonly doc: MDocument,
  ) {}

  private runFormat(font: string | null | undefined): RunFormat | null {
    const i = runMark(font ?? null);
    return i >= 0 ? (this.ann.runs[i] as RunInfo).format : null;
  }

  inlines(els: readonly MElement[], format: RunFormat | null): Inline[] {
    const out: Inline[] = [];
    for (const e of els) {
      switch (e.type) {
        case 'run':
          out.push(...this.inlines(e.children ?? [], this.runFormat(e.font)));
          break;
        case 'text':
          if (e.value) out.push({ kind: 'text', text: e.value, format });
          break;
        case 'tab':
          out.push({ kind: 'text', text: ' ', format });
          break;
        case 'break':
          out.push({ kind: 'break' });
          break;
        case 'hyperlink': {
          const children = this.inlines(e.children ?? [], format);
          if (e.href && /^(?:https?|mailto):/i.test(e.href)) out.push({ kind: 'link', href: e.href, children });
          else out.push(...children);
          break;
        }
        case 'noteReference': {
          const note = this.doc.notes.resolve({ noteType: e.noteType ?? 'footnote', noteId: e.noteId ?? '' });
          out.push({ kind: 'note', blocks: note ? this.blocks(note.body) : [] });
          break;
        }
        case 'image':
          out.push({
            kind: 'image',
            alt: e.altText ?? null,
            contentType: e.contentType ?? null,
            read: () => e.readAsBuffer!(),
            format,
          });
          break;
        case 'checkbox':
          out.push({ kind: 'text', text: (e as { checked?: boolean }).checked ? '☑' : '☐', format });
          break;
        default:
          // bookmarks and comment references carry no text
          if (e.children) out.push(...this.inlines(e.children, format));
      }
    }
    return out;
  }

  blocks(els: readonly MElement[]): Block[] {
    const out: Block[] = [];
    for (const e of els) {
      if (e.type === 'paragraph') {
        const i = paragraphMark(e.alignment ?? null);
        out.push({
          kind: 'paragraph',
          info: i >= 0 ? this.ann.paras[i] : null,
          inlines: this.inlines(e.children ?? [], null),
        });
      } else if (e.type === 'table') {
        const rows = (e.children ?? []).map((row) => ({
          header: row.isHeader === true,
          cells: (row.children ?? []).map((c) => ({
            blocks: this.blocks(c.children ?? []),
            colSpan: c.colSpan ?? 1,
            rowSpan: c.rowSpan ?? 1,
          })),
        }));
        out.push({ kind: 'table', rows });
      } else if (e.children) {
        out.push(...this.blocks(e.children));
      }
    }
    return out;
  }
}

/** Read a Word (.docx) file. Throws when the bytes are not a Word package. */
export async function readWord(bytes: Uint8Array): Promise<WordDocument> {
  const pkg = WordPackage.open(bytes);
  const ann = annotate(pkg);
  let captured: MDocument | null = null;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(ann.bytes) },
    {
      transformDocument: (d: MDocument) => {
        captured = d;
        // Nothing is converted to HTML: the tree is all that is used.
        return { ...d, children: [] };
      },
    },
  );
  if (!captured) throw new Error('mammoth returned no document');
  const conv = new Converter(ann, captured);
  return {
    blocks: conv.blocks((captured as MDocument).children),
    hidden: ann.hidden,
    warnings: result.messages.map((m) => m.message).filter((m) => !/^Unrecognised (?:paragraph|run) style/.test(m)),
  };
}
