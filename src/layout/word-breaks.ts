/**
 * Text that breaks only between words (docs/typography.md “Titles”, “Contents”):
 * titles (titles.ts) and contents entries. Each word (words.ts) becomes a span the
 * setter keeps whole; a space the author wrote is preferred as the break when
 * breaking only there takes no more lines. A line break written in the source
 * text (`\n`, from `title: |` in YAML) is a hard break. Once the breaks are chosen
 * the lines are set again from the source text with hard breaks between them, so a
 * space at a line end is not printed and one inside a line is printed as written.
 */
import { isSpaceChunk, phraseChunks, titleChunks } from './words.js';
import {
  lineText,
  type LeaderTrailer,
  type ParagraphContent,
  type ParagraphOptions,
  type SetLine,
  type SetParagraph,
  type StyledSpan,
} from './paragraph-types.js';

export const SPACES = /[\s\u3000]+/gu;
const SPACE = /[\s\u3000]/u;
const squash = (s: string): string => s.replace(SPACES, '');
const fits = (lines: readonly SetLine[]): boolean => lines.every((l) => !l.overfull);

/** Chunks as setter content: a word its own `keep` span, a space run one ASCII space (a break opportunity). */
export function chunkContent(chunks: readonly string[], span: StyledSpan): ParagraphContent[] {
  return chunks.map((c) => (isSpaceChunk(c) ? { ...span, text: ' ' } : { ...span, text: c, keep: true }));
}

/**
 * The source text of each set line (spaces inside a line as written, none at its
 * ends), with the index in `text` (code points) where it starts; null when the lines
 * do not spell `text`.
 */
export function sourceLines(text: string, lines: readonly SetLine[]): string[] | null {
  return sourceLineStarts(text, lines, null)?.map((l) => l.text) ?? null;
}

/** The text a line shows, without its trailer (leader and page number). */
function textOf(line: SetLine, trailer: LeaderTrailer | null): string {
  if (!line.hasTrailer || trailer === null) return lineText(line);
  const runs = line.runs.slice(0, -1);
  const last = runs[runs.length - 1];
  if (last && last.text.length > 0 && last.text === trailer.leader.repeat(last.text.length / trailer.leader.length))
    runs.pop();
  return runs.map((r) => r.text).join('');
}

function sourceLineStarts(
  text: string,
  lines: readonly SetLine[],
  trailer: LeaderTrailer | null,
): { text: string; start: number }[] | null {
  const chars = [...text];
  const out: { text: string; start: number }[] = [];
  let k = 0;
  for (const line of lines) {
    const want = squash(textOf(line, trailer));
    const need = [...want].length;
    while (k < chars.length && SPACE.test(chars[k]!)) k++;
    const start = k;
    let taken = 0;
    while (k < chars.length && taken < need) {
      if (!SPACE.test(chars[k]!)) taken++;
      k++;
    }
    const piece = chars.slice(start, k).join('').trim();
    if (squash(piece) !== want) return null;
    out.push({ text: piece, start });
  }
  return squash(chars.slice(k).join('')) === '' ? out : null;
}

/** Content cut into hard-break segments, a `\n` inside a span's text counting as a hard break. */
function segmentsOf(content: readonly ParagraphContent[]): StyledSpan[][] {
  const out: StyledSpan[][] = [[]];
  for (const c of content) {
    if ('kind' in c) {
      out.push([]);
      continue;
    }
    c.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part !== '') out[out.length - 1]!.push({ ...c, text: part });
    });
  }
  return out;
}

const joinSegments = (segs: readonly (readonly ParagraphContent[])[]): ParagraphContent[] =>
  segs.flatMap((seg, i): ParagraphContent[] => (i === 0 ? [...seg] : [{ kind: 'break' }, ...seg]));

/**
 * `content` (plain spans and hard breaks) made to break only between words, as the
 * module docblock says: the content to set. A space is preferred when breaking at
 * the spaces (a phrase longer than a line between its words) takes no more lines. Left as it is when every segment fits
 * on one line (the segmenter is then never loaded), and whenever no word setting
 * fits the measure (a word longer than the line).
 */
export function wordBrokenContent(
  set: SetParagraph,
  content: readonly ParagraphContent[],
  options: ParagraphOptions,
): ParagraphContent[] {
  const segs = segmentsOf(content);
  const plain = joinSegments(segs);
  const asIs = set(plain, options);
  if (asIs.length === segs.length && fits(asIs)) return plain;
  const chunked = (chunk: (sp: StyledSpan) => string[]) =>
    joinSegments(segs.map((seg) => seg.flatMap((sp) => chunkContent(chunk(sp), sp))));
  const words = chunked((sp) => titleChunks(sp.text));
  const wordLines = set(words, options);
  let best: { content: ParagraphContent[]; lines: readonly SetLine[] } | null = fits(wordLines)
    ? { content: words, lines: wordLines }
    : null;
  if (segs.some((seg) => seg.some((sp) => SPACE.test(sp.text)))) {
    const narrowest = Math.min(options.widthPt - options.firstIndentPt, options.widthPt - options.restIndentPt);
    const phrases = chunked((sp) =>
      phraseChunks(
        sp.text,
        (phrase) =>
          set([{ ...sp, text: phrase }], {
            ...options,
            widthPt: narrowest,
            firstIndentPt: 0,
            restIndentPt: 0,
            trailer: null,
          }).length === 1,
      ),
    );
    const phraseLines = set(phrases, options);
    if (fits(phraseLines) && (best === null || phraseLines.length <= best.lines.length))
      best = { content: phrases, lines: phraseLines };
  }
  if (best === null) return plain;
  // Again from the source text, line by line (each line's style is its first character's span's).
  const spans = segs.flat();
  const owner = spans.flatMap((sp) => [...sp.text].map(() => sp));
  const text = spans.map((sp) => sp.text).join('');
  const lines = sourceLineStarts(text, best.lines, options.trailer);
  if (lines === null) return best.content;
  const rebuilt = joinSegments(lines.map((l) => [{ ...owner[l.start]!, text: l.text }]));
  const again = set(rebuilt, options);
  return again.length === lines.length && fits(again) ? rebuilt : best.content;
}
