/**
 * Soft line breaks → joined text (docs/sources.md “Soft line breaks”, clreq §3.1).
 *
 * Text pasted from PDFs and newspapers is hard-wrapped. A soft break (a newline
 * inside a paragraph, with any spaces around it) between two Chinese characters
 * (Han, or Han and CJK punctuation) disappears; elsewhere it becomes one space.
 * The neighbours are looked up across inline boundaries, so `*强调*\n汉字` joins
 * too. Code spans count as text; footnote references are transparent.
 */
import type { Inline } from '../model/types.js';
import { joinsWithoutSpace } from '../model/cjk.js';

interface Leaf {
  text: string;
  /** null for opaque leaves whose text must not be rewritten (code spans). */
  readonly target: { text: string } | null;
}

const SOFT_BREAK = /[ \t]*\r?\n[ \t]*/g;

function collectLeaves(inlines: readonly Inline[], out: Leaf[]): void {
  for (const inl of inlines) {
    switch (inl.kind) {
      case 'text':
        out.push({ text: inl.text, target: inl as unknown as { text: string } });
        break;
      case 'code':
        out.push({ text: inl.text, target: null });
        break;
      case 'break':
        out.push({ text: '\n', target: null });
        break;
      case 'footnoteRef':
        break;
      default:
        collectLeaves(inl.children, out);
    }
  }
}

/** The last character (code point) of `s` before index `end` (default: its end), in constant time. */
function lastChar(s: string, end = s.length): string | null {
  if (end <= 0) return null;
  const low = s.charCodeAt(end - 1);
  const pair =
    end >= 2 && low >= 0xdc00 && low <= 0xdfff && s.charCodeAt(end - 2) >= 0xd800 && s.charCodeAt(end - 2) <= 0xdbff;
  return s.slice(pair ? end - 2 : end - 1, end);
}

/** The first character (code point) of `s` from index `start`, in constant time. */
function firstChar(s: string, start = 0): string | null {
  const cp = s.codePointAt(start);
  return cp === undefined ? null : String.fromCodePoint(cp);
}

/** Resolves soft breaks in place in freshly built inlines, then drops text that became empty. */
export function resolveSoftBreaks(inlines: Inline[]): Inline[] {
  const leaves: Leaf[] = [];
  collectLeaves(inlines, leaves);
  const charBefore = (i: number): string | null => {
    for (let j = i - 1; j >= 0; j--) {
      const c = lastChar(leaves[j].text);
      if (c !== null) return c === '\n' ? null : c;
    }
    return null;
  };
  const charAfter = (i: number): string | null => {
    for (let j = i + 1; j < leaves.length; j++) {
      const c = firstChar(leaves[j].text);
      if (c !== null) return c === '\n' ? null : c;
    }
    return null;
  };
  // Decide every break from the original neighbours first, then rewrite.
  const rewritten = leaves.map((leaf, i) => {
    if (leaf.target === null || !leaf.text.includes('\n')) return leaf.text;
    return leaf.text.replace(SOFT_BREAK, (m: string, offset: number, whole: string) => {
      const before = offset > 0 ? lastChar(whole, offset) : charBefore(i);
      const end = offset + m.length;
      const after = end < whole.length ? firstChar(whole, end) : charAfter(i);
      if (before === null || after === null) return '';
      return joinsWithoutSpace(before, after) ? '' : ' ';
    });
  });
  leaves.forEach((leaf, i) => {
    if (leaf.target) leaf.target.text = rewritten[i];
  });
  return dropEmptyText(inlines);
}

function dropEmptyText(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inl of inlines) {
    if (inl.kind === 'text') {
      if (inl.text !== '') out.push(inl);
    } else if ('children' in inl) {
      out.push({ ...inl, children: dropEmptyText(inl.children) });
    } else {
      out.push(inl);
    }
  }
  return out;
}
