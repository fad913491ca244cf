/**
 * Test scaffolding for the DOCX renderer: a hand-built ResolvedTemplate (compilation and
 * official geometry), a minimal FontBook over the npm Noto TTFs, and the sample collection
 * (copied into tests/fixtures/render-docx/chongqing) read into the document model by a small
 * local reader — the real loaders live in other folders and are not needed here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { parse as parseYaml } from 'yaml';
import type { FontBook, FontFace } from '../../src/fonts/types.js';
import type { FontRole, ResolvedTemplate, Style, StyleName } from '../../src/template/types.js';
import { STYLE_NAMES } from '../../src/template/types.js';
import type { Block, Collection, Inline, Piece, Pos } from '../../src/model/types.js';
import { fixtureStyle, fixtureTemplate } from '../helpers/template.js';

const ROOT = resolve(__dirname, '../..');
export const FIXTURE_DIR = join(ROOT, 'tests/fixtures/render-docx/chongqing');
const NPM = join(ROOT, 'node_modules/@expo-google-fonts');
export const SERIF_400 = join(NPM, 'noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
export const SERIF_700 = join(NPM, 'noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');
export const SANS_400 = join(NPM, 'noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

// ------------------------------------------------------------------ fonts

function makeFace(
  key: string,
  file: string,
  weight: number,
  embedding: FontFace['embedding'] = 'installable',
): FontFace {
  const f = fontkit.openSync(file);
  const upm = f.unitsPerEm;
  return {
    key,
    family: f.familyName,
    familyNames: [f.familyName],
    postscriptName: f.postscriptName,
    file,
    collectionFace: null,
    origin: 'npm',
    weight,
    italic: false,
    ascentEm: f.ascent / upm,
    descentEm: -f.descent / upm,
    embedding,
    noSubset: false,
    hasGlyph: (cp: number) => f.hasGlyphForCodePoint(cp),
    advanceEm: (cp: number) => f.glyphForCodePoint(cp).advanceWidth / upm,
    measureEm: (t: string) => f.layout(t).advanceWidth / upm,
  };
}

let faceCache: Record<string, FontFace> | null = null;
function faces(): Record<string, FontFace> {
  faceCache ??= {
    serif: makeFace('F1', SERIF_400, 400),
    serifBold: makeFace('F2', SERIF_700, 700),
    sans: makeFace('F3', SANS_400, 400),
  };
  return faceCache;
}

/** title → Noto Serif SC Bold, body/kai/song → Noto Serif SC, hei → Noto Sans SC. */
export function makeFontBook(override: Partial<Record<FontRole, FontFace>> = {}): FontBook {
  const f = faces();
  const byRole: Record<FontRole, FontFace> = {
    title: f.serifBold,
    body: f.serif,
    kai: f.serif,
    song: f.serif,
    hei: f.sans,
    ...override,
  };
  const all = new Map<string, FontFace>();
  for (const face of Object.values(byRole)) all.set(face.key, face);
  return {
    chain: (role, bold) => [bold && role !== 'title' && role !== 'hei' ? f.serifBold : byRole[role]],
    faceFor: (role, _bold, cp) => (byRole[role].hasGlyph(cp) ? byRole[role] : null),
    faces: all,
    report: [],
  };
}

export function restrictedFace(): FontFace {
  return { ...makeFace('F9', SANS_400, 400, 'restricted') };
}

// ------------------------------------------------------------------ templates

function style(s: Partial<Style> & { sizePt: number }): Style {
  return fixtureStyle({ linePt: s.sizePt * 1.5, ...s });
}

const MM = 72 / 25.4;

