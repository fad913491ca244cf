/**
 * One pass over the XML of the parts mammoth reads (document, footnotes, endnotes,
 * comments) that records, for every paragraph and run, the formatting the reader
 * sees (formatting.ts, numbering.ts), and tags each with a marker mammoth carries
 * through unchanged — a paragraph's `w:jc` value, a run's `w:rFonts/@w:ascii` (mammoth
 * copies both verbatim into its document tree and reads nothing else from them; the
 * real values were resolved before). The same pass lists the text a reader of the
 * accepted document does not see: deleted text of tracked changes, field
 * instructions, comments, headers and footers.
 */
import { strToU8 } from 'fflate';
import { FormatResolver, type ParagraphFormat, type RunFormat } from './formatting.js';
import { Numbering, type NumberLabel } from './numbering.js';
import type { WordPackage } from './package.js';
import { inMcChoice, isW, serializeXml, wAncestor, wAttr, wChild, wDescendants, W_NS, type XmlEl } from './xml.js';

export interface ParaInfo {
  /** 1-based paragraph number in its part (the position used in messages). */
  readonly n: number;
  /** Zip entry name of the part. */
  readonly part: string;
  readonly format: ParagraphFormat;
  /** Automatic number of the paragraph, with the formatting the number is drawn in. */
  readonly label: (NumberLabel & { readonly run: RunFormat }) | null;
}

export interface RunInfo {
  readonly para: number;
  readonly format: RunFormat;
}

export type HiddenRule = 'deletion' | 'field-instruction' | 'comment' | 'header-footer';

/** Text in the package that the accepted document does not show. */
export interface HiddenText {
  readonly part: string;
  /** Paragraph number in `part`. */
  readonly n: number;
  readonly rule: HiddenRule;
  readonly text: string;
}

export interface Annotated {
  /** The package with the markers set, for mammoth. */
  readonly bytes: Uint8Array;
  readonly paras: readonly ParaInfo[];
  readonly runs: readonly RunInfo[];
  readonly hidden: readonly HiddenText[];
}

const PARA_MARK = 'hbP';
const RUN_MARK = 'hbR';

/** Index of the paragraph a mammoth `alignment` value marks, or -1. */
export function paragraphMark(alignment: string | null): number {
  return alignment !== null && alignment.startsWith(PARA_MARK) ? Number(alignment.slice(PARA_MARK.length)) : -1;
}

/** Index of the run a mammoth `font` value marks, or -1. */
export function runMark(font: string | null): number {
  return font !== null && font.startsWith(RUN_MARK) ? Number(font.slice(RUN_MARK.length)) : -1;
}

/** The child `w:<local>` of `el`, created as its first child when absent. */
function firstChildW(el: XmlEl, local: string): XmlEl {
  const found = wChild(el, local);
  if (found) return found;
  const ns = el.namespaceURI ?? W_NS[0];
  const prefix = el.prefix ? `${el.prefix}:` : '';
  const made = el.ownerDocument!.createElementNS(ns, `${prefix}${local}`);
  el.insertBefore(made, el.firstChild);
  return made;
}

function setW(el: XmlEl, local: string, value: string): void {
  const ns = el.namespaceURI ?? W_NS[0];
  el.setAttributeNS(ns, `${el.prefix ? `${el.prefix}:` : ''}${local}`, value);
}

/** Text of `w:<local>` descendants of `el` outside `mc:Choice`, joined. */
function textOf(el: XmlEl, local: string): string {
  return wDescendants(el, local)
    .filter((t) => !inMcChoice(t))
    .map((t) => t.textContent ?? '')
    .join('');
}

