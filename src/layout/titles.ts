/**
 * Centred titles that wrap form a trapezoid (GB/T 9704-2012 §7.3.1: 标题“排列应当
 * 使用梯形或菱形”): the fewest lines the measure allows, balanced so that lengths
 * differ little and an upper line is never shorter than the one below it.
 *
 * Done here rather than in the setter: the title is set again on narrower
 * measures (the setter keeps every rule — no Latin word or number split, no
 * no-start mark at a line start) down to the narrowest that keeps the line count,
 * widened in small steps until the lines read as a trapezoid. With three lines or
 * more, the first line is kept and the rest is balanced again the same way on at
 * most the first line's width (37 characters on 10 a line: 10/9/9/9, not
 * 10/10/10/7). Every line is centred on the widest; the caller centres that on the
 * full measure.
 *
 * A title (one span of plain text, `setTitle`) breaks only between words
 * (words.ts): its chunks are spans the setter keeps whole. A space the author
 * wrote is preferred: the title is balanced on its space-separated phrases when
 * that takes no more lines than breaking between words. A line break in the source
 * text (`title: |` in YAML) is kept, and each part between explicit breaks is
 * balanced on its own. The lines are then set again from the source text, each on
 * a line of its own: a space at a line end is not printed, one inside a line
 * is printed as written.
 */
import { phraseChunks, titleChunks } from './words.js';
import { chunkContent, SPACES, sourceLines } from './word-breaks.js';
import {
  lineText,
  type ParagraphContent,
  type ParagraphOptions,
  type SetLine,
  type SetParagraph,
  type StyledSpan,
} from './paragraph-types.js';

export interface BalancedTitle {
  readonly lines: readonly SetLine[];
  /** The measure the lines are centred on (≤ the full width). */
  readonly widthPt: number;
}

/** Step when widening a balanced measure to restore the trapezoid, em of the title size. */
const WIDEN_STEP_EM = 0.25;

const fits = (lines: readonly SetLine[]): boolean => lines.every((l) => !l.overfull && !l.forcedBreak);
const plain = (content: readonly ParagraphContent[]): string =>
  content.map((c) => ('kind' in c ? '' : c.text)).join('');

/** Upper lines at least as long as the lines below them (within a hair). */
export function isTrapezoid(lines: readonly SetLine[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i].widthPt > lines[i - 1].widthPt + 0.01) return false;
  return true;
}

/** The narrowest uniform measure ≤ `maxPt` keeping `n` lines, widened until the lines form a trapezoid. */
function narrowest(
  set: SetParagraph,
  content: readonly ParagraphContent[],
  options: ParagraphOptions,
  n: number,
  emPt: number,
  maxPt: number,
  known?: ReadonlyMap<number, readonly SetLine[]>,
): BalancedTitle | null {
  // The setter is pure: a measure tried once (the full one, the last of the search) is not set again.
  const memo = new Map(known);
  const at = (w: number): readonly SetLine[] => {
    let lines = memo.get(w);
    if (lines === undefined) {
      lines = set(content, { ...options, widthPt: w });
      memo.set(w, lines);
    }
    return lines;
  };
  const ok = (lines: readonly SetLine[]): boolean => lines.length === n && fits(lines);
  const top = at(maxPt);
  if (!ok(top)) return null;
  const natural = top.reduce((s, l) => s + l.widthPt, 0);
  let lo = Math.max(emPt, natural / n - emPt);
  let hi = maxPt;
  if (lo < hi && ok(at(lo))) hi = lo;
  for (let k = 0; k < 24 && hi - lo > 0.05; k++) {
    const mid = (lo + hi) / 2;
    if (ok(at(mid))) hi = mid;
    else lo = mid;
  }
  let w = hi;
  let lines = at(w);
  while (!isTrapezoid(lines) && w < maxPt) {
    w = Math.min(maxPt, w + WIDEN_STEP_EM * emPt);
    const next = at(w);
    if (!ok(next)) break;
    lines = next;
  }
  return ok(lines) ? { lines, widthPt: w } : null;
}

/** The content after its first `count` UTF-16 units, leading spaces dropped (the break ate them). */
function dropPrefix(content: readonly ParagraphContent[], count: number): ParagraphContent[] {
  const out: ParagraphContent[] = [];
  let left = count;
  for (const c of content) {
    if ('kind' in c) {
      if (left <= 0) out.push(c);
      continue;
    }
    const span = c as StyledSpan;
    if (left >= span.text.length) {
      left -= span.text.length;
      continue;
    }
    const rest = span.text.slice(Math.max(0, left));
    left = 0;
    const trimmed = out.length === 0 ? rest.replace(/^\s+/, '') : rest;
    if (trimmed) out.push({ ...span, text: trimmed });
  }
  return out;
}

/** Lines set on measures of their own, re-expressed centred on a common measure of `widthPt`. */
function centreOn(parts: readonly { line: SetLine; widthPt: number }[], widthPt: number): SetLine[] {
  return parts.map(({ line, widthPt: w }) => {
    const d = (widthPt - w) / 2;
    return d === 0 ? line : { ...line, runs: line.runs.map((r) => ({ ...r, xPt: r.xPt + d })) };
  });
}

