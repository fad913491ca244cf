/**
 * A structural reader of OFD packages (GB/T 33190-2016), independent of the writer: it
 * unzips the package, parses every part with a DOM parser and checks what the standard's
 * schemas demand of what huibian writes — the namespace, each element's children in the
 * schema's order and nothing else, required attributes, numbers and boxes in mm, the
 * flags Fill and Stroke true or false, HScale and LineWidth positive numbers, CTM six
 * numbers, IDs
 * unique with MaxUnitID their maximum, every reference (Font, ResourceID, PageID) to an
 * object of the right kind, every file named (BaseLoc, FontFile, MediaFile, FileLoc) in the
 * package, DeltaX one value per gap between characters, each embedded font a
 * TrueType/OpenType file keeping cmap, name, OS/2 and post, and every character of every
 * TextCode mapped by its TextObject's embedded font (read by fontkit) to a glyph — what
 * any reader needs to draw it, whatever that reader can draw (ofd.js cannot draw a
 * character outside the BMP; this check covers those).
 *
 * `readOfd` gives what tests compare with the PDF: text per page, links, outlines.
 */
import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import * as fontkit from 'fontkit';

export const OFD_NS = 'http://www.ofdspec.org/2016';

type El = Element;

/** Children allowed under each element, in schema order (a child may repeat where the schema lets it). */
const ORDER: Record<string, readonly string[]> = {
  OFD: ['DocBody'],
  DocBody: ['DocInfo', 'DocRoot', 'Versions', 'Signatures'],
  DocInfo: [
    'DocID',
    'Title',
    'Author',
    'Subject',
    'Abstract',
    'CreationDate',
    'ModDate',
    'DocUsage',
    'Cover',
    'Keywords',
    'Creator',
    'CreatorVersion',
    'CustomDatas',
  ],
  Keywords: ['Keyword'],
  Document: [
    'CommonData',
    'Pages',
    'Outlines',
    'Permissions',
    'Actions',
    'VPreferences',
    'Bookmarks',
    'Annotations',
    'Attachments',
    'CustomTags',
    'Extensions',
  ],
  CommonData: ['MaxUnitID', 'PageArea', 'PublicRes', 'DocumentRes', 'TemplatePage', 'DefaultCS'],
  PageArea: ['PhysicalBox', 'ApplicationBox', 'ContentBox', 'BleedBox'],
  Area: ['PhysicalBox', 'ApplicationBox', 'ContentBox', 'BleedBox'],
  Pages: ['Page'],
  Outlines: ['OutlineElem'],
  OutlineElem: ['Actions', 'OutlineElem'],
  Actions: ['Action'],
  Action: ['Goto', 'URI', 'GotoA', 'Sound', 'Movie', 'Region'],
  Goto: ['Dest', 'Bookmark'],
  Res: ['ColorSpaces', 'DrawParams', 'Fonts', 'MultiMedias', 'CompositeGraphicUnits'],
  Fonts: ['Font'],
  Font: ['FontFile'],
  MultiMedias: ['MultiMedia'],
  MultiMedia: ['MediaFile'],
  Page: ['Template', 'PageRes', 'Area', 'Content', 'Actions'],
  Content: ['Layer'],
  Layer: ['TextObject', 'PathObject', 'ImageObject', 'CompositeObject', 'PageBlock'],
  TextObject: ['Actions', 'Clips', 'FillColor', 'StrokeColor', 'CGTransform', 'TextCode'],
  PathObject: ['Actions', 'Clips', 'StrokeColor', 'FillColor', 'AbbreviatedData'],
  ImageObject: ['Actions', 'Clips', 'Border'],
  Annotations: ['Page'],
  PageAnnot: ['Annot'],
  Annot: ['Remark', 'Parameters', 'Appearance'],
  Appearance: ['TextObject', 'PathObject', 'ImageObject', 'CompositeObject', 'PageBlock'],
};
/** Elements whose children repeat freely in any order (graphic units in a layer). */
const UNORDERED = new Set(['Layer', 'Appearance']);
/** TextCode and CGTransform alternate: (CGTransform*, TextCode)+. */
const INTERLEAVED = new Set(['CGTransform', 'TextCode']);

/** Required attributes per element. */
const REQUIRED: Record<string, readonly string[]> = {
  OFD: ['Version', 'DocType'],
  Page: [],
  Layer: ['ID'],
  Font: ['ID', 'FontName'],
  MultiMedia: ['ID', 'Type'],
  TextObject: ['ID', 'Boundary', 'Font', 'Size'],
  TextCode: ['X', 'Y'],
  PathObject: ['ID', 'Boundary'],
  ImageObject: ['ID', 'Boundary', 'ResourceID'],
  Annot: ['ID', 'Type', 'Creator', 'LastModDate'],
  Appearance: ['Boundary'],
  Action: ['Event'],
  Dest: ['Type', 'PageID'],
  OutlineElem: ['Title'],
  FillColor: [],
};

