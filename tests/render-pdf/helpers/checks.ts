/** Checks over a rendered PDF through poppler and qpdf, shared by the PDF test files. */
import { execFileSync } from 'node:child_process';
import type { Block, Collection, Inline } from '../../../src/model/types.js';
import { pdfText } from './pipeline.js';

const NO_START = new Set([...'、。，．：；！？”’）》〉」』】〗〕］｝']);
const NO_END = new Set([...'“‘（《〈「『【〖〔［｛']);

/** Text of each page (index 0 = physical page 1). */
export function allPages(file: string, count: number): string[] {
  // One pdftotext call; pages are separated by form feeds.
  const pages = pdfText(file).split('\f').slice(0, count);
  if (pages.length !== count) throw new Error(`pdftotext gave ${pages.length} pages, expected ${count}`);
  return pages;
}

/** The printed number in a page's footer (“— 3 —” or “3” on the last line), or null. */
export function footerNumber(pageText: string): number | null {
  const lines = pageText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const m = /^(?:—\s*)?(\d+)(?:\s*—)?$/.exec(lines[lines.length - 1] ?? '');
  return m ? Number(m[1]) : null;
}

/** Page numbers at the ends of contents lines, in order. */
export function contentsNumbers(pages: readonly string[]): number[] {
  return pages.flatMap((p) =>
    p
      .split('\n')
      .map((l) => /[…·.]\s*(\d+)\s*$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1])),
  );
}

export const squash = (s: string): string => s.replace(/\s+/g, '');

/** Lines that begin with a no-start mark or end with an opening mark. */
export function kinsokuViolations(pages: readonly string[]): string[] {
  const bad: string[] = [];
  for (const p of pages) {
    for (const raw of p.split('\n')) {
      const l = raw.trim();
      if (!l) continue;
      if (NO_START.has([...l][0]) || NO_END.has([...l].at(-1)!)) bad.push(l);
    }
  }
  return bad;
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((n) =>
      n.kind === 'text' || n.kind === 'code'
        ? n.text
        : n.kind === 'footnoteRef'
          ? String(n.n)
          : 'children' in n
            ? inlineText(n.children)
            : '',
    )
    .join('');
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return inlineText(b.inlines);
    case 'quote':
      return b.blocks.map(blockText).join('');
    case 'list':
      return b.items.map((it) => it.blocks.map(blockText).join('')).join('');
    case 'code':
      return b.lines.join('');
    case 'image':
      return b.caption;
    default:
      return '';
  }
}

/** A piece's text as the reader should find it on the page: title, subtitle, byline, body. */
export function pieceText(c: Collection, n: number): string {
  const p = c.pieces.find((x) => x.n === n)!;
  return squash([p.title, p.subtitle ?? '', p.byline, ...p.blocks.map(blockText)].join(''));
}

/** Body text of a page with the footer and running header removed. */
export function bodyOf(pageText: string): string {
  const lines = pageText.split('\n').filter((l) => l.trim());
  if (footerNumber(pageText) !== null) lines.pop();
  return squash(lines.join(''));
}

export function pdffonts(file: string): { name: string; emb: string; sub: string }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni id gen: read from the right.
    return { name: cols[0], emb: cols[cols.length - 5], sub: cols[cols.length - 4] };
  });
}

export function qpdfCheck(file: string): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }) };
  } catch (e) {
    return { ok: false, out: String((e as { stdout?: string }).stdout ?? e) };
  }
}

export function qpdfJson(file: string, key: string): unknown {
  return JSON.parse(execFileSync('qpdf', ['--json', `--json-key=${key}`, file], { encoding: 'utf8' }))[key];
}