/** The printed compilation: A4, 12 pt body on a 22 pt pitch, each piece on a new page. */
export function compilationTemplate(): ResolvedTemplate {
  const L = 22;
  const body = style({ sizePt: 12, linePt: L, firstIndentPt: 24 });
  const styles = Object.fromEntries(STYLE_NAMES.map((n) => [n, body])) as Record<StyleName, Style>;
  Object.assign(styles, {
    compilationTitle: style({ font: 'title', sizePt: 18, linePt: 30, align: 'center', spaceAfterPt: 8 }),
    contentsTitle: style({ font: 'hei', sizePt: 16, linePt: 28, align: 'center', spaceAfterPt: 6 }),
    contentsPart: style({ font: 'hei', sizePt: 12, linePt: L }),
    contentsEntry: style({ sizePt: 12, linePt: L }),
    bannerHeadline: style({ font: 'title', sizePt: 16, linePt: 28, align: 'center', keepWithNext: true }),
    bannerName: style({ font: 'hei', sizePt: 14, linePt: 24, align: 'center', keepWithNext: true }),
    bannerSource: style({ font: 'kai', sizePt: 12, linePt: L, align: 'center', spaceAfterPt: L, keepWithNext: true }),
    partTitle: style({ font: 'title', sizePt: 18, linePt: 30, align: 'center', keepWithNext: true }),
    pieceTitle: style({ font: 'title', sizePt: 16, linePt: 28, align: 'center', keepWithNext: true }),
    subtitle: style({ font: 'kai', sizePt: 14, linePt: 24, align: 'center', keepWithNext: true }),
    byline: style({ font: 'kai', sizePt: 12, linePt: L, align: 'center', spaceAfterPt: 6, keepWithNext: true }),
    lead: style({ font: 'hei', sizePt: 12, linePt: L }),
    emphasis: style({ font: 'kai', sizePt: 12, linePt: L }),
    heading1: style({ font: 'hei', sizePt: 12, linePt: L, firstIndentPt: 24, keepWithNext: true }),
    heading2: style({ font: 'kai', sizePt: 12, linePt: L, firstIndentPt: 24, keepWithNext: true }),
    listItem: style({ sizePt: 12, linePt: L, firstIndentPt: 24 }),
    quote: style({ font: 'kai', sizePt: 12, linePt: L, leftIndentPt: 24, firstIndentPt: 24 }),
    tableText: style({ sizePt: 10.5, linePt: 16, align: 'left' }),
    tableHeader: style({ font: 'hei', sizePt: 10.5, linePt: 16, align: 'center' }),
    caption: style({ font: 'kai', sizePt: 10.5, linePt: 16, align: 'center' }),
    footnote: style({ sizePt: 9, linePt: 14 }),
    footnoteRef: style({ sizePt: 9, linePt: 14 }),
    pageNumber: style({ font: 'song', sizePt: 10.5, linePt: 14, align: 'center' }),
    header: style({ font: 'song', sizePt: 9, linePt: 12, align: 'center' }),
  });
  return base('compilation', styles, null, {
    format: '— {n} —',
    position: 'center',
    belowTypeAreaPt: 7 * MM,
    insetPt: 0,
  });
}

/** GB/T 9704-2012: A4, 37/35/28/26 mm, 22 × 28 grid, 16 pt body condensed −0.25 pt, 28.95 pt lines. */
export function officialTemplate(): ResolvedTemplate {
  const L = 28.95;
  const body = style({ sizePt: 16, linePt: L, firstIndentPt: 31.5, letterSpacingPt: -0.25 });
  const styles = Object.fromEntries(STYLE_NAMES.map((n) => [n, body])) as Record<StyleName, Style>;
  Object.assign(styles, {
    compilationTitle: style({ font: 'title', sizePt: 22, linePt: L * 2, align: 'center' }),
    contentsTitle: style({ font: 'hei', sizePt: 16, linePt: L, align: 'center', letterSpacingPt: -0.25 }),
    contentsEntry: style({ sizePt: 16, linePt: L, letterSpacingPt: -0.25 }),
    pieceTitle: style({ font: 'title', sizePt: 22, linePt: L * 2, align: 'center', keepWithNext: true }),
    byline: style({ font: 'kai', sizePt: 16, linePt: L, align: 'center', letterSpacingPt: -0.25, keepWithNext: true }),
    lead: style({ font: 'hei', sizePt: 16, linePt: L, letterSpacingPt: -0.25 }),
    emphasis: style({ font: 'kai', sizePt: 16, linePt: L, letterSpacingPt: -0.25 }),
    pageNumber: style({ font: 'song', sizePt: 14, linePt: 14 * 1.2, align: 'center' }),
    header: style({ font: 'song', sizePt: 10.5, linePt: 14, align: 'center' }),
    footnoteRef: style({ sizePt: 10.5, linePt: 14 }),
  });
  const t = base(
    'official',
    styles,
    { lines: 22, chars: 28, linePitchPt: L, charPitchPt: 15.75 },
    {
      format: '— {n} —',
      position: 'outside',
      belowTypeAreaPt: 7 * MM,
      insetPt: 14,
    },
  );
  return {
    ...t,
    page: {
      widthPt: 210 * MM,
      heightPt: 297 * MM,
      marginTopPt: 37 * MM,
      marginBottomPt: 35 * MM,
      marginLeftPt: 28 * MM,
      marginRightPt: 26 * MM,
    },
  };
}

