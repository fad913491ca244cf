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
 * Both sides are drawn four times finer than the resolution compared and averaged down,
 * 4 × 4 device pixels to one (`SUPERSAMPLE`), the same way on both sides: Chromium places
 * each TextObject's SVG box on whole CSS pixels, whatever the device scale, and poppler's
 * Splash backend puts each large glyph on whole pixels too, so compared at the drawing
 * resolution the two disagree by up to half a pixel per line wherever a stroke has an
 * edge — a difference of renderers, not of the pages. ofd.js is kept at its 96 dpi scale,
 * the only one at which it sizes images right (it takes an image pixel as 0.2642 mm),
 * and the page is zoomed four times in CSS; poppler draws through cairo, which places
 * glyphs where they fall.
 *
 * The reader is `node_modules/ofd.js/lib/ofd.umd.js` (ofd.js 0.2.x, Apache-2.0, pure
 * JavaScript).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { DOMParser } from '@xmldom/xmldom';
import { chromium, type Browser } from 'playwright-core';
import { tempDir } from '../helpers/tmp.js';
import type { Built } from './pipeline.js';
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

/** Resolution of the bitmaps compared: ofd.js's own scale, the one at which it sizes images right. */
export const DPI = 96;
/** Each compared pixel is the mean of this many device pixels each way, on both sides. */
export const SUPERSAMPLE = 4;

export interface RenderOptions {
  /** Hand the package's fonts to the browser (default true). */
  readonly loadFonts?: boolean;
}

/** The mean of each `n` × `n` block of `g` (edges that do not fill a block dropped). */
export function averageDown(g: Grey, n: number): Grey {
  const width = Math.floor(g.width / n);
  const height = Math.floor(g.height / n);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < n; dy++) {
        const row = (y * n + dy) * g.width + x * n;
        for (let dx = 0; dx < n; dx++) sum += g.data[row + dx]!;
      }
      data[y * width + x] = Math.round(sum / (n * n));
    }
  }
  return { width, height, data };
}

/** A PNG as grey: Rec. 601 luma of its colours, as poppler's grey output, over white. */
export function pngToGrey(png: Buffer): Grey {
  const img = PNG.sync.read(png);
  const data = new Uint8Array(img.width * img.height);
  const rgba = img.data;
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const luma = 0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!;
    const a = rgba[p + 3]!;
    data[i] = Math.round((luma * a + 255 * (255 - a)) / 255);
  }
  return { width: img.width, height: img.height, data };
}

