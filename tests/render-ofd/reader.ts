/**
 * The independent reader: ofd.js (DLTech21's browser OFD renderer, SVG per text object)
 * in headless Chromium — the system browser driven by playwright-core, nothing
 * downloaded — rendering an OFD's pages to grey bitmaps, and poppler rendering the PDF's
 * pages at the same resolution for comparison.
 *
 * ofd.js sets each TextObject in the CSS font named by its Font's FamilyName at the
 * TextObject's Weight and loads no font files itself; the page here has no fonts but
 * the package's own: each embedded FontFile is handed to the browser as a FontFace
 * under its FamilyName and weight, exactly as the package declares them. Chromium has
 * no CJK font on these machines, so every Han character the reader draws comes from an
 * embedded subset through its cmap (`loadFonts: false` shows the difference).
 *
 * The reader is `node_modules/ofd.js/lib/ofd.umd.js` (ofd.js 0.2.x, Apache-2.0, pure
 * JavaScript).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { chromium, type Browser } from 'playwright-core';
import { parsePgm } from '../helpers/strip.js';
import { OFD_NS } from './ofd-check.js';

const require = createRequire(import.meta.url);

/** The reader's browser bundle. */
export function readerScript(): string {
  const pkg = require.resolve('ofd.js/package.json');
  const version = (require(pkg) as { version: string }).version;
  if (!version.startsWith('0.')) {
    throw new Error(
      `ofd.js ${version} is installed: its core opens no document without a licence key; the reader is ofd.js 0.2.x (pure JavaScript)`,
    );
  }
  return join(dirname(pkg), 'lib/ofd.umd.js');
}

