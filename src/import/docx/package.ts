/**
 * The parts of a Word package (ECMA-376 Part 2, Open Packaging Conventions): unzipped
 * with fflate, the main document found through `_rels/.rels`, and the parts it relates
 * to (styles, numbering, theme, footnotes, endnotes, comments, headers, footers)
 * through its own relationships, parsed as XML on demand.
 */
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { childElements, parseXml, REL_NS, type XmlDoc } from './xml.js';

const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const STRICT_OFFICE_DOC = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';

export interface Relationship {
  readonly id: string;
  /** Last segment of the relationship type (styles, numbering, footnotes, header, …). */
  readonly kind: string;
  /** Zip entry name of the target (resolved against the source part's folder). */
  readonly target: string;
  readonly external: boolean;
}

export class WordPackage {
  private readonly parsed = new Map<string, XmlDoc>();

  private constructor(
    readonly files: Record<string, Uint8Array>,
    /** Zip entry name of the main document part (normally word/document.xml). */
    readonly main: string,
    /** The main document's relationships. */
    readonly rels: readonly Relationship[],
  ) {}

  /** Open a package; throws when the bytes are not a zip or hold no main document. */
  static open(bytes: Uint8Array): WordPackage {
    const files = unzipSync(bytes);
    const root = readRels(files, '_rels/.rels', '');
    const main =
      root.find((r) => !r.external && (r.kind === 'officeDocument' || r.kind === 'document'))?.target ??
      'word/document.xml';
    if (!files[main]) throw new Error(`no main document part (${main}) in the package`);
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const relsPath = `${dir}_rels/${main.slice(dir.length)}.rels`;
    return new WordPackage(files, main, readRels(files, relsPath, dir));
  }

  /** Target of the first relationship of `kind`, or null. */
  partOf(kind: string): string | null {
    return this.rels.find((r) => r.kind === kind && !r.external)?.target ?? null;
  }

  /** Targets of every relationship of `kind`, in relationship order. */
  partsOf(kind: string): string[] {
    return this.rels.filter((r) => r.kind === kind && !r.external && this.files[r.target]).map((r) => r.target);
  }

  has(part: string | null): part is string {
    return part !== null && this.files[part] !== undefined;
  }

  xml(part: string): XmlDoc {
    let doc = this.parsed.get(part);
    if (!doc) {
      doc = parseXml(strFromU8(this.files[part]), part);
      this.parsed.set(part, doc);
    }
    return doc;
  }

  /** The package with some parts replaced, as zip bytes. */
  withParts(replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
    const out: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(this.files)) out[name] = replaced.get(name) ?? data;
    return zipSync(out, { level: 0 });
  }
}

/** Resolve `target` against `baseDir` (both zip entry names, `/`-separated). */
function resolveTarget(baseDir: string, target: string): string {
  const segs = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const s of segs) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function readRels(files: Record<string, Uint8Array>, path: string, baseDir: string): Relationship[] {
  if (!files[path]) return [];
  const root = parseXml(strFromU8(files[path]), path).documentElement!;
  return childElements(root)
    .filter((e) => e.localName === 'Relationship' && e.namespaceURI === REL_NS)
    .map((e) => {
      const type = e.getAttribute('Type') ?? '';
      const external = e.getAttribute('TargetMode') === 'External';
      const target = e.getAttribute('Target') ?? '';
      const kind =
        type === OFFICE_DOC || type === STRICT_OFFICE_DOC ? 'officeDocument' : type.slice(type.lastIndexOf('/') + 1);
      return {
        id: e.getAttribute('Id') ?? '',
        kind,
        target: external ? target : resolveTarget(baseDir, target),
        external,
      };
    });
}
