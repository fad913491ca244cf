/**
 * Deterministic packaging (ECMA-376 Part 2, Open Packaging Conventions): the zip docx's
 * Packer writes carries the current time in every entry; huibian re-zips the same parts,
 * in a fixed order ([Content_Types].xml first, then as docx wrote them) with a fixed
 * timestamp, so identical input gives byte-identical files. It also writes the core
 * properties part with the dates from `meta.creationDate` (docx would use the clock).
 * Binary parts (the obfuscated embedded fonts) are added here. Packaging only: no part's
 * XML is edited here.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { el, serializeDocument } from './xml.js';
import type { OverridePart } from './parts.js';

/** Zip entry time: the creation date, clamped to what DOS time can hold (1980–2107). */
function zipTime(d: Date): Date {
  const min = Date.UTC(1980, 0, 2);
  const max = Date.UTC(2107, 11, 31);
  return new Date(Math.min(max, Math.max(min, d.getTime())));
}

export function repackDeterministic(
  packed: Uint8Array,
  date: Date,
  extra: readonly { path: string; data: Uint8Array }[] = [],
): Buffer {
  const files = unzipSync(packed);
  for (const x of extra) files[x.path] = new Uint8Array(x.data);
  const names = Object.keys(files);
  const order = ['[Content_Types].xml', '_rels/.rels'].filter((n) => n in files);
  for (const n of names) if (!order.includes(n)) order.push(n);
  const mtime = zipTime(date);
  const zippable: Zippable = {};
  // Fonts and images are stored (deflating ~1 MB of shared font subsets in every package
  // costs more time than the ~30 % it saves); XML is deflated at level 1, within a few per
  // cent of level 6 in size at half the time.
  for (const n of order) zippable[n] = [files[n], { mtime, level: n.endsWith('.odttf') || n.startsWith('word/media/') ? 0 : 1 }];
  return Buffer.from(zipSync(zippable, { mtime }));
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
