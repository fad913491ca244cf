/**
 * The DOCX renderer: document model + resolved page numbers → an editable Word document
 * whose contents already shows the PDF's page numbers (docs/design.md “The layout facts (layout → DOCX)”; ECMA-376 WordprocessingML).
 *
 * Built with the `docx` package: named styles only (styles.ts, contract in
 * docs/docx-styles.md), the contents as a TOC field with cached PAGEREFs (contents.ts),
 * the body (body.ts, blocks.ts, inlines.ts), sections and footers (sections.ts). Parts docx
 * has no option for — settings switches, the font table with deterministic embedded
 * subsets, core dates — are written whole (parts.ts, package.ts) and handed to docx as
 * overrides; package.ts zips the parts with fixed timestamps.
 */
import { Document, LevelSuffix, type ISectionOptions } from 'docx';
import type { Collection } from '../../model/types.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { ResolvedTemplate } from '../../template/index.js';
import type { FontBook } from '../../fonts/index.js';
import { FactIndex, type LayoutFacts } from '../../layout/index.js';
import { buildStyleSheet } from './styles.js';
import { WriterState } from './state.js';
import { writeContents } from './contents.js';
import { writeCompilationBody, writePiece } from './body.js';
import { numberedSectionParts, sectionProperties } from './sections.js';
import { embedFaces, FontUsage } from './fonts.js';
import { commonSet } from './charset.js';
import { STYLE_NAMES } from '../../template/index.js';
import type { StyleSheet } from './styles.js';
import { fontTableParts, settingsPart } from './parts.js';
import { corePart, docxParts, repackDeterministic } from './package.js';
import { ptToTwip } from './units.js';

export interface RenderDocxInput {
  readonly collection: Collection;
  readonly template: ResolvedTemplate;
  readonly fonts: FontBook;
  /** What the layout decided that the DOCX repeats (layout/facts.ts): page numbers, table columns, title lines. */
  readonly facts: LayoutFacts;
  readonly target: { readonly kind: 'compilation' } | { readonly kind: 'handout'; readonly piece: number };
  readonly meta: { readonly creationDate: Date };
}

export interface RenderDocxResult {
  readonly buffer: Buffer;
  readonly warnings: Diagnostic[];
}

/**
 * Every face's usage over the whole collection on a template — what a compilation sets in
 * it — memoised per collection object and template + faces, so a build's handouts embed
 * the compilation's subsets (one subset per face per build). A compilation render fills
 * the memo with its own usage; a handout on another template runs the writer over the
 * whole collection once (contents, banner, every piece, page furniture) and discards it.
 */
const wholeUsage = new WeakMap<Collection, Map<string, FontUsage>>();

function usageKey(t: ResolvedTemplate, sheet: StyleSheet): string {
  return [t.file, t.name, ...STYLE_NAMES.map((n) => FontUsage.keyOf(sheet.fontOf(n)))].join('\u0001');
}

function collectionUsage(
  c: Collection,
  t: ResolvedTemplate,
  fonts: FontBook,
  key: string,
  own: FontUsage | null,
): FontUsage {
  let byKey = wholeUsage.get(c);
  if (!byKey) {
    byKey = new Map();
    wholeUsage.set(c, byKey);
  }
  let u = byKey.get(key);
  if (!u) {
    if (own) u = own;
    else {
      const sheet = buildStyleSheet({ template: t, fonts, lang: c.lang, hasParts: c.parts.length > 0 });
      const st = new WriterState(t, fonts, sheet, c);
      writeContents(c, st);
      writeCompilationBody(c, st);
      numberedSectionParts(c, t, st, null);
      u = st.usage;
    }
    byKey.set(key, u);
  }
  return u;
}

export async function renderDocx(input: RenderDocxInput): Promise<RenderDocxResult> {
  const { collection: c, template: t, fonts, facts, target, meta } = input;
  const sheet = buildStyleSheet({
    template: t,
    fonts,
    lang: c.lang,
    hasParts: c.parts.length > 0 && target.kind === 'compilation',
  });
  const st = new WriterState(t, fonts, sheet, c, new FactIndex(facts));

  const descents = {
    pageNumberPt: sheet.fontOf('pageNumber').face.descentEm * t.styles.pageNumber.sizePt,
    headerPt: sheet.fontOf('header').face.descentEm * t.styles.header.sizePt,
  };
  const sections: ISectionOptions[] = [];
  let title = c.title;
  if (target.kind === 'compilation') {
    sections.push({ properties: sectionProperties(t, false, true, descents), children: writeContents(c, st) });
    sections.push({
      properties: sectionProperties(t, true, true, descents),
      ...numberedSectionParts(c, t, st, null),
      children: writeCompilationBody(c, st),
    });
  } else {
    const piece = c.pieces.find((p) => p.n === target.piece);
    if (!piece) throw new Error(`render/docx: handout for piece ${target.piece}, which the collection does not have`);
    title = piece.title;
    sections.push({
      properties: sectionProperties(t, true, true, descents),
      ...numberedSectionParts(c, t, st, piece),
      children: writePiece(piece, st, { pageBreakBefore: false, bookmark: true }),
    });
  }

  const numbering = {
    config: [...st.numbering.entries()].map(([reference, levels]) => ({
      reference,
      levels: levels.map((l) => ({
        level: l.level,
        format: l.format as never,
        text: l.text,
        start: l.start,
        // The text follows the marker directly (§17.9.28 w:suff), as in the PDF: no tab, no hanging indent.
        suffix: LevelSuffix.NOTHING,
        style: {
          // GB/T 9704 indents at every level (items added in Word too): the marker at the first-line indent.
          paragraph: {
            indent: {
              left: ptToTwip(t.styles.listItem.leftIndentPt),
              firstLine: ptToTwip(t.styles.listItem.firstIndentPt),
            },
          },
        },
      })),
    })),
  };

  const doc = new Document({
    creator: 'huibian',
    title,
    styles: sheet.options,
    numbering,
    footnotes: st.footnotes,
    sections,
  });

  const warnings = st.warnings;
  const whole = collectionUsage(c, t, fonts, usageKey(t, sheet), target.kind === 'compilation' ? st.usage : null);
  const embedded = await embedFaces(st.usage, (d) => warnings.push(d), { collection: whole, common: commonSet(c, t) });
  const overrides = [
    ...fontTableParts(sheet.families, embedded),
    settingsPart({
      evenAndOddHeaders: t.pageNumber.position === 'outside',
      embedFonts: embedded.length > 0,
      defaultTabStopTwip: ptToTwip(2 * t.styles.body.sizePt),
      lang: c.lang,
    }),
    corePart({ title, creator: 'huibian', date: meta.creationDate, lang: c.lang }),
  ];
  const xmlParts = overrides.flatMap((o) => (typeof o.data === 'string' ? [{ path: o.path, data: o.data }] : []));
  const binaryParts = overrides.flatMap((o) => (typeof o.data === 'string' ? [] : [{ path: o.path, data: o.data }]));
  return { buffer: repackDeterministic(await docxParts(doc, xmlParts), meta.creationDate, binaryParts), warnings };
}
