/**
 * Page tree → OFD bytes (GB/T 33190-2016, 开放版式文档): the same pages, lines and
 * breaks the PDF paints, as a zip package —
 *
 *   OFD.xml                      DocBody: DocInfo (DocID, title, author, dates), DocRoot
 *   Doc_0/Document.xml           CommonData (MaxUnitID, PageArea, PublicRes, DocumentRes),
 *                                Pages, Outlines, Annotations
 *   Doc_0/PublicRes.xml          Fonts, each an embedded subset (fonts.ts)
 *   Doc_0/DocumentRes.xml        MultiMedias: the images
 *   Doc_0/Res/…                  font and image files
 *   Doc_0/Pages/Page_N/Content.xml
 *   Doc_0/Annots/Annotations.xml, Doc_0/Annots/Page_N/Annotation.xml   contents links
 *
 * IDs are handed out in that order (ids.ts). The DocID is a hash of every part but
 * OFD.xml, the dates come from `meta.creationDate` and the zip is deterministic: the
 * same tree gives the same bytes. Reads only the page tree, the fonts and the metadata.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { FontBook } from '../../fonts/index.js';
import type { OutlineEntry, PageTree } from '../../layout/index.js';
import { el, serializeDocument, zipDeterministic, type XmlNode, type ZipEntry } from '../package/index.js';
import { embeddedFonts } from './fonts.js';
import { IdAllocator } from './ids.js';
import { OFD_NS, pageParts, type DestTarget, type PageContext } from './page.js';
import { box, mm } from './units.js';

export interface OfdMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords?: string;
  readonly creationDate: Date;
}

/** The package's one document. */
const DOC = 'Doc_0';

/** xs:date of a date, UTC. */
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function outlineElem(entry: OutlineEntry, dests: ReadonlyMap<string, DestTarget>, pageIds: readonly number[]): XmlNode {
  const target = dests.get(entry.dest) ?? { pageId: pageIds[entry.pageIndex]!, yPt: 0 };
  return el('ofd:OutlineElem', { Title: entry.title }, [
    el('ofd:Actions', {}, [
      el('ofd:Action', { Event: 'CLICK' }, [
        el('ofd:Goto', {}, [el('ofd:Dest', { Type: 'XYZ', PageID: target.pageId, Left: 0, Top: mm(target.yPt) })]),
      ]),
    ]),
    ...entry.children.map((c) => outlineElem(c, dests, pageIds)),
  ]);
}

function imageFormat(file: string, data: Buffer): string {
  if (data.length >= 4 && data.readUInt32BE(0) === 0x89504e47) return 'PNG';
  if (data.length >= 2 && data.readUInt16BE(0) === 0xffd8) return 'JPEG';
  return extname(file).slice(1).toUpperCase();
}

const xmlPart = (path: string, root: XmlNode): ZipEntry => ({
  path,
  data: Buffer.from(serializeDocument(root), 'utf8'),
});

