/**
 * Deterministic packaging (ECMA-376 Part 2, Open Packaging Conventions): the zip docx's
 * Packer writes carries the current time in every entry; huibian zips the same parts
 * itself, in a fixed order ([Content_Types].xml first, then as docx lists them) with a
 * fixed timestamp (render/package's zip writer), so identical input gives byte-identical files. The parts come from
 * docx's compiler (what its Packer zips) when the installed docx has it where 9.x keeps
 * it (`Packer.compiler.compile`), which saves deflating every part only to inflate it
 * again; otherwise from unzipping `Packer.toBuffer`'s output — the same parts either way. It also writes the core
 * properties part with the dates from `meta.creationDate` (docx would use the clock).
 * Binary parts (the obfuscated embedded fonts) are added here. Packaging only: no part's
 * XML is edited here.
 */
import { Packer, type Document } from 'docx';
import { unzipSync } from 'fflate';
import { el, serializeDocument, zipDeterministic } from '../package/index.js';
import type { OverridePart } from './parts.js';

/** docx's compiler: the package's parts by path, in the order its Packer zips them. */
interface DocxCompiler {
  compile(
    doc: Document,
    prettify: undefined,
    overrides: readonly { path: string; data: string }[],
  ): Map<string, string | Uint8Array>;
}

/** The compiler inside docx's Packer, when this docx version has it there. */
export function docxCompiler(): DocxCompiler | null {
  const c = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  return c && typeof c.compile === 'function' ? (c as DocxCompiler) : null;
}

/** The package's parts by path, in docx's order, with `overrides` (whole XML parts) in place. */
export async function docxParts(
  doc: Document,
  overrides: readonly { path: string; data: string }[],
): Promise<Record<string, Uint8Array | string>> {
  const compiler = docxCompiler();
  if (!compiler) return unzipSync(await Packer.toBuffer(doc, false, [...overrides]));
  const files: Record<string, Uint8Array | string> = {};
  // A path given twice keeps its first place and its last data, as docx's zip does.
  for (const [path, data] of compiler.compile(doc, undefined, overrides)) {
    files[path] = typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  return files;
}

/**
 * Parts that differ from one document of a build to the next: the text (and its
 * relationships, which carry the numbering and footnote parts' presence), core
 * properties. Every other part — styles, settings, font table and its relationships,
 * the embedded subsets, content types — is normally the same in every handout, so the
 * zip writer packs it once per process (`reuse`).
 */
const PER_DOCUMENT = new Set(['word/document.xml', 'docProps/core.xml', 'word/footnotes.xml']);

export function repackDeterministic(
  files: Record<string, Uint8Array | string>,
  date: Date,
  extra: readonly { path: string; data: Uint8Array }[] = [],
): Buffer {
  for (const x of extra) files[x.path] = x.data;
  const names = Object.keys(files);
  const order = ['[Content_Types].xml', '_rels/.rels'].filter((n) => n in files);
  for (const n of names) if (!order.includes(n)) order.push(n);
  // Fonts and images are stored (deflating ~1 MB of shared font subsets in every package
  // costs more time than the ~30 % it saves); XML is deflated.
  return zipDeterministic(
    order.map((n) => ({
      path: n,
      data: files[n],
      store: n.endsWith('.odttf') || n.startsWith('word/media/'),
      reuse: !PER_DOCUMENT.has(n),
    })),
    date,
  );
}

/** docProps/core.xml with fixed dates (Dublin Core, ECMA-376 Part 2 §11). */
export function corePart(o: { title: string; creator: string; date: Date; lang: string }): OverridePart {
  const iso = new Date(Math.floor(o.date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    path: 'docProps/core.xml',
    data: serializeDocument(
      el(
        'cp:coreProperties',
        {
          'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
          'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
          'xmlns:dcterms': 'http://purl.org/dc/terms/',
          'xmlns:dcmitype': 'http://purl.org/dc/dcmitype/',
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        },
        [
          el('dc:title', {}, [{ text: o.title }]),
          el('dc:creator', {}, [{ text: o.creator }]),
          el('dc:language', {}, [{ text: o.lang }]),
          el('cp:lastModifiedBy', {}, [{ text: o.creator }]),
          el('cp:revision', {}, [{ text: '1' }]),
          el('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, [{ text: iso }]),
          el('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, [{ text: iso }]),
        ],
      ),
    ),
  };
}