/** `n` lines: the first from the narrowest uniform setting, the rest balanced again below it. */
function balanceLines(
  set: SetParagraph,
  content: readonly ParagraphContent[],
  options: ParagraphOptions,
  n: number,
  emPt: number,
  maxPt: number,
  known?: ReadonlyMap<number, readonly SetLine[]>,
): { line: SetLine; widthPt: number }[] | null {
  const uniform = narrowest(set, content, options, n, emPt, maxPt, known);
  if (!uniform) return null;
  const asIs = uniform.lines.map((line) => ({ line, widthPt: uniform.widthPt }));
  if (n < 3) return asIs;
  const first = uniform.lines[0];
  const text = plain(content);
  const head = lineText(first);
  if (!text.startsWith(head)) return asIs;
  const rest = dropPrefix(content, head.length);
  const below = balanceLines(
    set,
    rest,
    options,
    n - 1,
    emPt,
    Math.min(maxPt, Math.max(first.widthPt, uniform.widthPt)),
  );
  if (!below || below[0].line.widthPt > first.widthPt + 0.01) return asIs;
  return [{ line: first, widthPt: uniform.widthPt }, ...below];
}

/**
 * Sets `content` centred on `options.widthPt`, balanced: for one line, as is; for
 * more, as the module docblock says. Falls back to the plain setting whenever a
 * balanced one would lose or reorder text.
 */
export function balanceCentred(
  set: SetParagraph,
  content: readonly ParagraphContent[],
  options: ParagraphOptions,
  emPt: number,
): BalancedTitle {
  const full = set(content, options);
  if (full.length < 2 || !fits(full)) return { lines: full, widthPt: options.widthPt };
  const parts = balanceLines(
    set,
    content,
    options,
    full.length,
    emPt,
    options.widthPt,
    new Map([[options.widthPt, full]]),
  );
  if (!parts) return { lines: full, widthPt: options.widthPt };
  const widthPt = Math.max(...parts.map((p) => p.widthPt));
  const lines = centreOn(parts, widthPt);
  const squash = (s: string): string => s.replace(/\s+/g, '');
  if (squash(lines.map(lineText).join('')) !== squash(plain(content))) return { lines: full, widthPt: options.widthPt };
  return { lines, widthPt };
}

/** A title as set: its lines (centred on the full measure) and the text of each. */
export interface SetTitle extends BalancedTitle {
  readonly texts: readonly string[];
}

/** One part of a title (no explicit break) as the texts of its lines, broken between words and balanced. */
function partLines(
  set: SetParagraph,
  span: StyledSpan,
  text: string,
  options: ParagraphOptions,
  emPt: number,
): string[] {
  const alone = set([{ ...span, text }], options);
  if (alone.length === 1 && fits(alone)) return [text];
  let best: BalancedTitle | null = null;
  const words = balanceCentred(set, chunkContent(titleChunks(text), span), options, emPt);
  if (fits(words.lines)) best = words;
  if (/[\s\u3000]/u.test(text)) {
    const fitsLine = (phrase: string) => set([{ ...span, text: phrase }], options).length === 1;
    const phrases = balanceCentred(set, chunkContent(phraseChunks(text, fitsLine), span), options, emPt);
    if (fits(phrases.lines) && (best === null || phrases.lines.length <= best.lines.length)) best = phrases;
  }
  // A word longer than the measure: broken as any text (the overfull warning follows if even that fails).
  best ??= balanceCentred(set, [{ ...span, text }], options, emPt);
  return sourceLines(text, best.lines) ?? [text];
}

/** Lines as content: each text a span of its own, hard breaks between them. */
function linesContent(texts: readonly string[], span: StyledSpan): ParagraphContent[] {
  return texts.flatMap((t, i): ParagraphContent[] =>
    i === 0 ? [{ ...span, text: t }] : [{ kind: 'break' }, { ...span, text: t }],
  );
}

/**
 * Sets a title (one span of plain text, centred, no indents) as the module
 * docblock says; its lines are centred on `options.widthPt`.
 */
export function setTitle(set: SetParagraph, span: StyledSpan, options: ParagraphOptions, emPt: number): SetTitle {
  const parts = span.text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const asIs = set(linesContent(parts, span), options);
  if (asIs.length === parts.length && fits(asIs)) return { lines: asIs, widthPt: options.widthPt, texts: parts };
  const texts = parts.flatMap((p) => partLines(set, span, p, options, emPt));
  const lines = set(linesContent(texts, span), options);
  if (lines.length === texts.length && fits(lines)) return { lines, widthPt: options.widthPt, texts };
  // A space printed as written widened a line past the measure: word spaces instead.
  const tight = texts.map((t) => t.replace(SPACES, ' '));
  return { lines: set(linesContent(tight, span), options), widthPt: options.widthPt, texts: tight };
}