/** The handout template: one piece, a header naming the collection and source. */
export function handoutTemplate(): ResolvedTemplate {
  const t = compilationTemplate();
  return {
    ...t,
    name: 'handout',
    header: { text: '{collection}（{source}）', placement: 'header', gapPt: 6, rule: true },
  };
}

function base(
  name: string,
  styles: Record<StyleName, Style>,
  grid: ResolvedTemplate['grid'],
  pageNumber: ResolvedTemplate['pageNumber'],
): ResolvedTemplate {
  const cand = [{ family: 'Noto Serif SC', weight: 400 }];
  return fixtureTemplate({
    name,
    file: `/templates/${name}.yaml`,
    page: {
      widthPt: 210 * MM,
      heightPt: 297 * MM,
      marginTopPt: 30 * MM,
      marginBottomPt: 28 * MM,
      marginLeftPt: 28 * MM,
      marginRightPt: 26 * MM,
    },
    grid,
    fonts: { title: cand, body: cand, hei: cand, kai: cand, song: cand },
    styles,
    pageNumber,
  });
}

// ------------------------------------------------------------------ sample collection

type MdNode = {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
};

function inlinesOf(nodes: readonly MdNode[], file: string): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const pos: Pos = { file, line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1 };
    if (n.type === 'text') out.push({ kind: 'text', text: (n.value ?? '').replace(/\n/g, ''), pos });
    else if (n.type === 'strong') out.push({ kind: 'lead', children: inlinesOf(n.children ?? [], file), pos });
    else if (n.type === 'emphasis') out.push({ kind: 'emphasis', children: inlinesOf(n.children ?? [], file), pos });
    else if (n.type === 'break') out.push({ kind: 'break', pos });
    else throw new Error(`test reader: unexpected inline ${n.type} in ${file}`);
  }
  return out;
}

function readPiece(dir: string, file: string, n: number): Piece {
  const src = readFileSync(join(dir, file), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(src);
  if (!m) throw new Error(`no front matter in ${file}`);
  const fm = parseYaml(m[1]) as Record<string, string>;
  const offset = m[0].split('\n').length - 1;
  const tree = unified().use(remarkParse).use(remarkCjkFriendly).parse(src.slice(m[0].length)) as MdNode;
  const blocks: Block[] = (tree.children ?? []).map((b) => {
    const pos: Pos = { file, line: (b.position?.start.line ?? 1) + offset, column: 1 };
    if (b.type !== 'paragraph') throw new Error(`test reader: unexpected block ${b.type}`);
    return { kind: 'paragraph', inlines: inlinesOf(b.children ?? [], file), pos };
  });
  const role = fm.role ?? null;
  const author = fm.author ?? null;
  return {
    n,
    id: fm.id ?? file.replace(/\.md$/, ''),
    file,
    title: fm.title,
    subtitle: fm.subtitle ?? null,
    role,
    author,
    byline: (role ?? '') + (author ?? ''),
    date: fm.date ? String(fm.date) : null,
    blocks,
    footnotes: [],
    pos: { file, line: 2, column: 8 },
  };
}

/** The nine-speech sample as a Collection. */
export function sampleCollection(): Collection {
  const y = parseYaml(readFileSync(join(FIXTURE_DIR, 'collection.yaml'), 'utf8')) as {
    title: string;
    banner: { headline: string; source: string; date: string };
    pieces: string[];
  };
  const pieces = y.pieces.map((f, i) => readPiece(FIXTURE_DIR, f, i + 1));
  const date = String(y.banner.date);
  const [yy, mm, dd] = date.split('-').map(Number);
  return {
    id: 'chongqing-2023-10',
    dir: FIXTURE_DIR,
    title: y.title,
    showCount: true,
    banner: {
      headline: y.banner.headline,
      name: y.title,
      source: y.banner.source,
      date,
      provenance: `（${y.banner.source}，${yy}年${mm}月${dd}日）`,
      pos: { file: 'collection.yaml', line: 6, column: 1 },
    },
    template: 'compilation',
    lang: 'zh-CN',
    pieces,
    parts: [],
    pos: { file: 'collection.yaml', line: 1, column: 1 },
  };
}

/** Page numbers for the XML-level tests on the hand-built template: one piece per page, pages 1–9 (the LibreOffice tests use the real layout, pipeline.ts). */
export function onePiecePerPage(c: Collection) {
  return {
    piecePages: c.pieces.map((p) => ({ n: p.n, startPage: p.n, endPage: p.n })),
    partPages: [],
    frontPages: 1,
    bodyPages: c.pieces.length,
  };
}

export const FIXED_DATE = new Date('2023-10-24T00:00:00Z');