/** Every page of an OFD as ofd.js draws it, in grey, at `DPI` (drawn at `SUPERSAMPLE` times that). */
export async function renderOfdPages(ofd: Uint8Array, opts: RenderOptions = {}): Promise<Grey[]> {
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({
      deviceScaleFactor: 1,
      viewport: { width: 1200 * SUPERSAMPLE, height: 1600 * SUPERSAMPLE },
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><html><body style="margin:0;background:white"></body></html>');
    await page.addScriptTag({ path: readerScript() });
    const fonts = opts.loadFonts === false ? [] : embeddedFontFaces(ofd);
    const count = await page.evaluate(
      async ({ b64, fonts, scale, zoom }) => {
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
        document.body.style.zoom = String(zoom);
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
      { b64: Buffer.from(ofd).toString('base64'), fonts, scale: DPI / 25.4, zoom: SUPERSAMPLE },
    );
    if (errors.length > 0) throw new Error(`ofd.js failed: ${errors.join('; ')}`);
    // Chromium's own capture with its fast PNG settings: a page at 384 dpi is 14 million pixels.
    const cdp = await page.context().newCDPSession(page);
    const out: Grey[] = [];
    for (let i = 0; i < count; i++) {
      const box = (await page.locator(`#ofd-page-${i}`).boundingBox())!;
      const shot = (await cdp.send('Page.captureScreenshot', {
        format: 'png',
        optimizeForSpeed: true,
        captureBeyondViewport: true,
        clip: { ...box, scale: 1 },
      })) as { data: string };
      out.push(averageDown(pngToGrey(Buffer.from(shot.data, 'base64')), SUPERSAMPLE));
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * Page `n` (1-based) of a PDF rendered in grey by poppler (its cairo backend) at `DPI`,
 * drawn at `SUPERSAMPLE` times that and averaged down as the OFD's pages are. Written
 * as an uncompressed TIFF: cairo's PNG compression of a page at 384 dpi costs seven
 * times its drawing.
 */
export function renderPdfPage(pdf: string, n: number): Grey {
  const base = join(tempDir('huibian-poppler-'), 'page');
  const args = ['-tiff', '-tiffcompression', 'none', '-gray', '-r', String(DPI * SUPERSAMPLE)];
  execFileSync('pdftocairo', [...args, '-f', String(n), '-l', String(n), '-singlefile', pdf, base]);
  return averageDown(greyTiff(readFileSync(`${base}.tif`)), SUPERSAMPLE);
}

/** TIFF 6.0 tags read by `greyTiff`. */
const TIFF_TAG = {
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  stripOffsets: 273,
  samplesPerPixel: 277,
  stripByteCounts: 279,
} as const;

/** An uncompressed 8-bit grey TIFF (one sample a pixel, in strips; 0 black or, photometric 0, white). */
export function greyTiff(buf: Buffer): Grey {
  const le = buf.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number): number => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number): number => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd = u32(4);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + i * 12;
    const [type, count] = [u16(e + 2), u32(e + 4)];
    const size = type === 3 ? 2 : 4;
    const at = count * size <= 4 ? e + 8 : u32(e + 8);
    tags.set(
      u16(e),
      Array.from({ length: count }, (_, k) => (size === 2 ? u16(at + 2 * k) : u32(at + 4 * k))),
    );
  }
  const one = (tag: number, dflt?: number): number => tags.get(tag)?.[0] ?? dflt ?? NaN;
  if (one(TIFF_TAG.bitsPerSample, 1) !== 8 || one(TIFF_TAG.samplesPerPixel, 1) !== 1) {
    throw new Error('not an 8-bit grey TIFF');
  }
  if (one(TIFF_TAG.compression, 1) !== 1) throw new Error('compressed TIFF');
  const [width, height] = [one(TIFF_TAG.width), one(TIFF_TAG.height)];
  const data = new Uint8Array(width * height);
  let pos = 0;
  const counts = tags.get(TIFF_TAG.stripByteCounts)!;
  tags.get(TIFF_TAG.stripOffsets)!.forEach((offset, i) => {
    data.set(buf.subarray(offset, offset + counts[i]!), pos);
    pos += counts[i]!;
  });
  if (pos !== data.length) throw new Error(`TIFF strips hold ${pos} pixels, not ${width} × ${height}`);
  if (one(TIFF_TAG.photometric) === 0) for (let i = 0; i < data.length; i++) data[i] = 255 - data[i]!;
  return { width, height, data };
}

/** Largest share of differing pixels on a page. */
export const MAX_DIFFERING = 0.01;

/** Each page of the OFD as the reader draws it against the same page of the PDF: the share of differing pixels. */
export async function pageShares(b: Built): Promise<number[]> {
  const ofdPages = await renderOfdPages(b.ofd);
  if (ofdPages.length !== b.tree.pages.length) {
    throw new Error(`the reader drew ${ofdPages.length} pages, the page tree has ${b.tree.pages.length}`);
  }
  return ofdPages.map((g, i) => differingShare(g, renderPdfPage(b.pdfFile, i + 1)));
}

/** Grey levels two pixels may differ by and still count as the same. */
export const GREY_TOLERANCE = 64;

/**
 * Share of the pixels of `a` and `b` (same size, else the larger, white outside) that
 * differ by more than `GREY_TOLERANCE`, pixel for pixel.
 */
export function differingShare(a: Grey, b: Grey): number {
  const w = Math.max(a.width, b.width);
  const h = Math.max(a.height, b.height);
  const at = (g: Grey, x: number, y: number): number => (x < g.width && y < g.height ? g.data[y * g.width + x]! : 255);
  let bad = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) if (Math.abs(at(a, x, y) - at(b, x, y)) > GREY_TOLERANCE) bad++;
  }
  return bad / (w * h);
}