export async function renderOfd(tree: PageTree, fonts: FontBook, meta: OfdMeta): Promise<Buffer> {
  const ids = new IdAllocator();
  const date = isoDate(meta.creationDate);
  const first = tree.pages[0];
  const pageArea = first ? box(0, 0, first.widthPt, first.heightPt) : '0 0 210 297';

  const embedded = await embeddedFonts(tree, fonts);
  const fontIds = new Map<string, number>();
  const fontNodes = embedded.map((f) => {
    const id = ids.next();
    fontIds.set(f.face.key, id);
    return el(
      'ofd:Font',
      {
        ID: id,
        FontName: f.face.postscriptName,
        FamilyName: f.face.family,
        ...(f.face.weight >= 600 ? { Bold: 'true' } : {}),
        ...(f.face.italic ? { Italic: 'true' } : {}),
      },
      [el('ofd:FontFile', {}, [{ text: f.file }])],
    );
  });

  const imageFiles = [
    ...new Set(tree.pages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'image' ? [it.file] : [])))),
  ];
  const imageIds = new Map<string, number>();
  const resFiles: ZipEntry[] = embedded.map((f) => ({ path: `${DOC}/Res/${f.file}`, data: f.data }));
  const mediaNodes = imageFiles.map((file, i) => {
    const id = ids.next();
    imageIds.set(file, id);
    const data = readFileSync(file);
    const format = imageFormat(file, data);
    const name = `image_${i}.${format === 'JPEG' ? 'jpg' : format.toLowerCase()}`;
    resFiles.push({ path: `${DOC}/Res/${name}`, data, store: true });
    return el('ofd:MultiMedia', { ID: id, Type: 'Image', Format: format }, [el('ofd:MediaFile', {}, [{ text: name }])]);
  });

  const pageIds = tree.pages.map(() => ids.next());
  const dests = new Map<string, DestTarget>();
  tree.pages.forEach((p, i) => {
    for (const it of p.items) if (it.kind === 'dest') dests.set(it.name, { pageId: pageIds[i]!, yPt: it.yPt });
  });
  const ctx: PageContext = { ids, fonts, fontIds, imageIds, dests };

  const parts: ZipEntry[] = [];
  const annotPages: XmlNode[] = [];
  tree.pages.forEach((page, i) => {
    const { content, annotations } = pageParts(ctx, page, date);
    parts.push(xmlPart(`${DOC}/Pages/Page_${i}/Content.xml`, content));
    if (annotations) {
      parts.push(xmlPart(`${DOC}/Annots/Page_${i}/Annotation.xml`, annotations));
      annotPages.push(
        el('ofd:Page', { PageID: pageIds[i]! }, [el('ofd:FileLoc', {}, [{ text: `Page_${i}/Annotation.xml` }])]),
      );
    }
  });
  if (annotPages.length > 0) {
    parts.push(xmlPart(`${DOC}/Annots/Annotations.xml`, el('ofd:Annotations', { 'xmlns:ofd': OFD_NS }, annotPages)));
  }

  const document = el('ofd:Document', { 'xmlns:ofd': OFD_NS }, [
    el('ofd:CommonData', {}, [
      el('ofd:MaxUnitID', {}, [{ text: String(ids.max) }]),
      el('ofd:PageArea', {}, [el('ofd:PhysicalBox', {}, [{ text: pageArea }])]),
      el('ofd:PublicRes', {}, [{ text: 'PublicRes.xml' }]),
      ...(mediaNodes.length > 0 ? [el('ofd:DocumentRes', {}, [{ text: 'DocumentRes.xml' }])] : []),
    ]),
    el(
      'ofd:Pages',
      {},
      tree.pages.map((_, i) => el('ofd:Page', { ID: pageIds[i]!, BaseLoc: `Pages/Page_${i}/Content.xml` })),
    ),
    ...(tree.outline.length > 0
      ? [
          el(
            'ofd:Outlines',
            {},
            tree.outline.map((e) => outlineElem(e, dests, pageIds)),
          ),
        ]
      : []),
    ...(annotPages.length > 0 ? [el('ofd:Annotations', {}, [{ text: 'Annots/Annotations.xml' }])] : []),
  ]);
  const res = (root: string, children: XmlNode[]): XmlNode =>
    el(root, { 'xmlns:ofd': OFD_NS, BaseLoc: 'Res' }, children);
  const docParts: ZipEntry[] = [
    xmlPart(`${DOC}/Document.xml`, document),
    xmlPart(`${DOC}/PublicRes.xml`, res('ofd:Res', fontNodes.length > 0 ? [el('ofd:Fonts', {}, fontNodes)] : [])),
    ...(mediaNodes.length > 0
      ? [xmlPart(`${DOC}/DocumentRes.xml`, res('ofd:Res', [el('ofd:MultiMedias', {}, mediaNodes)]))]
      : []),
    ...parts,
    ...resFiles,
  ];

  const hash = createHash('sha256');
  for (const p of docParts) hash.update(p.path).update('\0').update(p.data);
  const docId = hash.digest('hex').slice(0, 32);
  const ofd = el('ofd:OFD', { 'xmlns:ofd': OFD_NS, Version: '1.0', DocType: 'OFD' }, [
    el('ofd:DocBody', {}, [
      el('ofd:DocInfo', {}, [
        el('ofd:DocID', {}, [{ text: docId }]),
        el('ofd:Title', {}, [{ text: meta.title }]),
        el('ofd:Author', {}, [{ text: meta.author }]),
        el('ofd:Subject', {}, [{ text: meta.subject }]),
        el('ofd:CreationDate', {}, [{ text: date }]),
        el('ofd:ModDate', {}, [{ text: date }]),
        ...(meta.keywords ? [el('ofd:Keywords', {}, [el('ofd:Keyword', {}, [{ text: meta.keywords }])])] : []),
        el('ofd:Creator', {}, [{ text: 'huibian' }]),
      ]),
      el('ofd:DocRoot', {}, [{ text: `${DOC}/Document.xml` }]),
    ]),
  ]);
  return zipDeterministic([xmlPart('OFD.xml', ofd), ...docParts], meta.creationDate);
}