export function annotate(pkg: WordPackage): Annotated {
  const fmt = new FormatResolver(pkg);
  const numbering = new Numbering(pkg, (id) => fmt.numberingStyleNumId(id));
  const paras: ParaInfo[] = [];
  const runs: RunInfo[] = [];
  const hidden: HiddenText[] = [];
  const replaced = new Map<string, Uint8Array>();
  const commentParagraph = new Map<string, number>();

  const bodyParts = [pkg.main, pkg.partOf('footnotes'), pkg.partOf('endnotes'), pkg.partOf('comments')];
  for (const part of bodyParts) {
    if (!pkg.has(part)) continue;
    const doc = pkg.xml(part);
    let n = 0;
    const paraIndex = new Map<XmlEl, number>();
    for (const p of wDescendants(doc, 'p')) {
      if (inMcChoice(p)) continue;
      n++;
      const format = fmt.paragraph(wChild(p, 'pPr'));
      let label: ParaInfo['label'] = null;
      if (format.numbering && part !== pkg.partOf('comments')) {
        const l = numbering.next(format.numbering.numId, format.numbering.ilvl);
        const lvl = numbering.level(format.numbering.numId, format.numbering.ilvl);
        if (l) label = { ...l, run: fmt.numberRun(format, lvl?.rPr ?? null) };
      }
      paraIndex.set(p, paras.length);
      setW(firstChildW(firstChildW(p, 'pPr'), 'jc'), 'val', `${PARA_MARK}${paras.length}`);
      paras.push({ n, part, format, label });
    }
    const paraOf = (node: XmlEl): { index: number; n: number } => {
      const p = isW(node, 'p') ? node : wAncestor(node, 'p');
      const index = p ? (paraIndex.get(p) ?? -1) : -1;
      return { index, n: index >= 0 ? paras[index].n : 0 };
    };
    for (const r of wDescendants(doc, 'r')) {
      if (inMcChoice(r)) continue;
      const { index } = paraOf(r);
      if (index < 0) continue;
      const format = fmt.run(paras[index].format, wChild(r, 'rPr'));
      setW(firstChildW(firstChildW(r, 'rPr'), 'rFonts'), 'ascii', `${RUN_MARK}${runs.length}`);
      runs.push({ para: index, format });
    }
    if (part === pkg.main || part === pkg.partOf('footnotes') || part === pkg.partOf('endnotes')) {
      for (const d of [...wDescendants(doc, 'del'), ...wDescendants(doc, 'moveFrom')]) {
        if (
          inMcChoice(d) ||
          wAncestor(d, 'del') ||
          wAncestor(d, 'moveFrom') ||
          isW(d.parentNode, 'rPr') ||
          isW(d.parentNode, 'trPr')
        )
          continue;
        const text = textOf(d, 'delText') + textOf(d, 't');
        if (text !== '') hidden.push({ part, n: paraOf(d).n, rule: 'deletion', text });
      }
      for (const t of wDescendants(doc, 'instrText')) {
        if (!inMcChoice(t) && !wAncestor(t, 'del'))
          hidden.push({ part, n: paraOf(t).n, rule: 'field-instruction', text: t.textContent ?? '' });
      }
      for (const ref of wDescendants(doc, 'commentReference')) {
        const id = wAttr(ref, 'id');
        if (id !== null && !commentParagraph.has(id)) commentParagraph.set(id, paraOf(ref).n);
      }
    }
    replaced.set(part, strToU8(serializeXml(doc)));
  }

  const comments = pkg.partOf('comments');
  if (pkg.has(comments)) {
    for (const c of wDescendants(pkg.xml(comments), 'comment')) {
      const text = textOf(c, 't');
      if (text !== '')
        hidden.push({ part: pkg.main, n: commentParagraph.get(wAttr(c, 'id') ?? '') ?? 0, rule: 'comment', text });
    }
  }
  for (const part of [...pkg.partsOf('header'), ...pkg.partsOf('footer')]) {
    let n = 0;
    for (const p of wDescendants(pkg.xml(part), 'p')) {
      if (inMcChoice(p) || wDescendants(p, 'p').length > 0) continue;
      n++;
      const text = textOf(p, 't');
      if (text !== '') hidden.push({ part, n, rule: 'header-footer', text });
      const instructions = textOf(p, 'instrText');
      if (instructions.trim() !== '') hidden.push({ part, n, rule: 'field-instruction', text: instructions });
    }
  }
  return { bytes: pkg.withParts(replaced), paras, runs, hidden };
}
