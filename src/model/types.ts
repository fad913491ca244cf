/**
 * The document model: what the sources mean, independent of any output format.
 *
 * Readers (src/sources/, src/import/) produce it; layout and the renderers read it.
 * Every type here is plain, readonly and JSON-serialisable, and every node keeps
 * the source position it came from so that later phases (font coverage, layout
 * warnings) can still point at `path:line:column`.
 *
 * Shape:
 *   Collection ─ pieces[] ─ blocks[] ─ inlines[]
 *              └ parts[]  (optional grouping of pieces into 篇, by piece number)
 */

/** A place in a source file. `line` and `column` are 1-based; `file` is as the user named it. */
export interface Pos {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Where a text value read from YAML stands. `pos` is its first character; when
 * `exact`, the value is written there character for character on one line, so the
 * column of its k-th UTF-16 unit is `pos.column + k`; otherwise (escapes, folded
 * lines) a problem inside it is reported at `pos`.
 */
export interface ValuePos {
  readonly pos: Pos;
  readonly exact: boolean;
}

// ---------------------------------------------------------------- inlines

/** Plain text. Soft line breaks are already resolved (joined with no space between Han characters). */
export interface TextInline {
  readonly kind: 'text';
  readonly text: string;
  readonly pos: Pos;
}

/** `**…**`: a run-in lead phrase (一、培育壮大数字产业集群。), 黑体 in official templates. */
export interface LeadInline {
  readonly kind: 'lead';
  readonly children: readonly Inline[];
  readonly pos: Pos;
}

/** `*…*`: emphasis, 楷体 in official templates. */
export interface EmphasisInline {
  readonly kind: 'emphasis';
  readonly children: readonly Inline[];
  readonly pos: Pos;
}

/** `~~…~~` (GFM strikethrough). */
export interface DeleteInline {
  readonly kind: 'delete';
  readonly children: readonly Inline[];
  readonly pos: Pos;
}

/** `` `code` ``: set in the body font, never broken inside. */
export interface CodeInline {
  readonly kind: 'code';
  readonly text: string;
  readonly pos: Pos;
}

/** `[text](url)`: text kept, the URL becomes a link annotation / hyperlink. */
export interface LinkInline {
  readonly kind: 'link';
  readonly url: string;
  readonly children: readonly Inline[];
  readonly pos: Pos;
}

/** `[^id]`: reference to a footnote of the same piece; `n` is its number within the piece (1, 2, …). */
export interface FootnoteRefInline {
  readonly kind: 'footnoteRef';
  readonly id: string;
  readonly n: number;
  readonly pos: Pos;
}

/** A hard line break (two trailing spaces or a backslash). */
export interface BreakInline {
  readonly kind: 'break';
  readonly pos: Pos;
}

export type Inline =
  TextInline | LeadInline | EmphasisInline | DeleteInline | CodeInline | LinkInline | FootnoteRefInline | BreakInline;

// ---------------------------------------------------------------- blocks

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly inlines: readonly Inline[];
  readonly pos: Pos;
}

/** `##`…`#####` inside a piece are levels 1…4 (一、/（一）/1./（1） are written in the text). */
/**
 * A node id the sources reader assigns (sources/handlers/context.ts NodeIds): `<piece id>/h<k>`
 * for a piece's k-th heading, `<piece id>/t<k>` for its k-th table, counted 1-based in the
 * order they are read (the body in source order, then the footnotes in number order). The
 * same sources always give the same ids; the layout's facts are keyed by them
 * (layout/facts.ts), so the DOCX finds a heading's page or a table's columns by id.
 */
export type NodeId = string;

export interface HeadingBlock {
  readonly kind: 'heading';
  readonly id: NodeId;
  readonly level: 1 | 2 | 3 | 4;
  readonly inlines: readonly Inline[];
  readonly pos: Pos;
}

export interface ListItem {
  readonly blocks: readonly Block[];
  /** GFM task list state, or null for an ordinary item. */
  readonly checked: boolean | null;
  readonly pos: Pos;
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  /** First number of an ordered list (1 unless the source says otherwise). */
  readonly start: number;
  /** Nesting depth, 1 for a top-level list. */
  readonly depth: number;
  readonly items: readonly ListItem[];
  readonly pos: Pos;
}

export interface QuoteBlock {
  readonly kind: 'quote';
  readonly blocks: readonly Block[];
  readonly pos: Pos;
}

export type CellAlign = 'left' | 'center' | 'right' | null;