const NUMBER = /^-?\d+(\.\d+)?$/;

function elements(node: Node): El[] {
  const out: El[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as El);
  return out;
}

function local(e: El): string {
  return e.localName ?? e.nodeName.replace(/^.*:/, '');
}

function all(e: El): El[] {
  const out: El[] = [e];
  for (const c of elements(e)) out.push(...all(c));
  return out;
}

function text(e: El): string {
  return e.textContent ?? '';
}

function child(e: El, name: string): El | undefined {
  return elements(e).find((c) => local(c) === name);
}

export interface OfdPackage {
  readonly files: Record<string, Uint8Array>;
  readonly parts: Map<string, Document>;
}

function parse(files: Record<string, Uint8Array>, path: string, problems: string[]): Document | null {
  const data = files[path];
  if (!data) {
    problems.push(`${path}: missing`);
    return null;
  }
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (msg: string) => errors.push(msg),
      fatalError: (msg: string) => errors.push(msg),
    },
  }).parseFromString(Buffer.from(data).toString('utf8'), 'application/xml');
  for (const m of errors) problems.push(`${path}: not well-formed: ${m}`);
  return doc as unknown as Document;
}

function join(base: string, rel: string): string {
  const parts = base.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** sfnt table tags of a font file (a .ttc: its first face), or null when it is not one. */
export function sfntTables(data: Uint8Array): string[] | null {
  const b = Buffer.from(data);
  if (b.length < 12) return null;
  let at = 0;
  if (b.toString('latin1', 0, 4) === 'ttcf') at = b.readUInt32BE(12);
  const version = b.readUInt32BE(at);
  if (
    version !== 0x00010000 &&
    b.toString('latin1', at, at + 4) !== 'OTTO' &&
    b.toString('latin1', at, at + 4) !== 'true'
  )
    return null;
  const n = b.readUInt16BE(at + 4);
  const tags: string[] = [];
  for (let i = 0; i < n; i++) tags.push(b.toString('latin1', at + 12 + i * 16, at + 16 + i * 16));
  return tags;
}

interface Walk {
  readonly problems: string[];
  readonly ids: Map<number, string>;
  /** Every reference: attribute value, what kind it must point at, where. */
  readonly refs: { id: number; kind: string; where: string }[];
}

function checkElement(e: El, path: string, w: Walk): void {
  const name = local(e);
  const where = `${path}: <${name}${e.getAttribute('ID') ? ` ID=${e.getAttribute('ID')}` : ''}>`;
  if (e.namespaceURI !== OFD_NS) w.problems.push(`${where}: not in the OFD namespace`);
  for (const a of REQUIRED[name] ?? []) if (!e.hasAttribute(a)) w.problems.push(`${where}: no ${a} attribute`);
  const id = e.getAttribute('ID');
  // A Page in Document.xml's Pages has an ID; a Page in Annotations.xml names one with PageID.
  if (id !== null && id !== '') {
    if (!/^[1-9]\d*$/.test(id)) w.problems.push(`${where}: ID "${id}" is not a positive integer`);
    else if (w.ids.has(Number(id))) w.problems.push(`${where}: ID ${id} also used by ${w.ids.get(Number(id))}`);
    else w.ids.set(Number(id), name);
  }
  for (const attr of ['Boundary']) {
    const v = e.getAttribute(attr);
    if (v === null || v === '') continue;
    const nums = v.split(' ');
    if (nums.length !== 4 || !nums.every((n) => NUMBER.test(n)))
      w.problems.push(`${where}: ${attr} "${v}" is not x y w h`);
    else if (Number(nums[2]) < 0 || Number(nums[3]) < 0)
      w.problems.push(`${where}: ${attr} "${v}" has a negative size`);
  }
  for (const attr of ['Fill', 'Stroke']) {
    if (!e.hasAttribute(attr)) continue;
    const v = e.getAttribute(attr);
    if (v !== 'true' && v !== 'false') w.problems.push(`${where}: ${attr} "${v}" is not true or false`);
  }
  if (e.hasAttribute('CTM')) {
    const v = e.getAttribute('CTM') ?? '';
    const nums = v.split(' ');
    if (nums.length !== 6 || !nums.every((n) => NUMBER.test(n)))
      w.problems.push(`${where}: CTM "${v}" is not a b c d e f`);
  }
  for (const attr of ['HScale', 'LineWidth']) {
    if (!e.hasAttribute(attr)) continue;
    const v = e.getAttribute(attr) ?? '';
    if (!NUMBER.test(v) || Number(v) <= 0) w.problems.push(`${where}: ${attr} "${v}" is not a positive number`);
  }
  if (name === 'TextObject') {
    if (!NUMBER.test(e.getAttribute('Size') ?? '') || Number(e.getAttribute('Size')) <= 0)
      w.problems.push(`${where}: Size "${e.getAttribute('Size')}" is not a positive length in mm`);
    w.refs.push({ id: Number(e.getAttribute('Font')), kind: 'Font', where });
    if (!elements(e).some((c) => local(c) === 'TextCode')) w.problems.push(`${where}: no TextCode`);
  }
  if (name === 'TextCode') {
    const chars = [...text(e)].length;
    const delta = (e.getAttribute('DeltaX') ?? '').split(' ').filter(Boolean);
    if (!delta.every((d) => NUMBER.test(d))) w.problems.push(`${where}: DeltaX is not numbers`);
    if (delta.length !== Math.max(0, chars - 1))
      w.problems.push(`${where}: DeltaX has ${delta.length} values for ${chars} characters`);
    for (const a of ['X', 'Y'])
      if (!NUMBER.test(e.getAttribute(a) ?? '')) w.problems.push(`${where}: ${a} not a number`);
  }
  if (name === 'ImageObject') w.refs.push({ id: Number(e.getAttribute('ResourceID')), kind: 'MultiMedia', where });
  if (name === 'Dest') w.refs.push({ id: Number(e.getAttribute('PageID')), kind: 'Page', where });
  if (name === 'PathObject' && !child(e, 'AbbreviatedData')) w.problems.push(`${where}: no AbbreviatedData`);
  if (name === 'Action' && !['CLICK', 'DO', 'PO'].includes(e.getAttribute('Event') ?? ''))
    w.problems.push(`${where}: Event "${e.getAttribute('Event')}"`);
  const order = ORDER[name];
  const kids = elements(e);
  if (order) {
    let at = 0;
    for (const k of kids) {
      const kn = local(k);
      const idx = order.indexOf(kn);
      if (idx < 0) {
        w.problems.push(`${where}: <${kn}> is not allowed here`);
        continue;
      }
      if (UNORDERED.has(name)) continue;
      if (idx < at && !(INTERLEAVED.has(kn) && INTERLEAVED.has(order[at]!)))
        w.problems.push(`${where}: <${kn}> comes after <${order[at]}>`);
      at = Math.max(at, idx);
    }
  }
  for (const k of kids) checkElement(k, path, w);
}

/** Every problem found in the package; empty when it holds. */
export function checkOfd(zip: Uint8Array): string[] {
  const problems: string[] = [];
  const files = unzipSync(zip);
  const names = Object.keys(files);
  if (names[0] !== 'OFD.xml') problems.push(`the package starts with ${names[0]}, not OFD.xml`);
  const w: Walk = { problems, ids: new Map(), refs: [] };
  const ofd = parse(files, 'OFD.xml', problems);
  if (!ofd) return problems;
  const root = ofd.documentElement as El;
  if (local(root) !== 'OFD') problems.push(`OFD.xml: root is <${local(root)}>`);
  if (root.getAttribute('DocType') !== 'OFD') problems.push('OFD.xml: DocType is not OFD');
  checkElement(root, 'OFD.xml', { ...w, ids: new Map() });
  const info = root.getElementsByTagNameNS(OFD_NS, 'DocInfo')[0] as El | undefined;
  const docId = info ? child(info, 'DocID') : undefined;
  if (!docId || !/^[0-9a-f]{32}$/i.test(text(docId))) problems.push('OFD.xml: DocID is not 32 hex digits');
  for (const d of ['CreationDate', 'ModDate']) {
    const e = info ? child(info, d) : undefined;
    if (e && !/^\d{4}-\d{2}-\d{2}$/.test(text(e))) problems.push(`OFD.xml: ${d} "${text(e)}" is not an xs:date`);
  }
  const docRoot = root.getElementsByTagNameNS(OFD_NS, 'DocRoot')[0] as El | undefined;
  if (!docRoot) return [...problems, 'OFD.xml: no DocRoot'];
  const docPath = join('', text(docRoot));
  const docDir = dirOf(docPath);
  const doc = parse(files, docPath, problems);
  if (!doc) return problems;
  const docEl = doc.documentElement as El;
  checkElement(docEl, docPath, w);
  const common = child(docEl, 'CommonData');
  const maxId = common ? child(common, 'MaxUnitID') : undefined;
  const box = common ? child(common, 'PageArea') : undefined;
  const phys = box ? child(box, 'PhysicalBox') : undefined;
  if (!phys || text(phys).split(' ').length !== 4) problems.push(`${docPath}: PageArea has no PhysicalBox x y w h`);

  const resourceKinds = new Map<number, string>();
  /** Each Font's embedded file, read: what it has a glyph for. */
  const fontGlyphs = new Map<number, (cp: number) => boolean>();
  for (const resName of ['PublicRes', 'DocumentRes']) {
    for (const r of common ? elements(common).filter((c) => local(c) === resName) : []) {
      const resPath = join(docDir, text(r));
      const res = parse(files, resPath, problems);
      if (!res) continue;
      const resEl = res.documentElement as El;
      checkElement(resEl, resPath, w);
      const base = join(dirOf(resPath), resEl.getAttribute('BaseLoc') ?? '');
      for (const e of all(resEl)) {
        const n = local(e);
        if (n === 'Font' || n === 'MultiMedia') resourceKinds.set(Number(e.getAttribute('ID')), n);
        if (n === 'FontFile' || n === 'MediaFile') {
          const file = join(base, text(e));
          if (!files[file]) problems.push(`${resPath}: ${n} ${file} is not in the package`);
          else if (n === 'FontFile') {
            const tags = sfntTables(files[file]!);
            if (!tags) problems.push(`${file}: not a TrueType/OpenType file`);
            else {
              for (const t of ['cmap', 'name', 'OS/2', 'post'])
                if (!tags.includes(t)) problems.push(`${file}: no ${t} table`);
              const font = fontkit.create(Buffer.from(files[file]!)) as fontkit.Font;
              const fontEl = e.parentNode as El;
              fontGlyphs.set(Number(fontEl.getAttribute('ID')), (cp) => font.hasGlyphForCodePoint(cp));
            }
          }
        }
      }
    }
  }

  const pagesEl = child(docEl, 'Pages');
  const pages = pagesEl ? elements(pagesEl) : [];
  if (pages.length === 0) problems.push(`${docPath}: no pages`);
  const pageIds = new Set<number>();
  for (const p of pages) {
    pageIds.add(Number(p.getAttribute('ID')));
    const loc = p.getAttribute('BaseLoc');
    if (!loc) {
      problems.push(`${docPath}: page ${p.getAttribute('ID')} has no BaseLoc`);
      continue;
    }
    const path = join(docDir, loc);
    const content = parse(files, path, problems);
    if (!content) continue;
    checkElement(content.documentElement as El, path, w);
    for (const t of all(content.documentElement as El).filter((e) => local(e) === 'TextObject')) {
      const has = fontGlyphs.get(Number(t.getAttribute('Font')));
      if (!has) continue;
      for (const code of elements(t).filter((c) => local(c) === 'TextCode')) {
        for (const ch of text(code)) {
          if (has(ch.codePointAt(0)!)) continue;
          const u = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
          problems.push(`${path}: TextObject ${t.getAttribute('ID')}: its font has no glyph for U+${u} “${ch}”`);
        }
      }
    }
  }
  const annotsEl = child(docEl, 'Annotations');
  if (annotsEl) {
    const path = join(docDir, text(annotsEl));
    const annots = parse(files, path, problems);
    if (annots) {
      const aroot = annots.documentElement as El;
      for (const p of elements(aroot)) {
        if (!pageIds.has(Number(p.getAttribute('PageID'))))
          problems.push(`${path}: PageID ${p.getAttribute('PageID')} is no page`);
        const loc = child(p, 'FileLoc');
        if (!loc) {
          problems.push(`${path}: page annotations without FileLoc`);
          continue;
        }
        const apath = join(dirOf(path), text(loc));
        const page = parse(files, apath, problems);
        if (page) checkElement(page.documentElement as El, apath, w);
      }
    }
  }

  for (const r of w.refs) {
    const kind = r.kind === 'Page' ? (pageIds.has(r.id) ? 'Page' : undefined) : resourceKinds.get(r.id);
    if (kind !== r.kind) problems.push(`${r.where}: refers to ${r.id}, which is no ${r.kind}`);
  }
  const ids = [...w.ids.keys()];
  const max = ids.length > 0 ? Math.max(...ids) : 0;
  if (!maxId || Number(text(maxId)) !== max)
    problems.push(`${docPath}: MaxUnitID ${maxId ? text(maxId) : '(none)'} is not the largest ID, ${max}`);
  return problems;
}

export interface OfdLink {
  /** 0-based index of the page the link is on, and of the page it goes to. */
  readonly fromPage: number;
  readonly toPage: number;
  /** Text of the TextCodes whose origin lies inside the link's area. */
  readonly text: string;
}

export interface OfdRead {
  /** Text of each page: its TextCodes in order. */
  readonly pageTexts: string[];
  readonly links: OfdLink[];
  /** Outline entries depth first: title and 0-based target page. */
  readonly outline: { title: string; page: number; depth: number }[];
  /** Font IDs TextObjects use, and Font IDs that have a FontFile. */
  readonly usedFonts: Set<number>;
  readonly embeddedFonts: Set<number>;
}

const nums = (s: string | null): number[] => (s ?? '').split(' ').filter(Boolean).map(Number);

/** What a test compares with the PDF and the page tree (assumes a package `checkOfd` passes). */
export function readOfd(zip: Uint8Array): OfdRead {
  const files = unzipSync(zip);
  const problems: string[] = [];
  const docRoot = text(parse(files, 'OFD.xml', problems)!.getElementsByTagNameNS(OFD_NS, 'DocRoot')[0] as El);
  const docPath = join('', docRoot);
  const docDir = dirOf(docPath);
  const docEl = parse(files, docPath, problems)!.documentElement as El;
  const pages = elements(child(docEl, 'Pages')!);
  const pageIndex = new Map(pages.map((p, i) => [Number(p.getAttribute('ID')), i]));
  const usedFonts = new Set<number>();
  const embeddedFonts = new Set<number>();
  const common = child(docEl, 'CommonData')!;
  for (const r of elements(common).filter((c) => local(c) === 'PublicRes')) {
    const res = parse(files, join(docDir, text(r)), problems)!.documentElement as El;
    for (const f of all(res))
      if (local(f) === 'Font' && child(f, 'FontFile')) embeddedFonts.add(Number(f.getAttribute('ID')));
  }
  /** Text codes of each page with their absolute origin, mm. */
  const codes: { x: number; y: number; text: string }[][] = [];
  const pageTexts = pages.map((p) => {
    const content = parse(files, join(docDir, p.getAttribute('BaseLoc')!), problems)!.documentElement as El;
    const here: { x: number; y: number; text: string }[] = [];
    let s = '';
    for (const t of all(content)) {
      if (local(t) !== 'TextObject') continue;
      usedFonts.add(Number(t.getAttribute('Font')));
      const [bx, by] = nums(t.getAttribute('Boundary'));
      for (const c of elements(t).filter((k) => local(k) === 'TextCode')) {
        s += text(c);
        here.push({ x: bx! + Number(c.getAttribute('X')), y: by! + Number(c.getAttribute('Y')), text: text(c) });
      }
    }
    codes.push(here);
    return s;
  });
  const destPage = (action: El): number => {
    const dest = all(action).find((d) => local(d) === 'Dest');
    return dest ? (pageIndex.get(Number(dest.getAttribute('PageID'))) ?? -1) : -1;
  };
  const links: OfdLink[] = [];
  const annotsEl = child(docEl, 'Annotations');
  if (annotsEl) {
    const path = join(docDir, text(annotsEl));
    for (const p of elements(parse(files, path, problems)!.documentElement as El)) {
      const from = pageIndex.get(Number(p.getAttribute('PageID')))!;
      const page = parse(files, join(dirOf(path), text(child(p, 'FileLoc')!)), problems)!.documentElement as El;
      for (const a of elements(page)) {
        if (a.getAttribute('Type') !== 'Link') continue;
        const app = child(a, 'Appearance')!;
        const [x, y, w, h] = nums(app.getAttribute('Boundary'));
        const action = all(app).find((k) => local(k) === 'Action');
        if (!action || !child(action, 'Goto')) continue;
        const inside = codes[from]!.filter((c) => c.x >= x! - 0.01 && c.x <= x! + w! && c.y >= y! && c.y <= y! + h!);
        links.push({ fromPage: from, toPage: destPage(action), text: inside.map((c) => c.text).join('') });
      }
    }
  }
  const outline: { title: string; page: number; depth: number }[] = [];
  const walk = (e: El, depth: number): void => {
    for (const o of elements(e).filter((k) => local(k) === 'OutlineElem')) {
      const action = all(o).find((k) => local(k) === 'Action')!;
      outline.push({ title: o.getAttribute('Title')!, page: destPage(action), depth });
      walk(o, depth + 1);
    }
  };
  const outlines = child(docEl, 'Outlines');
  if (outlines) walk(outlines, 0);
  return { pageTexts, links, outline, usedFonts, embeddedFonts };
}
