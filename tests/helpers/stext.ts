/**
 * A finished PDF read back glyph by glyph: MuPDF's structured text (`mutool draw -F stext`)
 * gives every character with its quad (the advance box the font gives it) and baseline, in
 * lines as MuPDF groups them (one line per baseline run; a table cell is a line of its own).
 * Spaces MuPDF adds for gaps it sees (and space glyphs) are dropped: the checks measure gaps
 * from the quads themselves.
 */
import { execFileSync } from 'node:child_process';

/** One drawn character: its quad's horizontal and vertical extent in pt (y downwards from the page top). */
export interface Glyph {
  readonly c: string;
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly bottom: number;
  readonly baseline: number;
  readonly sizePt: number;
  readonly font: string;
}

export interface TextLine {
  /** Physical page, 1-based. */
  readonly page: number;
  readonly glyphs: readonly Glyph[];
  readonly text: string;
  readonly baseline: number;
  /** The size most of the line's glyphs have. */
  readonly sizePt: number;
  readonly x0: number;
  readonly x1: number;
}

export interface StextPage {
  readonly n: number;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly lines: readonly TextLine[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

const isSpace = (c: string) => /^[\s\u3000\u00a0]$/u.test(c);

/**
 * A line from its glyphs, in the order the PDF draws them (reading order: a compressed mark's
 * quad may begin left of the glyph before it, so sorting by position would reorder —“).
 */
export function makeLine(page: number, glyphs: readonly Glyph[]): TextLine {
  const sorted = glyphs;
  const bySize = new Map<number, number>();
  for (const g of sorted) bySize.set(g.sizePt, (bySize.get(g.sizePt) ?? 0) + 1);
  const sizePt = [...bySize.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const main = sorted.filter((g) => g.sizePt === sizePt);
  return {
    page,
    glyphs: sorted,
    text: sorted.map((g) => g.c).join(''),
    baseline: main.length ? main[0].baseline : 0,
    sizePt,
    x0: Math.min(...sorted.map((g) => g.x0)),
    x1: Math.max(...sorted.map((g) => g.x1)),
  };
}

/** Pages of `mutool draw -F stext` XML. */
export function parseStext(xml: string): StextPage[] {
  const pages: StextPage[] = [];
  const pageRe = /<page [^>]*width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (let pm: RegExpExecArray | null; (pm = pageRe.exec(xml));) {
    const n = pages.length + 1;
    const lines: TextLine[] = [];
    for (const lm of pm[3].matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
      const glyphs: Glyph[] = [];
      let font = '';
      let sizePt = 0;
      for (const m of lm[1].matchAll(
        /<font name="([^"]*)" size="([\d.]+)">|<char quad="([^"]+)" x="[^"]*" y="([^"]+)"[^>]*c="([^"]*)"\/>/g,
      )) {
        if (m[1] !== undefined) {
          font = m[1];
          sizePt = Number(m[2]);
          continue;
        }
        const c = unescape(m[5]);
        if (isSpace(c)) continue;
        const q = m[3].split(/\s+/).map(Number);
        const xs = [q[0], q[2], q[4], q[6]];
        const ys = [q[1], q[3], q[5], q[7]];
        glyphs.push({
          c,
          x0: Math.min(...xs),
          x1: Math.max(...xs),
          top: Math.min(...ys),
          bottom: Math.max(...ys),
          baseline: Number(m[4]),
          sizePt,
          font,
        });
      }
      if (glyphs.length) lines.push(makeLine(n, glyphs));
    }
    pages.push({ n, widthPt: Number(pm[1]), heightPt: Number(pm[2]), lines });
  }
  return pages;
}

/** Every page of `pdf` as MuPDF's structured text. */
export function readStext(pdf: string): StextPage[] {
  const xml = execFileSync('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', pdf], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return parseStext(xml);
}