export interface TableCell {
  readonly inlines: readonly Inline[];
  readonly pos: Pos;
}

/** GFM table. `rows[0]` is the header row. */
export interface TableBlock {
  readonly kind: 'table';
  readonly id: NodeId;
  readonly align: readonly CellAlign[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly pos: Pos;
}

/**
 * A PNG or JPEG image. `src` is relative to the collection folder (validated to stay inside it);
 * `widthPx`/`heightPx` are read from the file by the reader.
 */
export interface ImageBlock {
  readonly kind: 'image';
  readonly src: string;
  readonly format: 'png' | 'jpeg';
  readonly widthPx: number;
  readonly heightPx: number;
  readonly alt: string;
  /** Caption: the image title if given, else the alt text ('' for none). */
  readonly caption: string;
  readonly pos: Pos;
}

/** A fenced or indented code block: preformatted lines, set in the body font without justification. */
export interface CodeBlock {
  readonly kind: 'code';
  readonly lines: readonly string[];
  readonly pos: Pos;
}

/** `---`: a break between sections of a piece (space, or a page break if the template says so). */
export interface ThematicBreakBlock {
  readonly kind: 'thematicBreak';
  readonly pos: Pos;
}

export type Block =
  ParagraphBlock | HeadingBlock | ListBlock | QuoteBlock | TableBlock | ImageBlock | CodeBlock | ThematicBreakBlock;

/** A footnote definition `[^id]: …`, numbered in order of first reference within its piece. */
export interface Footnote {
  readonly id: string;
  readonly n: number;
  readonly blocks: readonly Block[];
  readonly pos: Pos;
}

// ---------------------------------------------------------------- pieces and collection

export interface Piece {
  /** Position in the compilation, 1-based, continuous across parts. */
  readonly n: number;
  /** Handout file id: front matter `id`, else the file name without extension. */
  readonly id: string;
  /** Source file, relative to the collection folder. */
  readonly file: string;
  /** The title on one line (explicit line breaks joined as soft breaks join). */
  readonly title: string;
  /** The title's lines when the source breaks it explicitly (`title: |`); absent otherwise. */
  readonly titleLines?: readonly string[];
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  /** role + author (西部科学城重庆高新区党工委书记张安疆), '' when neither is given. */
  readonly byline: string;
  /** ISO date (YYYY-MM-DD) or null. */
  readonly date: string | null;
  readonly blocks: readonly Block[];
  readonly footnotes: readonly Footnote[];
  /** Position of the front matter's `title` value. */
  readonly pos: Pos;
  /** Where each front matter field's value stands (absent for pieces not read from a file). */
  readonly fieldPos?: Readonly<Partial<Record<'title' | 'subtitle' | 'role' | 'author' | 'date' | 'id', ValuePos>>>;
}

/** A group of pieces (篇). `pieces` holds the numbers (`Piece.n`) of its pieces, in order. */
export interface Part {
  readonly title: string;
  readonly pieces: readonly number[];
  readonly pos: Pos;
}

export interface Banner {
  readonly headline: string | null;
  readonly name: string;
  readonly source: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  readonly date: string | null;
  /** The provenance line as printed: “（重庆日报，2023年10月24日）”, or null when neither source nor date is given. */
  readonly provenance: string | null;
  readonly pos: Pos;
  /** Where each banner field's value stands in collection.yaml. */
  readonly fieldPos?: Readonly<Partial<Record<'headline' | 'name' | 'source' | 'date', ValuePos>>>;
}

export interface Collection {
  /** Folder name of the collection (chongqing-2023-10): the output folder's name. */
  readonly id: string;
  /** Absolute path of the collection folder. */
  readonly dir: string;
  /** The title on one line (explicit line breaks joined as soft breaks join). */
  readonly title: string;
  /** The title's lines when collection.yaml breaks it explicitly (`title: |`); absent otherwise. */
  readonly titleLines?: readonly string[];
  readonly showCount: boolean;
  readonly banner: Banner | null;
  /** Template name or path as written in collection.yaml (default `compilation`); null = default. */
  readonly template: string | null;
  readonly lang: string;
  /** Every piece in compilation order. */
  readonly pieces: readonly Piece[];
  /** Empty when the collection uses `pieces:` rather than `parts:`. */
  readonly parts: readonly Part[];
  readonly pos: Pos;
  /** Where each collection.yaml value stands (`title`, `template`, …). */
  readonly fieldPos?: Readonly<Partial<Record<'title' | 'template', ValuePos>>>;
}
