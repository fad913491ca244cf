/**
 * Writing the recognised compilation as huibian sources (SPEC §1): `collection.yaml`,
 * one `NN-<id>.md` per piece with YAML front matter, `import-removed.txt` (every removed
 * span with its input line and rule), and the terminal summary.
 */
import YAML from 'yaml';
import { formatDiagnostic } from '../model/diagnostics.js';
import { markupParagraph, escapeMarkdown } from './inline.js';
import type { Paragraph } from './paragraphs.js';
import type { BannerDraft, PartDraft, PieceDraft } from './structure.js';
import { REMOVING_RULES, type Guess, type OutputFile, type RemovedSpan, type RuleName } from './types.js';

/** First line of `import-removed.txt`; its presence marks a folder made by `huibian import`. */
export const REMOVED_FILE = 'import-removed.txt';
export const REMOVED_HEADER = '# huibian import: text removed from';

const yamlOptions = { lineWidth: 0 } as const;

/** `piece-NN`: no pinyin without a dictionary, so ids are positional. */
export function pieceId(n: number): string {
  return `piece-${String(n).padStart(2, '0')}`;
}

export function pieceFileName(n: number): string {
  return `${String(n).padStart(2, '0')}-${pieceId(n)}.md`;
}

export function pieceFile(piece: PieceDraft, n: number, paragraphs: readonly Paragraph[], date: string | null): OutputFile {
  const front: Record<string, string> = { title: piece.title };
  if (piece.subtitle) front.subtitle = piece.subtitle;
  if (piece.role) front.role = piece.role;
  if (piece.author) front.author = piece.author;
  if (date) front.date = date;
  front.id = pieceId(n);
  const body = paragraphs
    .map((p) => (p.heading > 0 ? `${'#'.repeat(p.heading + 1)} ${escapeMarkdown(p.text, false)}` : markupParagraph(p.text)))
    .join('\n\n');
  return { path: pieceFileName(n), content: `---\n${YAML.stringify(front, yamlOptions)}---\n\n${body}\n` };
}

export function collectionFile(
  title: string,
  showCount: boolean,
  banner: BannerDraft | null,
  parts: readonly PartDraft[],
  pieceParts: readonly number[],
): OutputFile {
  const doc: Record<string, unknown> = { title };
  if (!showCount) doc.showCount = false;
  if (banner) {
    const b: Record<string, string> = {};
    if (banner.headline) b.headline = banner.headline;
    if (banner.name) b.name = banner.name;
    if (banner.source) b.source = banner.source;
    if (banner.date) b.date = banner.date;
    doc.banner = b;
  }
  doc.template = 'compilation';
  doc.lang = 'zh-CN';
  const files = pieceParts.map((_, i) => pieceFileName(i + 1));
  if (parts.length > 0) {
    doc.parts = parts.map((p, k) => ({ title: p.title, pieces: files.filter((_, i) => pieceParts[i] === k) }));
  } else {
    doc.pieces = files;
  }
  return { path: 'collection.yaml', content: YAML.stringify(doc, yamlOptions) };
}

export function removedFile(fileName: string, encoding: string, removed: readonly RemovedSpan[]): OutputFile {
  const sorted = [...removed].sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = [
    `${REMOVED_HEADER} ${fileName} (${encoding})`,
    '# line:column<TAB>rule<TAB>text',
    ...sorted.map((r) => `${r.line}:${r.column}\t${r.rule}\t${r.text}`),
  ];
  return { path: REMOVED_FILE, content: lines.join('\n') + '\n' };
}

export interface SummaryInput {
  readonly fileName: string;
  readonly encoding: string;
  readonly pieces: readonly PieceDraft[];
  readonly contentsEntries: number | null;
  readonly titleCount: number | null;
  readonly parts: number;
  readonly counts: Readonly<Record<RuleName, number>>;
  readonly guesses: readonly Guess[];
}

export function summaryText(s: SummaryInput): string {
  const out: string[] = [];
  const checks: string[] = [];
  if (s.contentsEntries !== null) checks.push(`contents lists ${s.contentsEntries}`);
  if (s.titleCount !== null) checks.push(`title says ${s.titleCount}`);
  out.push(`huibian import: ${s.fileName} (${s.encoding})`);
  out.push(`pieces found: ${s.pieces.length}${checks.length ? ` (${checks.join(', ')})` : ''}${s.parts ? ` in ${s.parts} parts` : ''}`);
  s.pieces.forEach((p, i) => {
    const by = [p.role, p.author].filter(Boolean).join('');
    out.push(`  ${String(i + 1).padStart(2, '0')}  ${p.title}${by ? ` — ${by}` : ''}  (line ${p.titleLine})`);
  });
  out.push('cleaning rules fired:');
  const names = Object.keys(s.counts) as RuleName[];
  const width = Math.max(...names.map((n) => n.length));
  for (const n of names) {
    const tag = REMOVING_RULES.includes(n) ? '' : ' (kept text)';
    out.push(`  ${n.padEnd(width)}  ${String(s.counts[n]).padStart(4)}${tag}`);
  }
  if (s.guesses.length === 0) out.push('guesses to check: none');
  else {
    out.push(`guesses to check: ${s.guesses.length}`);
    for (const g of [...s.guesses].sort((a, b) => a.line - b.line)) {
      out.push(formatDiagnostic({ severity: 'warning', file: s.fileName, line: g.line, column: 1, message: g.message }));
    }
  }
  return out.join('\n');
}
