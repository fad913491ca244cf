/**
 * One page of the page tree → the page's Content.xml (GB/T 33190-2016 §7.7: Page with
 * Area/PhysicalBox and one body Layer) and its link annotations (§15).
 *
 * Glyph runs become TextObjects (text.ts), a two-em unit a rule or fitted dots as the PDF
 * draws it (two-em.ts); rules and strike-throughs PathObjects stroked
 * black (§9.1, AbbreviatedData `M x y L x y`); images ImageObjects whose CTM scales the
 * unit square to the image's box (§10). Links are Link annotations whose appearance is
 * an unpainted path over the link's area carrying a click action: Goto a page and point
 * for a contents entry, URI for a web address. Named destinations draw nothing.
 */
import { STRIKE_RISE_EM, STRIKE_WIDTH_EM, type FontBook } from '../../fonts/index.js';
import type { GlyphRun, LinkItem, Page } from '../../layout/index.js';
import { el, type XmlNode } from '../package/index.js';
import type { IdAllocator } from './ids.js';
import { characterOriginsPt, textObject } from './text.js';
import { twoEmObjects } from './two-em.js';
import { box, mm } from './units.js';

/** Where a named destination is: the page's ID and the point's distance from the top, pt. */
export interface DestTarget {
  readonly pageId: number;
  readonly yPt: number;
}

export interface PageContext {
  readonly ids: IdAllocator;
  readonly fonts: FontBook;
  /** Font resource ID by face key. */
  readonly fontIds: ReadonlyMap<string, number>;
  /** Image resource ID by file. */
  readonly imageIds: ReadonlyMap<string, number>;
  readonly dests: ReadonlyMap<string, DestTarget>;
}

function linePath(id: number, x1: number, y1: number, x2: number, y2: number, widthPt: number): XmlNode {
  const left = Math.min(x1, x2);
  const top = Math.min(y1, y2);
  const half = widthPt / 2;
  // The boundary holds the stroke; the path's coordinates are relative to it.
  const bx = left - half;
  const by = top - half;
  const data = `M ${mm(x1 - bx)} ${mm(y1 - by)} L ${mm(x2 - bx)} ${mm(y2 - by)}`;
  return el(
    'ofd:PathObject',
    {
      ID: id,
      Boundary: box(bx, by, Math.abs(x2 - x1) + widthPt, Math.abs(y2 - y1) + widthPt),
      LineWidth: mm(widthPt),
    },
    [el('ofd:StrokeColor', { Value: '0 0 0' }), el('ofd:AbbreviatedData', {}, [{ text: data }])],
  );
}

function strikePath(ctx: PageContext, run: GlyphRun): XmlNode {
  const face = ctx.fonts.faces.get(run.fontKey)!;
  const { xs } = characterOriginsPt(face, run);
  const y = run.yPt - run.sizePt * STRIKE_RISE_EM;
  return linePath(ctx.ids.next(), run.xPt, y, xs[xs.length - 1]!, y, run.sizePt * STRIKE_WIDTH_EM);
}

function linkAction(ctx: PageContext, link: LinkItem): XmlNode | null {
  if (link.dest) {
    const target = ctx.dests.get(link.dest);
    if (!target) return null;
    return el('ofd:Goto', {}, [el('ofd:Dest', { Type: 'XYZ', PageID: target.pageId, Left: 0, Top: mm(target.yPt) })]);
  }
  if (link.url) return el('ofd:URI', { URI: link.url });
  return null;
}

function linkAnnot(ctx: PageContext, link: LinkItem, date: string): XmlNode | null {
  const action = linkAction(ctx, link);
  if (!action) return null;
  const annotId = ctx.ids.next();
  const area = el(
    'ofd:PathObject',
    { ID: ctx.ids.next(), Boundary: `0 0 ${mm(link.widthPt)} ${mm(link.heightPt)}`, Stroke: 'false' },
    [
      el('ofd:Actions', {}, [el('ofd:Action', { Event: 'CLICK' }, [action])]),
      el('ofd:AbbreviatedData', {}, [
        { text: `M 0 0 L ${mm(link.widthPt)} 0 L ${mm(link.widthPt)} ${mm(link.heightPt)} L 0 ${mm(link.heightPt)} C` },
      ]),
    ],
  );
  return el('ofd:Annot', { ID: annotId, Type: 'Link', Creator: 'huibian', LastModDate: date }, [
    el('ofd:Appearance', { Boundary: box(link.xPt, link.yPt, link.widthPt, link.heightPt) }, [area]),
  ]);
}

export interface PageParts {
  readonly content: XmlNode;
  /** The page's PageAnnot, or null when it has no links. */
  readonly annotations: XmlNode | null;
}

/** Content.xml and annotations of `page`; IDs are taken from `ctx.ids` in document order. */
export function pageParts(ctx: PageContext, page: Page, date: string): PageParts {
  const layerId = ctx.ids.next();
  const objects: XmlNode[] = [];
  const links: LinkItem[] = [];
  for (const item of page.items) {
    switch (item.kind) {
      case 'glyphs': {
        const face = ctx.fonts.faces.get(item.fontKey);
        if (!face) throw new Error(`page tree names font ${item.fontKey}, which is not in the font book`);
        const fontId = ctx.fontIds.get(item.fontKey)!;
        if (item.twoEm) objects.push(...twoEmObjects(ctx.ids, fontId, face, item));
        else objects.push(textObject(ctx.ids.next(), fontId, face, item));
        if (item.strike) objects.push(strikePath(ctx, item));
        break;
      }
      case 'rule':
        objects.push(linePath(ctx.ids.next(), item.x1Pt, item.y1Pt, item.x2Pt, item.y2Pt, item.widthPt));
        break;
      case 'image':
        objects.push(
          el('ofd:ImageObject', {
            ID: ctx.ids.next(),
            Boundary: box(item.xPt, item.yPt, item.widthPt, item.heightPt),
            CTM: `${mm(item.widthPt)} 0 0 ${mm(item.heightPt)} 0 0`,
            ResourceID: ctx.imageIds.get(item.file)!,
          }),
        );
        break;
      case 'link':
        links.push(item);
        break;
      case 'dest':
        break;
      default: {
        const never: never = item;
        throw new Error(`unknown page item ${(never as { kind: string }).kind}`);
      }
    }
  }
  const content = el('ofd:Page', { 'xmlns:ofd': OFD_NS }, [
    el('ofd:Area', {}, [el('ofd:PhysicalBox', {}, [{ text: box(0, 0, page.widthPt, page.heightPt) }])]),
    el('ofd:Content', {}, [el('ofd:Layer', { ID: layerId, Type: 'Body' }, objects)]),
  ]);
  const annots = links.map((l) => linkAnnot(ctx, l, date)).filter((a): a is XmlNode => a !== null);
  return {
    content,
    annotations: annots.length > 0 ? el('ofd:PageAnnot', { 'xmlns:ofd': OFD_NS }, annots) : null,
  };
}

/** The OFD namespace (GB/T 33190-2016 §7.1). */
export const OFD_NS = 'http://www.ofdspec.org/2016';
