/**
 * A resolved template: every layout decision, with every length already in points.
 *
 * `templates/<name>.yaml` is parsed and validated by `src/template/load.ts`, which
 * converts units (mm, pt, em, 字号 names such as 三号) exactly once, here and
 * nowhere else. Layout and the renderers read only this shape; no layout number
 * lives in their code.
 */

/** Font roles (README “Fonts”). */
export type FontRole = 'title' | 'body' | 'hei' | 'kai' | 'song';
export const FONT_ROLES: readonly FontRole[] = ['title', 'body', 'hei', 'kai', 'song'];

/** One candidate font for a role: a family name (any language the font's name table carries) and a weight. */
export interface FontCandidate {
  readonly family: string;
  /** CSS-like weight, 100…900 (400 regular, 700 bold, 900 black). */
  readonly weight: number;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

/** Line-start/line-end prohibition strictness (docs/typography.md “Punctuation classes”). */
export type Kinsoku = 'none' | 'basic' | 'gb' | 'strict';

/** The styled elements of a compilation. Each maps to a named DOCX style (render/docx/styles.ts). */
export type StyleName =
  | 'compilationTitle'
  | 'contentsTitle'
  | 'contentsPart'
  | 'contentsEntry'
  | 'bannerHeadline'
  | 'bannerName'
  | 'bannerSource'
  | 'partTitle'
  | 'pieceTitle'
  | 'subtitle'
  | 'byline'
  | 'body'
  | 'lead'
  | 'emphasis'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'listItem'
  | 'quote'
  | 'tableText'
  | 'tableHeader'
  | 'caption'
  | 'code'
  | 'footnote'
  | 'footnoteRef'
  | 'pageNumber'
  | 'header';

export const STYLE_NAMES: readonly StyleName[] = [
  'compilationTitle',
  'contentsTitle',
  'contentsPart',
  'contentsEntry',
  'bannerHeadline',
  'bannerName',
  'bannerSource',
  'partTitle',
  'pieceTitle',
  'subtitle',
  'byline',
  'body',
  'lead',
  'emphasis',
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'listItem',
  'quote',
  'tableText',
  'tableHeader',
  'caption',
  'code',
  'footnote',
  'footnoteRef',
  'pageNumber',
  'header',
];

/** A fully resolved paragraph/character style. All lengths in pt. */
export interface Style {
  readonly font: FontRole;
  readonly sizePt: number;
  /** Line pitch (baseline to baseline), exact; the DOCX uses it as `lineRule="exact"`. */
  readonly linePt: number;
  readonly align: Align;
  readonly bold: boolean;
  readonly italic: boolean;
  /** First-line indent (2 em of the style's size for body text); negative = hanging. */
  readonly firstIndentPt: number;
  readonly leftIndentPt: number;
  readonly rightIndentPt: number;
  readonly spaceBeforePt: number;
  readonly spaceAfterPt: number;
  /** Added to every character advance (negative condenses: −0.25 pt for the 28-character grid). */
  readonly letterSpacingPt: number;
  /** Never the last line on a page: keep with the next paragraph's first lines. */
  readonly keepWithNext: boolean;
}

export interface PageGeometry {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly marginTopPt: number;
  readonly marginBottomPt: number;
  readonly marginLeftPt: number;
  readonly marginRightPt: number;
}

/** Optional line/character grid (GB/T 9704: 22 lines × 28 characters). */
export interface Grid {
  readonly lines: number;
  readonly chars: number;
  /** Baseline-to-baseline pitch: type-area height / lines (28.95 pt for official… rounded to whole twips). */
  readonly linePitchPt: number;
  /** Character pitch of body text: type-area width / chars, at most the body size (15.75 pt for official). */
  readonly charPitchPt: number;
}

export interface ContentsSpec {
  /** “目录”. */
  readonly title: string;
  /** Entry first line, e.g. `{n}．{byline}：` (placeholders: n, byline, role, author, title, subtitle). */
  readonly entry: string;
  /** Entry second line, e.g. `{title}` (subtitle, when present, follows on its own line with `subtitleLine`). */
  readonly entryTitle: string;
  /** Line for a subtitle under the title, e.g. `——{subtitle}`; '' to leave subtitles out of the contents. */
  readonly subtitleLine: string;
  /** The compilation title suffix when showCount is on, e.g. `（{count}篇）`. */
  readonly countSuffix: string;
  /** Leader character (“…” or “.” or “·”). */
  readonly leader: string;
  /** Minimum clear space before the page number, pt (≥ 1 em). */
  readonly numberGapPt: number;
  /** List headings of levels ≤ this inside pieces in the contents (0 = none). */
  readonly headingLevels: number;
  /** Start the body on a new page after the contents (always true for printed compilations). */
  readonly newPageAfter: boolean;
}

export type PageNumberPosition = 'center' | 'outside' | 'right' | 'left';

export interface PageNumberSpec {
  /** Printed form, `{n}` is the number: `— {n} —` or `{n}`. */
  readonly format: string;
  readonly position: PageNumberPosition;
  /** Distance from the bottom of the type area down to the number's baseline. */
  readonly belowTypeAreaPt: number;
  /** Distance in from the type-area edge for left/right/outside positions. */
  readonly insetPt: number;
}

export interface HeaderSpec {
  /** Running header/footer text, placeholders {collection}, {source}, {date}, {title}; '' for none. */
  readonly text: string;
  /** Where it stands: above the type area ('header') or below it ('footer'). */
  readonly placement: 'header' | 'footer';
  /** Distance from the type area to the text's baseline. */
  readonly gapPt: number;
  /** Draw a thin rule between it and the type area. */
  readonly rule: boolean;
}

/** What a `---` prints when `thematicBreak` is 'space': three asterisks, centred, ideographic spaces between. */
export const THEMATIC_BREAK_MARK = '＊\u3000＊\u3000＊';

/** Tables: cell padding, the space around a table, its rules, and the column sharing. */
export interface TableSpec {
  /** Left and right of the text in a cell, pt. */
  readonly cellPaddingXPt: number;
  /** Above and below the text in a cell, pt (none on a line grid: rows stay on the grid). */
  readonly cellPaddingYPt: number;
  /** At least this much before and after a table, pt. */
  readonly spacePt: number;
  /** Width of the table's rules, pt. */
  readonly rulePt: number;
  /** A cell no wider than this at its natural width keeps that width when columns share the measure, pt. */
  readonly shortCellPt: number;
}

/** The rule that separates page-foot notes from the text. */
export interface FootnoteSpec {
  /** Its length: a fraction of the type area's width, or a length in pt. */
  readonly ruleLength: { readonly fraction: number } | { readonly pt: number };
  /** Its width, pt. */
  readonly rulePt: number;
}

/**
 * `list:` — the markers of list items in body text, by depth (1 = top level; a list
 * deeper than an array is long takes its last entry). GB/T 9704 numbers a speech's own
 * sections 一、（一）1.（1） in the text, so a list inside body text starts below them.
 */
export interface ListSpec {
  /** Ordered lists: patterns with `{n}` (1 2 3) or `{cn}` (一 二 三), e.g. ['{n}．', '（{n}）']. */
  readonly numbering: readonly string[];
  /** Unordered lists: the marker text, e.g. ['●', '○']. */
  readonly bullets: readonly string[];
}

export interface ResolvedTemplate {
  readonly name: string;
  /** Absolute path of the YAML file it came from. */
  readonly file: string;
  readonly page: PageGeometry;
  readonly grid: Grid | null;
  /** Candidates per role, in order of preference. */
  readonly fonts: Readonly<Record<FontRole, readonly FontCandidate[]>>;
  /** Template-wide fallback families tried after a role's own. */
  readonly fallback: readonly FontCandidate[];
  readonly styles: Readonly<Record<StyleName, Style>>;
  readonly kinsoku: Kinsoku;
  /** Most a justified line may widen any one gap past its natural width, em of the text set (`maxGapStretch`). */
  readonly maxGapStretchEm: number;
  readonly contents: ContentsSpec;
  readonly pageNumber: PageNumberSpec;
  readonly header: HeaderSpec | null;
  /** Each piece starts on a new page. */
  readonly pieceNewPage: boolean;
  /** Each part title gets a page of its own (else it is a heading before its first piece). */
  readonly partTitlePage: boolean;
  /** `---` in a piece: 'space' (a blank line with a centred mark) or 'page' (a page break). */
  readonly thematicBreak: 'space' | 'page';
  /** List markers by depth (`list:`). */
  readonly list: ListSpec;
  readonly table: TableSpec;
  readonly footnotes: FootnoteSpec;
}