/** A grey bitmap: 0 black … 255 white, rows top to bottom. */
export interface Grey {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * ofd.js replaces a family name containing one of these by its list of system families
 * for that style (its FONT_FAMILY table: “LXGW WenKai” becomes “楷体, KaiTi, Kai”); the
 * embedded face is handed over under the first of them too.
 */
const READER_ALIASES: readonly (readonly [string, string])[] = [['kai', '楷体']];

export interface EmbeddedFont {
  readonly family: string;
  readonly weight: number;
  readonly base64: string;
}

/** Each embedded font of a package with the family and weight its TextObjects ask for. */
export function embeddedFontFaces(ofd: Uint8Array): EmbeddedFont[] {
  const files = unzipSync(ofd);
  const parse = (path: string): Document =>
    new DOMParser().parseFromString(strFromU8(files[path]!), 'application/xml') as unknown as Document;
  const byTag = (d: Document | Element, tag: string): Element[] => {
    const list = d.getElementsByTagNameNS(OFD_NS, tag);
    return Array.from({ length: list.length }, (_, i) => list.item(i)!);
  };
  const weights = new Map<string, Set<number>>();
  for (const path of Object.keys(files).filter((p) => p.endsWith('/Content.xml'))) {
    for (const t of byTag(parse(path), 'TextObject')) {
      const id = t.getAttribute('Font')!;
      if (!weights.has(id)) weights.set(id, new Set());
      weights.get(id)!.add(Number(t.getAttribute('Weight') || 400));
    }
  }
  const out: EmbeddedFont[] = [];
  for (const resPath of Object.keys(files).filter((p) => /Res\.xml$/.test(p))) {
    const res = parse(resPath).documentElement as unknown as Element;
    const base = join(dirname(resPath), res.getAttribute('BaseLoc') ?? '');
    for (const f of byTag(res, 'Font')) {
      const file = byTag(f, 'FontFile')[0];
      if (!file) continue;
      const data = files[join(base, file.textContent ?? '')]!;
      const family = f.getAttribute('FamilyName') || f.getAttribute('FontName')!;
      const base64 = Buffer.from(data).toString('base64');
      for (const weight of weights.get(f.getAttribute('ID')!) ?? [400]) {
        out.push({ family, weight, base64 });
        for (const [part, alias] of READER_ALIASES) {
          if (family.toLowerCase().includes(part)) out.push({ family: alias, weight, base64 });
        }
      }
    }
  }
  return out;
}

export interface RenderOptions {
  readonly dpi: number;
  /** Hand the package's fonts to the browser (default true). */
  readonly loadFonts?: boolean;
}

/** Every page of an OFD as ofd.js draws it, in grey, at `dpi`. */
export async function renderOfdPages(ofd: Uint8Array, opts: RenderOptions): Promise<Grey[]> {
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1, viewport: { width: 1200, height: 1600 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><html><body style="margin:0;background:white"></body></html>');
    await page.addScriptTag({ path: readerScript() });
    const fonts = opts.loadFonts === false ? [] : embeddedFontFaces(ofd);
    const count = await page.evaluate(
      async ({ b64, fonts, scale }) => {
        const bytes = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        for (const f of fonts) {
          const face = new FontFace(f.family, bytes(f.base64).buffer as ArrayBuffer, { weight: String(f.weight) });
          (document.fonts as unknown as { add(f: FontFace): void }).add(await face.load());
        }
        const w = window as unknown as {
          ofd: {
            parseOfdDocument(o: { ofd: ArrayBuffer; success(r: unknown[]): void; fail(e: unknown): void }): void;
            setPageScale(s: number): void;
            renderOfdByScale(doc: unknown): HTMLDivElement[];
          };
        };
        const docs = await new Promise<unknown[]>((ok, no) =>
          w.ofd.parseOfdDocument({ ofd: bytes(b64).buffer as ArrayBuffer, success: ok, fail: no }),
        );
        w.ofd.setPageScale(scale);
        const divs = w.ofd.renderOfdByScale(docs[0]);
        // Each page at a whole-pixel offset, so its screenshot starts exactly at its top edge.
        let top = 0;
        divs.forEach((d, i) => {
          d.id = `ofd-page-${i}`;
          d.style.margin = '0';
          d.style.position = 'absolute';
          d.style.left = '0';
          d.style.top = `${top}px`;
          top += Math.ceil(parseFloat(d.style.height)) + 10;
          document.body.appendChild(d);
        });
        await document.fonts.ready;
        return divs.length;
      },
      { b64: Buffer.from(ofd).toString('base64'), fonts, scale: opts.dpi / 25.4 },
    );
    if (errors.length > 0) throw new Error(`ofd.js failed: ${errors.join('; ')}`);
    const out: Grey[] = [];
    for (let i = 0; i < count; i++) {
      const png = await page.locator(`#ofd-page-${i}`).screenshot({ type: 'png' });
      const grey = await page.evaluate(async (b64) => {
        const img = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
        const canvas = new OffscreenCanvas(img.width, img.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
        let s = '';
        for (let p = 0; p < rgba.length; p += 4) {
          // Rec. 601 luma, as poppler's grey output.
          s += String.fromCharCode(Math.round(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!));
        }
        return { width: img.width, height: img.height, data: btoa(s) };
      }, png.toString('base64'));
      out.push({ width: grey.width, height: grey.height, data: new Uint8Array(Buffer.from(grey.data, 'base64')) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * Page `n` (1-based) of a PDF rendered in grey by poppler at `dpi`. Lines thinner than a
 * pixel are drawn by their shape, anti-aliased (`-thinlinemode shape`), as a browser
 * draws them, rather than widened to one solid pixel.
 */
export function renderPdfPage(pdf: string, n: number, dpi: number): Grey {
  const args = ['-r', String(dpi), '-gray', '-thinlinemode', 'shape', '-f', String(n), '-l', String(n), pdf];
  const pgm = execFileSync('pdftoppm', args, { maxBuffer: 64 << 20 });
  return parsePgm(pgm);
}

/** Grey levels two pixels may differ by and still count as the same. */
export const GREY_TOLERANCE = 64;

/**
 * Share of the pixels of `a` and `b` (same size, else the larger, white outside) that
 * differ by more than `GREY_TOLERANCE` — from every pixel within `reachPx` of the same
 * place in the other bitmap, both ways. With `reachPx` 0 this is the plain per-pixel
 * count; 1 forgives sub-pixel placement: Chromium snaps each line of SVG text to whole
 * device pixels vertically, poppler draws it where it falls, and at 96 dpi that half
 * pixel alone moves the anti-aliased edge of every stroke.
 */
export function differingShare(a: Grey, b: Grey, reachPx = 1): number {
  const w = Math.max(a.width, b.width);
  const h = Math.max(a.height, b.height);
  const at = (g: Grey, x: number, y: number): number =>
    x >= 0 && y >= 0 && x < g.width && y < g.height ? g.data[y * g.width + x]! : 255;
  const near = (v: number, g: Grey, x: number, y: number): boolean => {
    for (let dy = -reachPx; dy <= reachPx; dy++) {
      for (let dx = -reachPx; dx <= reachPx; dx++) {
        if (Math.abs(v - at(g, x + dx, y + dy)) <= GREY_TOLERANCE) return true;
      }
    }
    return false;
  };
  let bad = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const va = at(a, x, y);
      const vb = at(b, x, y);
      if (Math.abs(va - vb) <= GREY_TOLERANCE) continue;
      if (!near(va, b, x, y) || !near(vb, a, x, y)) bad++;
    }
  }
  return bad / (w * h);
}
